import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentFeature, Statement } from '../../src/lib/data/schema';
import { findExcerpt } from '../../src/lib/evidence/find_excerpt';
import { articlesSuite, capturedArticles, haveArticles } from '../fixtures/captured_articles';
import { PASSPHRASE, addUser } from './accounts';
import { launchBrowser, waitForMapIdle } from './browser';
import { INCIDENTS, listedIds } from './dashboard_page';
import { SEEDED_DATA_DIR_ENV, startServer, type RunningServer } from './server';

/**
 * Issue 12's "done when", walked once in a real Chromium against the built server (CSP on): on a
 * fresh database, `user:add` makes an editor and a reviewer (nothing else); the editor records a
 * new incident from a source whose snapshot they paste, quotes it by selecting the words in the
 * snapshot, adds a claim and submits it; the reviewer publishes it from the review queue; an
 * anonymous reader finds it on the map's list and in the GeoJSON export; the reviewer retracts it,
 * and its permalink says so.
 */
let dataDir: string;
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'atlas-done-when-'));
	const template = process.env[SEEDED_DATA_DIR_ENV];
	if (template) cpSync(template, dataDir, { recursive: true });
	addUser({ DATA_DIR: dataDir }, 'lan@example.org', 'editor');
	addUser({ DATA_DIR: dataDir }, 'minh@example.org', 'reviewer');
	server = await startServer({ env: { DATA_DIR: dataDir, BODY_SIZE_LIMIT: '5M' } });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const url = (path: string) => server.url + path;
const EDITOR_MAP = '[data-testid="editor-map"]';

/** A fresh browser whose requests may go to the server only; page and console errors collected. */
async function session() {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
	const problems: string[] = [];
	await ctx.route('**/*', (route) => {
		const target = route.request().url();
		if (target.startsWith(server.url) || /^(data|blob):/.test(target)) return route.continue();
		problems.push(`request left the test server: ${target}`);
		return route.abort();
	});
	const page = await ctx.newPage();
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		// The claim provoked on purpose is refused with a 400, which Chromium logs.
		if (m.type() === 'error' && !/status of 400/.test(m.text()))
			problems.push(`console error: ${m.text()}`);
	});
	return { page, problems, close: () => ctx.close() };
}

async function signIn(page: Page, email: string, next: string) {
	await page.goto(url(`/signin?next=${encodeURIComponent(next)}`));
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(PASSPHRASE);
	await Promise.all([
		page.waitForURL((u) => u.pathname === next.split('?')[0]),
		page.click('form button[type="submit"]')
	]);
}

/**
 * Selects `text.slice(start, end)` in the snapshot with the mouse, as an editor drags over it:
 * pressed on the left half of the first character, released on the right half of the last.
 */
async function dragOver(page: Page, start: number, end: number) {
	const snapshot = page.getByTestId('snapshot-text');
	await snapshot.scrollIntoViewIfNeeded();
	const [from, to] = await snapshot.evaluate(
		(element, [a, b]) => {
			const node = element.querySelector('[data-start]')!.firstChild!;
			const rect = (offset: number) => {
				const range = document.createRange();
				range.setStart(node, offset);
				range.setEnd(node, offset + 1);
				const r = range.getClientRects()[0];
				return { left: r.left, right: r.right, y: r.top + r.height / 2 };
			};
			return [rect(a), rect(b - 1)];
		},
		[start, end]
	);
	await page.mouse.move(from.left + 1, from.y);
	await page.mouse.down();
	await page.mouse.move((from.left + to.right) / 2, (from.y + to.y) / 2, { steps: 5 });
	await page.mouse.move(to.right - 1, to.y, { steps: 5 });
	await page.mouse.up();
}

