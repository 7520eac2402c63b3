import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentFeature } from '../../src/lib/data/schema';
import { PASSPHRASE, jsonHeaders, startStaffedServer, type StaffedServer } from './accounts';
import { launchBrowser, waitForMapIdle } from './browser';
import { DETAILS, listedIds } from './dashboard_page';
import { newIncident, newSource } from './editing_records';

/**
 * The incident editor in a real Chromium against the built server (CSP on), with accounts made
 * by the real `user:add` before the server started.
 */
let staff: StaffedServer;
let browser: Browser;
beforeAll(async () => {
	staff = await startStaffedServer();
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await staff?.stop();
});

const url = (path: string) => staff.server.url + path;
const SEED_ID = '2020-11-23-madagiz-mine';
const EDITOR_MAP = '[data-testid="editor-map"]';

/** Answers the editor provokes on purpose (a 400 naming a field, a stale 409); Chromium logs them. */
const EXPECTED_STATUS = /status of (400|409)/;

interface Session {
	page: Page;
	problems: string[];
	close: () => Promise<void>;
}

/** A fresh browser whose requests may go to the server only; page and console errors collected. */
async function session(options: BrowserContextOptions = {}): Promise<Session> {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
	const problems: string[] = [];
	await ctx.route('**/*', (route) => {
		const target = route.request().url();
		if (target.startsWith(staff.server.url) || /^(data|blob):/.test(target))
			return route.continue();
		problems.push(`request left the test server: ${target}`);
		return route.abort();
	});
	const page = await ctx.newPage();
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error' && !EXPECTED_STATUS.test(m.text()))
			problems.push(`console error: ${m.text()}`);
	});
	return { page, problems, close: () => ctx.close() };
}

async function signIn(page: Page, role: 'editor' | 'reviewer', next = '/') {
	await page.goto(url(`/signin?next=${encodeURIComponent(next)}`));
	await page.getByLabel('E-mail address').fill(`${role}@example.org`);
	await page.getByLabel('Password', { exact: true }).fill(PASSPHRASE);
	await Promise.all([
		page.waitForURL((u) => u.pathname === next.split('?')[0]),
		page.click('form button[type="submit"]')
	]);
	// The editor's controls act through its script (and its strings, a chunk of their own): wait
	// until they have loaded, or a choice made before would be lost.
	await page.waitForLoadState('networkidle');
}

async function latest(id: string) {
	const r = await fetch(url(`/api/incidents/${encodeURIComponent(id)}`), {
		headers: jsonHeaders(staff.tokens.editor)
	});
	return {
		status: r.status,
		etag: r.headers.get('etag'),
		recordStatus: r.headers.get('x-record-status'),
		body: (await r.json()) as IncidentFeature
	};
}

const fieldError = (page: Page, key: string) => page.locator(`[data-field-error="${key}"]`);

describe('the incident editor in the browser', () => {
	it('sends a reader who opens an editor page to sign in, over HTTP and in the browser', async () => {
		for (const path of ['/edit/incidents/new', `/edit/incidents/${SEED_ID}`]) {
			const r = await fetch(url(path), { redirect: 'manual' });
			expect(r.status, path).toBe(303);
			const to = new URL(r.headers.get('location')!, url('/'));
			expect(to.pathname).toBe('/signin');
			expect(to.searchParams.get('next')).toBe(path);
		}
		const { page, problems, close } = await session();
		await page.goto(url('/edit/incidents/new?lang=vi'));
		expect(new URL(page.url()).pathname).toBe('/signin');
		expect(await page.locator('h1').textContent()).toBe('Đăng nhập vào Bản đồ Sự kiện');
		expect(problems).toEqual([]);
		await close();
	});

	it('never shows a reader "New incident" or "Edit" on the dashboard', async () => {
		const { page, problems, close } = await session();
		await page.goto(url(`/?sel=${SEED_ID}`));
		await waitForMapIdle(page);
		await page.locator(`${DETAILS} [data-incident-id="${SEED_ID}"]`).waitFor();
		expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
		expect(await page.getByRole('link', { name: 'New incident' }).count()).toBe(0);
		expect(await page.locator(`${DETAILS} a`, { hasText: /^Edit$/ }).count()).toBe(0);
		expect(await page.locator('a[href*="/edit/"]').count()).toBe(0);
		expect(problems).toEqual([]);
		await close();
	});

	it('an editor places a new incident on the map, meets a field error, saves, is warned of a stale version, and submits it; a reviewer publishes it and readers see it', async () => {
		const { page, problems, close } = await session();
		await signIn(page, 'editor');
		await waitForMapIdle(page);
		await page.getByRole('link', { name: 'New incident' }).click();
		await page.waitForURL(/\/edit\/incidents\/new\?lang=en$/);
		expect(await page.locator('h1').textContent()).toBe('New incident');
		await page.waitForSelector(`${EDITOR_MAP}[data-map-state="idle"]`, { timeout: 60_000 });

		await page.getByLabel('Title (English)').fill('Shelling reported near Tartar (editor e2e)');
		await page.getByLabel('Title (Vietnamese)').fill('Pháo kích gần Tartar (thử nghiệm)');
		await page.getByLabel('Summary (Vietnamese)').fill('Có tin pháo kích gần Tartar.');
		// The English summary is left empty: the schema requires it, and the API's 400 says so.
		await page.getByLabel('Date', { exact: true }).fill('2020-11-23');
		await page.getByLabel('Event type').selectOption('Explosions/Remote violence');
		await page.getByLabel('Sub-type').fill('Shelling/artillery/missile attack');
		await page.getByLabel('Actors').fill('Armed Forces of Armenia\nCivilians (Azerbaijan)');
		await page.getByLabel('Uncertainty of the position (metres)').fill('5000');
		await page.locator('.sources input[type="checkbox"]').first().check();

		expect(await page.getByLabel('Longitude').inputValue()).toBe('');
		await page.locator(`${EDITOR_MAP} canvas`).click();
		await page.waitForFunction(
			() => (document.querySelector('#lng') as HTMLInputElement).value !== ''
		);
		const lng = Number(await page.getByLabel('Longitude').inputValue());
		const lat = Number(await page.getByLabel('Latitude').inputValue());
		// The map opens framed on the region (46.0–47.6 E, 39.3–40.6 N); the click was its centre.
		expect(lng).toBeGreaterThan(46.0);
		expect(lng).toBeLessThan(47.6);
		expect(lat).toBeGreaterThan(39.3);
		expect(lat).toBeLessThan(40.6);

		await page.getByRole('button', { name: 'Save draft' }).click();
		await fieldError(page, 'summaryEn').waitFor();
		expect(await fieldError(page, 'summaryEn').innerText()).toContain('must not be empty');
		expect(await page.getByLabel('Summary (English)').getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByRole('alert').first().innerText()).toContain('The draft was not saved');
		expect(new URL(page.url()).pathname).toBe('/edit/incidents/new');

		await page
			.getByLabel('Summary (English)')
			.fill('<b>Artillery</b> fire was reported near Tartar.');
		await page.getByRole('button', { name: 'Save draft' }).click();
		await page.getByText('Saved as version 1.').waitFor();
		expect(await fieldError(page, 'summaryEn').count()).toBe(0);
		const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
		expect(id).toMatch(/^2020-11-23-[0-9a-f]{10}$/);

		const saved = await latest(id);
		expect(saved.etag).toBe('"1"');
		expect(saved.recordStatus).toBe('draft');
		expect(saved.body.geometry).toEqual({ type: 'Point', coordinates: [lng, lat] });
		expect(saved.body.properties).toMatchObject({
			title: {
				en: 'Shelling reported near Tartar (editor e2e)',
				vi: 'Pháo kích gần Tartar (thử nghiệm)'
			},
			summary: { vi: 'Có tin pháo kích gần Tartar.' },
			actors: ['Armed Forces of Armenia', 'Civilians (Azerbaijan)'],
			uncertainty_m: 5000,
			claims: [],
			statement_ids: []
		});
		expect(saved.body.properties.source_ids).toHaveLength(1);
		expect(await page.locator('[data-record-status]').innerText()).toContain('Draft');

		// Someone else saves meanwhile: the next save is refused, and reloading shows their version.
		const theirs = structuredClone(saved.body);
		theirs.properties.title.en = 'Shelling near Tartar (corrected by a script)';
		const put = await fetch(url(`/api/incidents/${id}`), {
			method: 'PUT',
			headers: jsonHeaders(staff.tokens.editor, { 'if-match': '"1"' }),
			body: JSON.stringify(theirs)
		});
		expect(put.status).toBe(200);
		await page.getByLabel('Title (English)').fill('My edit, made on version 1');
		await page.getByRole('button', { name: 'Save draft' }).click();
		const stale = page.locator('[data-notice="stale"]');
		await stale.waitFor();
		expect(await stale.innerText()).toContain('now version 2');
		expect((await latest(id)).body.properties.title.en).toBe(
			'Shelling near Tartar (corrected by a script)'
		);
		await stale.getByRole('button', { name: 'Reload the latest version' }).click();
		await stale.waitFor({ state: 'detached' });
		expect(await page.getByLabel('Title (English)').inputValue()).toBe(
			'Shelling near Tartar (corrected by a script)'
		);

		// Submitting names the version on screen: one saved meanwhile is not submitted unseen.
		const again = structuredClone((await latest(id)).body);
		again.properties.summary.en =
			'<b>Artillery</b> fire was reported near Tartar (a second script edit).';
		const put3 = await fetch(url(`/api/incidents/${id}`), {
			method: 'PUT',
			headers: jsonHeaders(staff.tokens.editor, { 'if-match': '"2"' }),
			body: JSON.stringify(again)
		});
		expect(put3.status).toBe(200);
		await page.getByRole('button', { name: 'Submit for review' }).click();
		await stale.waitFor();
		expect(await stale.innerText()).toContain('now version 3');
		expect((await latest(id)).recordStatus).toBe('draft');
		await stale.getByRole('button', { name: 'Reload the latest version' }).click();
		await stale.waitFor({ state: 'detached' });
		expect(await page.getByLabel('Summary (English)').inputValue()).toBe(
			'<b>Artillery</b> fire was reported near Tartar (a second script edit).'
		);

		await page.getByRole('button', { name: 'Submit for review' }).click();
		await page.getByText('Submitted for review.').waitFor();
		expect(await page.locator('[data-record-status]').innerText()).toContain('In review');
		expect((await latest(id)).recordStatus).toBe('in_review');

		// Not visible anonymously while in review.
		expect((await fetch(url(`/api/incidents/${id}`))).status).toBe(404);
		expect(await (await fetch(url('/data/dataset.json'))).text()).not.toContain(id);
		expect(problems).toEqual([]);
		await close();

		const publish = await fetch(url(`/api/incidents/${id}/status`), {
			method: 'POST',
			headers: jsonHeaders(staff.tokens.reviewer),
			body: JSON.stringify({ status: 'published', reason: 'checked against the source' })
		});
		expect(publish.status, await publish.clone().text()).toBe(200);

		const reader = await session();
		await reader.page.goto(url(`/?sel=${id}`));
		await waitForMapIdle(reader.page);
		expect(await listedIds(reader.page)).toContain(id);
		const details = reader.page.locator(`${DETAILS} [data-incident-id="${id}"]`);
		await details.waitFor();
		expect(await details.locator('h3').innerText()).toBe(
			'Shelling near Tartar (corrected by a script)'
		);
		// Text is text: the tags typed into the summary are shown, not rendered.
		expect(await details.locator('.summary').innerText()).toBe(
			'<b>Artillery</b> fire was reported near Tartar (a second script edit).'
		);
		expect(await details.locator('.summary b').count()).toBe(0);
		expect(reader.problems).toEqual([]);
		await reader.close();
	});

	it('saves a draft in English only; the reviewer’s publish is refused naming the missing Vietnamese, which the editor then adds', async () => {
		const { page, problems, close } = await session();
		await signIn(page, 'editor', '/edit/incidents/new');
		await page.waitForSelector(`${EDITOR_MAP}[data-map-state="idle"]`, { timeout: 60_000 });
		expect(await page.locator('label[for="title-vi"]').innerText()).toBe(
			'Title (Vietnamese) (needed to publish)'
		);
		await page.getByLabel('Title (English)').fill('Mine blast near Talish (English-only draft)');
		await page.getByLabel('Summary (English)').fill('A mine blast was reported near Talish.');
		await page.getByLabel('Date', { exact: true }).fill('2021-03-02');
		await page.getByLabel('Event type').selectOption('Explosions/Remote violence');
		await page.getByLabel('Sub-type').fill('Remote explosive/landmine/IED');
		await page.getByLabel('Uncertainty of the position (metres)').fill('2000');
		await page.locator(`${EDITOR_MAP} canvas`).click();
		await page.waitForFunction(
			() => (document.querySelector('#lng') as HTMLInputElement).value !== ''
		);
		await page.locator('.sources input[type="checkbox"]').first().check();
		await page.getByRole('button', { name: 'Save draft' }).click();
		const saved1 = page.getByText('Saved as version 1.');
		await saved1.or(page.getByRole('alert').first()).waitFor();
		expect(await page.locator('[data-field-error]').allInnerTexts()).toEqual([]);
		expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
		await saved1.waitFor();
		const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
		const saved = await latest(id);
		expect(saved.body.properties.title).toEqual({
			en: 'Mine blast near Talish (English-only draft)'
		});
		expect(saved.body.properties.summary).toEqual({
			en: 'A mine blast was reported near Talish.'
		});
		await page.getByRole('button', { name: 'Submit for review' }).click();
		await page.getByText('Submitted for review.').waitFor();

		const refused = await fetch(url(`/api/incidents/${id}/status`), {
			method: 'POST',
			headers: jsonHeaders(staff.tokens.reviewer),
			body: JSON.stringify({ status: 'published', reason: '' })
		});
		expect(refused.status).toBe(409);
		const body = await refused.json();
		expect(JSON.stringify(body)).toContain(`(${id}): title.vi is missing`);
		expect((await latest(id)).recordStatus).toBe('in_review');

		await page.getByLabel('Title (Vietnamese)').fill('Nổ mìn gần Talish');
		await page.getByLabel('Summary (Vietnamese)').fill('Có tin một vụ nổ mìn gần Talish.');
		await page.getByRole('button', { name: 'Save draft' }).click();
		await page.getByText('Saved as version 2.').waitFor();
		await page.getByRole('button', { name: 'Submit for review' }).click();
		await page.getByText('Submitted for review.').waitFor();
		const publish = await fetch(url(`/api/incidents/${id}/status`), {
			method: 'POST',
			headers: jsonHeaders(staff.tokens.reviewer),
			body: JSON.stringify({ status: 'published', reason: 'translated' })
		});
		expect(publish.status, await publish.clone().text()).toBe(200);
		expect(problems).toEqual([]);
		await close();
	});

	it('"Edit" on the dashboard opens a published incident in the editor; a place picked from the gazetteer moves its point', async () => {
		const { page, problems, close } = await session();
		await signIn(page, 'editor', `/?sel=${SEED_ID}`);
		await waitForMapIdle(page);
		await page.locator(`${DETAILS} a`, { hasText: /^Edit$/ }).click();
		await page.waitForURL(new RegExp(`/edit/incidents/${SEED_ID}\\?lang=en$`));
		expect(await page.locator('h1').textContent()).toBe('Edit incident');
		expect(await page.locator('[data-record-status]').innerText()).toContain('Published');
		const seed = await latest(SEED_ID);
		expect(await page.getByLabel('Title (English)').inputValue()).toBe(
			seed.body.properties.title.en
		);
		expect(Number(await page.getByLabel('Longitude').inputValue())).toBe(
			seed.body.geometry.coordinates[0]
		);
		await page.waitForSelector(`${EDITOR_MAP}[data-map-state="idle"]`, { timeout: 60_000 });

		await page.getByLabel('Pick a place from the gazetteer').fill('Stepanakert / Khankendi');
		await page.getByRole('button', { name: 'Add place' }).click();
		await page.getByRole('button', { name: 'Remove Stepanakert / Khankendi' }).waitFor();
		const stepanakert = (
			(await (await fetch(url('/data/dataset.json'))).json()).places.features as {
				properties: { id: string };
				geometry: { coordinates: [number, number] };
			}[]
		).find((p) => p.properties.id === 'stepanakert')!;
		expect(Number(await page.getByLabel('Longitude').inputValue())).toBe(
			stepanakert.geometry.coordinates[0]
		);
		expect(Number(await page.getByLabel('Latitude').inputValue())).toBe(
			stepanakert.geometry.coordinates[1]
		);
		await page.getByLabel('Pick a place from the gazetteer').fill('Atlantis');
		await page.getByRole('button', { name: 'Add place' }).click();
		expect(await page.getByRole('alert').first().innerText()).toContain('“Atlantis”');
		// Nothing was saved: the published incident is unchanged.
		expect((await latest(SEED_ID)).etag).toBe(seed.etag);
		expect(problems).toEqual([]);
		await close();
	});

	it('quotes a statement by finding its words in the snapshot from the keyboard; an excerpt no longer in the newest snapshot is refused beside it', async () => {
		const token = staff.tokens.editor;
		const post = (path: string, body: unknown, method = 'POST') =>
			fetch(url(path), { method, headers: jsonHeaders(token), body: JSON.stringify(body) });
		const created = await post('/api/sources', newSource('excerpt picker'));
		expect(created.status).toBe(201);
		const sourceId = ((await created.json()) as { id: string }).id;
		const first =
			'The ministry said two soldiers were wounded near the village.\nA second paragraph follows.';
		expect((await post(`/api/sources/${sourceId}/snapshot`, { text: first }, 'PUT')).status).toBe(
			201
		);
		const incident = await post(
			'/api/incidents',
			newIncident('excerpt picker', { sources: [sourceId] })
		);
		expect(incident.status).toBe(201);
		const id = ((await incident.json()) as { id: string }).id;

		const { page, problems, close } = await session();
		await signIn(page, 'editor', `/edit/incidents/${id}`);
		// The draft source the re-opened incident links to shows by its title, marked as a draft.
		const linked = page.locator('fieldset.sources li', { hasText: 'Title excerpt picker' });
		expect(await linked.innerText()).toContain('Publisher excerpt picker');
		expect(await linked.locator('em.new').count()).toBe(1);
		expect(
			await page
				.getByLabel('Source of the statement')
				.locator(`option[value="${sourceId}"]`)
				.innerText()
		).toBe('Publisher excerpt picker: Title excerpt picker');
		await page.getByLabel('Source of the statement').selectOption(sourceId);
		await page.getByTestId('snapshot-text').waitFor();
		expect(await page.getByTestId('snapshot-text').innerText()).toBe(first);

		// Any run of whitespace matches any other; different words are not there.
		await page.getByLabel('Find in the snapshot').fill('three soldiers');
		await page.getByLabel('Find in the snapshot').press('Enter');
		expect(await page.getByRole('alert').first().innerText()).toContain('Not in the snapshot');
		expect(await page.getByTestId('chosen-excerpt').count()).toBe(0);
		await page.getByLabel('Find in the snapshot').fill('two  soldiers were\nwounded');
		await page.getByLabel('Find in the snapshot').press('Enter');
		const chosen = page.getByTestId('chosen-excerpt');
		await chosen.waitFor();
		const start = first.indexOf('two soldiers');
		expect(await chosen.innerText()).toBe('two soldiers were wounded');
		expect(await chosen.getAttribute('data-start')).toBe(String(start));
		expect(await chosen.getAttribute('data-end')).toBe(String(start + 25));

		// Meanwhile someone puts a newer snapshot in which those words are not.
		const newer = 'The ministry said three soldiers were wounded near the village.';
		expect((await post(`/api/sources/${sourceId}/snapshot`, { text: newer }, 'PUT')).status).toBe(
			201
		);
		await page.getByLabel('Speaker', { exact: true }).fill('Ministry spokesperson');
		await page.getByLabel('Speaker’s role').fill('spokesperson');
		await page
			.getByLabel('Organisation the speaker speaks for')
			.selectOption('az-ministry-of-defence');
		await page.getByLabel('Said on').fill('2020-10-04');
		await page.getByLabel('How the words reached the source').fill('press briefing');
		await page.getByLabel('Language of the excerpt').fill('en');
		await page.getByLabel('Our translation into English').fill('Two soldiers were wounded.');
		await page.getByRole('button', { name: 'Save statement' }).click();
		const refused = page.locator('[data-field-error="statement.quote.text"]');
		await refused.waitFor();
		expect(await refused.innerText()).toContain('snapshot');
		expect(await chosen.getAttribute('aria-describedby')).toBe(await refused.getAttribute('id'));
		expect(await page.getByRole('alert').first().innerText()).toContain(
			'The statement was not saved'
		);
		expect(await page.locator('[data-testid="linked-statements"]').count()).toBe(0);
		expect((await latest(id)).body.properties.statement_ids).toEqual([]);
		expect(problems).toEqual([]);
		await close();
	});

	it('adds a snapshot to a source that has none from the statement form, then quotes from it', async () => {
		const token = staff.tokens.editor;
		const post = (path: string, body: unknown) =>
			fetch(url(path), { method: 'POST', headers: jsonHeaders(token), body: JSON.stringify(body) });
		const created = await post('/api/sources', newSource('no snapshot yet'));
		expect(created.status).toBe(201);
		const sourceId = ((await created.json()) as { id: string }).id;
		const incident = await post(
			'/api/incidents',
			newIncident('no snapshot yet', { sources: [sourceId] })
		);
		expect(incident.status).toBe(201);
		const id = ((await incident.json()) as { id: string }).id;

		const { page, problems, close } = await session();
		await signIn(page, 'editor', `/edit/incidents/${id}`);
		await page.getByLabel('Source of the statement').selectOption(sourceId);
		const add = page.getByTestId('add-snapshot');
		await add.getByTestId('no-snapshot').waitFor();
		// Nothing given: refused beside the field, nothing sent.
		await add.getByRole('button', { name: 'Add the snapshot' }).click();
		const missing = page.locator('[data-field-error="add-snapshot.snapshot"]');
		await missing.waitFor();
		expect(await missing.innerText()).toBe('Paste the text, or choose a saved page.');
		expect(
			(await fetch(url(`/api/sources/${sourceId}/snapshot`), { headers: jsonHeaders(token) }))
				.status
		).toBe(404);

		const text = 'The district governor said the shelling began at dawn.';
		await add.getByLabel('Paste the text of the article').fill(text);
		await add.getByRole('button', { name: 'Add the snapshot' }).click();
		await page.getByTestId('snapshot-text').waitFor();
		expect(await page.getByTestId('snapshot-text').innerText()).toBe(text);
		expect(await page.getByTestId('add-snapshot').count()).toBe(0);
		const stored = await fetch(url(`/api/sources/${sourceId}/snapshot`), {
			headers: jsonHeaders(token)
		});
		expect(stored.status).toBe(200);
		expect(((await stored.json()) as { text: string }).text).toBe(text);
		// The one 404 is the page asking for the snapshot the source did not have yet.
		expect(problems).toEqual([
			'console error: Failed to load resource: the server responded with a status of 404 (Not Found)'
		]);
		await close();
	});

	it('speaks Vietnamese, and fits a phone', async () => {
		const { page, problems, close } = await session({ viewport: { width: 390, height: 844 } });
		await signIn(page, 'editor', '/edit/incidents/new?lang=vi');
		expect(await page.locator('h1').textContent()).toBe('Sự kiện mới');
		expect(await page.getByRole('button', { name: 'Lưu bản nháp' }).count()).toBe(1);
		await page.waitForSelector(`${EDITOR_MAP}[data-map-state="idle"]`, { timeout: 60_000 });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		expect(problems).toEqual([]);
		await close();
	});
});