describe.skipIf(!haveArticles)(articlesSuite('issue 12, done when'), () => {
	it('an editor records an incident with a source snapshot, a verbatim statement and a claim; a reviewer publishes it; readers see it on the map and in the export; the reviewer retracts it and the permalink says so', async () => {
		const article = capturedArticles().find((a) => a.file.includes('thoidai-madagiz'))!;
		const quote =
			'Ngày 23/11, Bộ Quốc phòng Nga cho biết, 1 binh sĩ gìn giữ hòa bình nước này và 4 nhân viên Cơ quan Tình trạng khẩn cấp khu vực Nagorno-Karabakh đã bị thương trong một vụ nổ mìn gần thành phố Madagiz.';
		const where = findExcerpt(article.text, quote)!;
		expect(where).not.toBeNull();
		const notQuoted = article.text.trim().split('\n').at(-1)!.trim();
		expect(notQuoted.length).toBeGreaterThan(20);

		// The editor signs in and opens "New incident" from the dashboard.
		const editor = await session();
		const page = editor.page;
		await signIn(page, 'lan@example.org', '/');
		await waitForMapIdle(page);
		await page.getByRole('link', { name: 'New incident' }).click();
		await page.waitForURL(/\/edit\/incidents\/new/);
		await page.waitForSelector(`${EDITOR_MAP}[data-map-state="idle"]`, { timeout: 60_000 });

		await page
			.getByLabel('Title (English)')
			.fill('Mine blast wounds peacekeeper near Madagiz (e2e)');
		await page
			.getByLabel('Title (Vietnamese)')
			.fill('Nổ mìn làm bị thương lính gìn giữ hòa bình (e2e)');
		await page
			.getByLabel('Summary (English)')
			.fill('A Russian peacekeeper and four emergency workers were wounded by a mine.');
		await page
			.getByLabel('Summary (Vietnamese)')
			.fill('Một binh sĩ gìn giữ hòa bình Nga và bốn nhân viên cứu hộ bị thương do mìn.');
		await page.getByLabel('Date', { exact: true }).fill('2020-11-23');
		await page.getByLabel('Event type').selectOption('Explosions/Remote violence');
		await page.getByLabel('Sub-type').fill('Remote explosive/landmine/IED');
		await page.getByLabel('Actors').fill('Russian peacekeeping forces');
		await page.getByLabel('Uncertainty of the position (metres)').fill('5000');
		await page.locator(`${EDITOR_MAP} canvas`).click();
		await page.waitForFunction(
			() => (document.querySelector('#lng') as HTMLInputElement).value !== ''
		);

		// A new source, with the article's text pasted as its snapshot.
		await page.getByText('New source', { exact: true }).click();
		await page.getByLabel('Publisher').fill('Thời Đại (thoidai.com.vn)');
		await page
			.getByLabel('Title, as published')
			.fill('Binh sĩ gìn giữ hòa bình của Nga bị thương do nổ mìn');
		await page.getByLabel('URL of the article').fill(article.url);
		await page.getByLabel('Published on').fill('2020-11-24');
		await page.getByLabel('Language (a code: vi, en, ru…)').fill('vi');
		await page.getByLabel('Paste the text of the article').fill(article.text);
		await page.getByRole('button', { name: 'Add source' }).click();
		await page.getByText('Source added with its snapshot').waitFor();
		const sourceId = await page
			.locator('.sources li', { hasText: 'new, published with the incident' })
			.locator('input[type="checkbox"]')
			.getAttribute('value');
		expect(sourceId).toMatch(/^source-[0-9a-f]{10}$/);
		expect(
			await page.locator(`.sources input[value="${sourceId}"]`).isChecked(),
			'the new source is linked'
		).toBe(true);

		await page.getByRole('button', { name: 'Save draft' }).click();
		await page.getByText('Saved as version 1.').waitFor();
		const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
		expect(id).toMatch(/^2020-11-23-[0-9a-f]{10}$/);

		// A statement: the excerpt is selected with the mouse in the source's snapshot.
		await page.getByLabel('Source of the statement').selectOption(sourceId!);
		await page.getByTestId('snapshot-text').waitFor();
		expect(await page.getByTestId('snapshot-text').innerText()).toBe(article.text);
		await dragOver(page, where.start, where.end);
		const chosen = page.getByTestId('chosen-excerpt');
		await chosen.waitFor();
		expect(await chosen.getAttribute('data-start')).toBe(String(where.start));
		expect(await chosen.getAttribute('data-end')).toBe(String(where.end));
		expect(await chosen.innerText()).toBe(article.text.slice(where.start, where.end));
		expect(await page.locator('[data-testid="snapshot-text"] mark').innerText()).toBe(
			article.text.slice(where.start, where.end)
		);
		await page.getByLabel('Speaker', { exact: true }).fill('Ministry of Defence of Russia');
		await page.getByLabel('Speaker’s role').fill('ministry press service');
		await page
			.getByLabel('Organisation the speaker speaks for')
			.selectOption('ru-ministry-of-defence');
		await page.getByLabel('Said on').fill('2020-11-23');
		await page
			.getByLabel('How the words reached the source')
			.fill('official report relayed by the press');
		await page.getByLabel('Reported: the outlet’s paraphrase').check();
		expect(await page.getByLabel('Language of the excerpt').inputValue()).toBe('vi');
		await page
			.getByLabel('Our translation into English')
			.fill(
				'On 23 November, the Russian Ministry of Defence said one of its peacekeepers and four emergency workers were wounded by a mine near Madagiz.'
			);
		await page.getByLabel('Topics (one a line)').fill('casualty-report\nmine-explosion');
		await page.getByRole('button', { name: 'Save statement' }).click();
		await page.getByText('Statement saved.').waitFor();
		const statementId = await page
			.locator('[data-testid="linked-statements"] [data-statement-id]')
			.getAttribute('data-statement-id');
		expect(statementId).toMatch(/^statement-[0-9a-f]{10}$/);

		// A claim from that statement; a best estimate below the low one is refused beside the field.
		await page.getByRole('button', { name: 'Add a claim' }).click();
		await page.getByLabel('What is counted').fill('wounded');
		await page.getByLabel('Figure', { exact: true }).selectOption('range');
		await page.getByLabel('Low', { exact: true }).fill('6');
		await page.getByLabel('Best estimate (optional)').fill('5');
		await page.getByLabel('About whom').fill('Russian peacekeeper and regional emergency workers');
		await page.getByLabel('Claimed by').fill('Ministry of Defence of Russia');
		await page.getByLabel('From the statement').selectOption(statementId!);
		await page.getByRole('button', { name: 'Save draft' }).click();
		const bestError = page.locator('[data-field-error="claims[0].value.best"]');
		await bestError.waitFor();
		expect(await bestError.innerText()).toContain('5 is below low 6');
		expect(await page.getByLabel('Best estimate (optional)').getAttribute('aria-invalid')).toBe(
			'true'
		);
		await page.getByLabel('Low', { exact: true }).fill('5');
		await page.getByRole('button', { name: 'Save draft' }).click();
		await page.getByText('Saved as version 2.').waitFor();
		expect(await bestError.count()).toBe(0);
		await page.getByRole('button', { name: 'Submit for review' }).click();
		await page.getByText('Submitted for review.').waitFor();

		const draft = await page.request.get(url(`/api/incidents/${id}`));
		expect(draft.headers()['x-record-status']).toBe('in_review');
		const properties = ((await draft.json()) as IncidentFeature).properties;
		expect(properties.source_ids).toEqual([sourceId]);
		expect(properties.statement_ids).toEqual([statementId]);
		expect(properties.claims).toEqual([
			{
				metric: 'wounded',
				value: { low: 5, best: 5 },
				subject: 'Russian peacekeeper and regional emergency workers',
				claimant: 'Ministry of Defence of Russia',
				statement_id: statementId,
				source_id: sourceId
			}
		]);
		const excerpt = await page.request.get(url(`/api/statements/${statementId}/excerpt`));
		expect(await excerpt.json()).toMatchObject({ start: where.start, end: where.end });
		expect(editor.problems).toEqual([]);
		await editor.close();
		expect((await fetch(url(`/api/incidents/${id}`))).status, 'unpublished: not for readers').toBe(
			404
		);

		// The reviewer publishes it from the review queue.
		const reviewer = await session();
		await signIn(reviewer.page, 'minh@example.org', '/review');
		await reviewer.page.locator(`a[href*="/review/incidents/${id}"]`).click();
		await reviewer.page.waitForURL(new RegExp(`/review/incidents/${id}`));
		await reviewer.page.getByRole('button', { name: 'Publish' }).click();
		await reviewer.page.getByText('Published: readers see it now.').waitFor();

		// A reader sees it on the map's list and in the GeoJSON export, with its statement.
		const reader = await session();
		await reader.page.goto(url(`/?sel=${id}`));
		await waitForMapIdle(reader.page);
		await reader.page.locator(`${INCIDENTS} [data-incident-id="${id}"]`).waitFor();
		expect(await listedIds(reader.page)).toContain(id);
		const exported = await fetch(url('/api/incidents.geojson'));
		expect(exported.status).toBe(200);
		const geojson = await exported.text();
		const feature = (
			JSON.parse(geojson) as { features: { id: string; properties: Record<string, unknown> }[] }
		).features.find((f) => f.id === id);
		expect(feature?.properties.title).toBeDefined();
		expect(geojson).toContain(quote);
		expect(geojson, 'the snapshot itself is never exported').not.toContain(notQuoted);
		const statement = await fetch(url(`/api/statements/${statementId}`));
		expect(statement.status).toBe(200);
		expect(((await statement.json()) as Statement).quote.text).toBe(
			article.text.slice(where.start, where.end)
		);

		// The reviewer retracts it in the browser: from the permalink to the review page's form.
		const reason = 'The ministry withdrew the report (e2e)';
		await reviewer.page.goto(url(`/incidents/${id}`));
		await Promise.all([
			reviewer.page.waitForURL(new RegExp(`/review/incidents/${id}`)),
			reviewer.page.locator('a.review-link').click()
		]);
		await reviewer.page.getByLabel('Reason for the retraction (shown to readers)').fill(reason);
		await Promise.all([
			reviewer.page.waitForLoadState('load'),
			reviewer.page.click('button:text("Retract")')
		]);
		await reviewer.page.getByText('Retracted: readers no longer see it.').waitFor();

		const permalink = await reader.page.goto(url(`/incidents/${id}`));
		expect(permalink?.status()).toBe(410);
		// The day as the pages say it (UTC): "6 Dec 2026".
		const today = new Intl.DateTimeFormat('en-GB', {
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			timeZone: 'UTC'
		}).format(new Date());
		expect(await reader.page.locator('.retracted').textContent()).toBe(
			`Retracted on ${today}: ${reason}`
		);
		await reader.page.goto(url('/'));
		await waitForMapIdle(reader.page);
		expect(await listedIds(reader.page)).not.toContain(id);

		expect(reviewer.problems).toEqual([]);
		expect(reader.problems.filter((p) => !/status of 410/.test(p))).toEqual([]);
		await reviewer.close();
		await reader.close();
	}, 600_000);
});
