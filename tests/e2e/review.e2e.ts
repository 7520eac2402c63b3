import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSPHRASE, jsonHeaders, startStaffedServer, type StaffedServer } from './accounts';
import { launchBrowser } from './browser';
import { newIncident, newSource, publishedIncident } from './editing_records';

/**
 * The review queue, history and corrections in a real browser against the built server, with
 * accounts made by the real `user:add` before the server starts.
 */
let staff: StaffedServer;
let browser: Browser;
beforeAll(async () => {
	staff = await startStaffedServer();
	browser = await launchBrowser();
}, 480_000);
afterAll(async () => {
	await browser?.close();
	await staff?.stop();
});

const url = (path: string) => staff.server.url + path;

async function api(method: string, path: string, token: string, body?: unknown, extra = {}) {
	const r = await fetch(url(path), {
		method,
		headers: jsonHeaders(token, extra),
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return { status: r.status, headers: r.headers, json: await r.json() };
}

/** A browser page for one person; every page error and request leaving the server is a problem. */
async function person(email?: string): Promise<{ page: Page; problems: string[] }> {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const problems: string[] = [];
	await ctx.route('**/*', (route) => {
		const u = route.request().url();
		if (u.startsWith(staff.server.url) || u.startsWith('data:') || u.startsWith('blob:'))
			return route.continue();
		problems.push(`request left the test server: ${u}`);
		return route.abort();
	});
	const page = await ctx.newPage();
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		// A 403 or 410 page is answered with its status; Chromium logs that as an error.
		if (m.type() === 'error' && !/status of 40[13]|status of 410/.test(m.text()))
			problems.push(`console error: ${m.text()}`);
	});
	if (email) {
		await page.goto(url('/signin'));
		await page.getByLabel('E-mail address').fill(email);
		await page.getByLabel('Password').fill(PASSPHRASE);
		await Promise.all([
			page.waitForURL((u) => !u.pathname.startsWith('/signin')),
			page.click('form button[type="submit"]')
		]);
	}
	return { page, problems };
}

/** WCAG 2 A and AA violations that axe rates serious or critical, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

const mapIds = async () =>
	(
		(await (await fetch(url('/data/dataset.json'))).json()).incidents.features as { id: string }[]
	).map((f) => f.id);

/** Today as the pages say a day (UTC): "6 Dec 2026", "6 thg 12, 2026". */
const today = (lang: 'en' | 'vi' = 'en') =>
	new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	})
		.format(new Date())
		.replace(/[\u2009\u202f]/g, ' ');

describe('review, history and corrections in the browser', () => {
	it('an editor submits, the reviewer sends back with a comment, then publishes; a retraction keeps the permalink with 410', async () => {
		const { editor, reviewer } = staff.tokens;
		const source = await api('POST', '/api/sources', editor, newSource('review e2e'));
		expect(source.status).toBe(201);
		const created = await api(
			'POST',
			'/api/incidents',
			editor,
			newIncident('review e2e', { sources: [source.json.id] })
		);
		expect(created.status).toBe(201);
		const id: string = created.json.id;
		expect(
			(await api('POST', `/api/incidents/${id}/status`, editor, { status: 'in_review' })).status
		).toBe(200);

		const rev = await person('reviewer@example.org');
		await rev.page.goto(url('/'));
		await expect
			.poll(() => rev.page.locator('.account a.queue').textContent())
			.toMatch(/^Review queue \(\d+\)$/);
		await rev.page.click('.account a.queue');
		await rev.page.waitForURL(/\/review\?lang=en$/);
		const row = rev.page.locator(`tr[data-record="incidents/${id}"]`);
		await expect.poll(() => row.count()).toBe(1);
		expect(await row.locator('.author').textContent()).toBe('editor@example.org');
		expect(await row.locator('time').textContent()).toContain(today());
		expect(await seriousViolations(rev.page)).toEqual([]);

		await row.locator('a').click();
		await rev.page.waitForURL(new RegExp(`/review/incidents/${id}`));
		expect(await rev.page.locator('main').textContent()).toContain('Never published');
		expect(await rev.page.locator('table.fields').textContent()).toContain('Title review e2e');
		expect(await seriousViolations(rev.page)).toEqual([]);
		await rev.page.getByLabel(/Comment for the editor/).fill('Name the village in the title');
		await Promise.all([
			rev.page.waitForLoadState('load'),
			rev.page.click('button:text("Send back")')
		]);
		await rev.page.getByText('Sent back to the editor as a draft.').waitFor();
		const afterSendBack = await fetch(url(`/api/incidents/${id}`), {
			headers: { authorization: `Bearer ${editor}` }
		});
		expect(afterSendBack.headers.get('x-record-status')).toBe('draft');
		await rev.page.goto(url(`/incidents/${id}/history`));
		const sentBack = rev.page.locator('tr[data-status="draft"]').last();
		expect(await sentBack.locator('.reason').textContent()).toBe('Name the village in the title');
		expect(await sentBack.locator('.author').textContent()).toBe('reviewer@example.org');

		expect(
			(await api('POST', `/api/incidents/${id}/status`, editor, { status: 'in_review' })).status
		).toBe(200);
		await rev.page.goto(url(`/review/incidents/${id}`));
		await Promise.all([
			rev.page.waitForLoadState('load'),
			rev.page.click('button:text("Publish")')
		]);
		await rev.page.getByText('Published: readers see it now.').waitFor();
		expect(await mapIds()).toContain(id);
		expect((await fetch(url(`/api/incidents/${id}`))).status).toBe(200);
		expect(
			await rev.page
				.goto(url('/review'))
				.then(() => rev.page.locator(`tr[data-record="incidents/${id}"]`).count())
		).toBe(0);

		const reason = 'The source withdrew the report <b>and</b> apologised';
		const retracted = await api('POST', `/api/incidents/${id}/status`, reviewer, {
			status: 'retracted',
			reason
		});
		expect(retracted.status).toBe(200);
		expect(await mapIds()).not.toContain(id);
		const reader = await person();
		const answer = await reader.page.goto(url(`/incidents/${id}`));
		expect(answer?.status()).toBe(410);
		expect(await reader.page.locator('.retracted').textContent()).toBe(
			`Retracted on ${today()}: ${reason}`
		);
		expect(await seriousViolations(reader.page)).toEqual([]);
		const vi = await reader.page.goto(url(`/incidents/${id}?lang=vi`));
		expect(vi?.status()).toBe(410);
		expect(await reader.page.locator('.retracted').textContent()).toBe(
			`Đã rút lại ngày ${today('vi')}: ${reason}`
		);
		expect(rev.problems).toEqual([]);
		expect(reader.problems).toEqual([]);
	});

	it('a published incident edited and published again says "Updated <date>", its history shows the change, and a version can be restored', async () => {
		const { editor, reviewer } = staff.tokens;
		const id = publishedIncident().id;
		const current = await fetch(url(`/api/incidents/${id}`), {
			headers: { authorization: `Bearer ${editor}` }
		});
		const body = await current.json();
		const before = body.properties.title.en;
		body.properties.title.en = 'Corrected title from the review e2e';
		const put = await api('PUT', `/api/incidents/${id}`, editor, body, {
			'if-match': current.headers.get('etag')
		});
		expect(put.status).toBe(200);
		expect(
			(await api('POST', `/api/incidents/${id}/status`, editor, { status: 'in_review' })).status
		).toBe(200);
		expect(
			(await api('POST', `/api/incidents/${id}/status`, reviewer, { status: 'published' })).status
		).toBe(200);

		const reader = await person();
		await reader.page.goto(url(`/incidents/${id}`));
		const updated = reader.page.locator('.updated');
		expect(await updated.textContent()).toContain(`Updated ${today()}`);
		await Promise.all([reader.page.waitForURL(/\/history/), updated.locator('a').click()]);
		const change = reader.page.locator('table.diff tr[data-path="properties.title.en"]');
		expect(await change.locator('.before').textContent()).toBe(before);
		expect(await change.locator('.after').textContent()).toBe(
			'Corrected title from the review e2e'
		);
		expect(await reader.page.locator('main').textContent()).not.toContain('@example.org');
		expect(await reader.page.locator('button:text("Restore this version")').count()).toBe(0);
		expect(await seriousViolations(reader.page)).toEqual([]);

		const rev = await person('reviewer@example.org');
		await rev.page.goto(url(`/incidents/${id}/history`));
		const latest = put.json.version as number;
		expect(await seriousViolations(rev.page)).toEqual([]);
		const first = rev.page.locator('tr[data-version="1"]').last();
		await Promise.all([rev.page.waitForLoadState('load'), first.locator('button').click()]);
		await rev.page
			.getByText(`Version 1 is restored as version ${latest + 1}, a draft for review.`)
			.waitFor();
		const restored = await fetch(url(`/api/incidents/${id}`), {
			headers: { authorization: `Bearer ${editor}` }
		});
		expect(restored.headers.get('etag')).toBe(`"${latest + 1}"`);
		expect(restored.headers.get('x-record-status')).toBe('draft');
		expect((await restored.json()).properties.title.en).toBe(before);
		const row = rev.page.locator(`tr[data-version="${latest + 1}"]`);
		expect(await row.locator('.reason').textContent()).toBe('Restored version 1');
		expect(rev.problems).toEqual([]);
		expect(reader.problems).toEqual([]);
	});

	it('a reviewer retracts a published incident in the browser with a reason; the permalink then says so, and an editor is offered no retraction', async () => {
		const { editor, reviewer } = staff.tokens;
		const created = await api(
			'POST',
			'/api/incidents',
			editor,
			newIncident('retract e2e', { sources: ['thoidai-2020-11-24'] })
		);
		expect(created.status).toBe(201);
		const id: string = created.json.id;
		for (const [token, status] of [
			[editor, 'in_review'],
			[reviewer, 'published']
		] as const) {
			expect((await api('POST', `/api/incidents/${id}/status`, token, { status })).status).toBe(
				200
			);
		}
		expect(await mapIds()).toContain(id);

		const ed = await person('editor@example.org');
		await ed.page.goto(url(`/incidents/${id}`));
		await ed.page.locator('h1').waitFor();
		expect(await ed.page.locator('a.review-link').count()).toBe(0);

		const rev = await person('reviewer@example.org');
		await rev.page.goto(url(`/incidents/${id}?lang=vi`));
		const link = rev.page.locator('a.review-link');
		expect(await link.textContent()).toBe('Duyệt hoặc rút lại');
		await Promise.all([rev.page.waitForURL(new RegExp(`/review/incidents/${id}`)), link.click()]);
		expect(await rev.page.locator('#retract').textContent()).toBe('Rút lại phiên bản đã xuất bản');
		expect(await rev.page.locator('button.retract').textContent()).toBe('Rút lại');
		await rev.page.goto(url(`/review/incidents/${id}`));
		expect(await seriousViolations(rev.page)).toEqual([]);
		// The reason is required: an empty one never reaches the server, and nothing changes.
		await rev.page.click('button:text("Retract")');
		expect(
			await rev.page
				.locator('#retract-reason')
				.evaluate((e) => (e as HTMLTextAreaElement).validity.valueMissing)
		).toBe(true);
		expect(await mapIds()).toContain(id);

		const reason = 'The village named was <i>wrong</i>; see the corrected record';
		await rev.page.getByLabel('Reason for the retraction (shown to readers)').fill(reason);
		await Promise.all([
			rev.page.waitForLoadState('load'),
			rev.page.click('button:text("Retract")')
		]);
		await rev.page.getByText('Retracted: readers no longer see it.').waitFor();
		expect(await rev.page.locator('button.retract').count()).toBe(0);
		expect(await mapIds()).not.toContain(id);
		const after = await fetch(url(`/api/incidents/${id}`), {
			headers: { authorization: `Bearer ${editor}` }
		});
		expect(after.headers.get('x-record-status')).toBe('retracted');

		await Promise.all([
			rev.page.waitForURL(new RegExp(`/incidents/${id}`)),
			rev.page.click('a:text("Open its permalink")')
		]);
		expect(await rev.page.locator('.retracted').textContent()).toBe(
			`Retracted on ${today()}: ${reason}`
		);
		const reader = await person();
		expect((await reader.page.goto(url(`/incidents/${id}`)))?.status()).toBe(410);
		expect(await reader.page.locator('.retracted').textContent()).toBe(
			`Retracted on ${today()}: ${reason}`
		);
		expect(rev.problems).toEqual([]);
		expect(ed.problems).toEqual([]);
		expect(reader.problems).toEqual([]);
	});

	it('a source has a history page: readers see its published versions and their diff only, a reviewer reaches it from the review page and restores a version', async () => {
		const { editor, reviewer } = staff.tokens;
		const created = await api('POST', '/api/sources', editor, newSource('history e2e'));
		expect(created.status).toBe(201);
		const id: string = created.json.id;
		const publish = async () => {
			expect(
				(await api('POST', `/api/sources/${id}/status`, editor, { status: 'in_review' })).status
			).toBe(200);
			expect(
				(await api('POST', `/api/sources/${id}/status`, reviewer, { status: 'published' })).status
			).toBe(200);
		};
		const edit = async (title: string) => {
			const now = await fetch(url(`/api/sources/${id}`), {
				headers: { authorization: `Bearer ${editor}` }
			});
			const body = await now.json();
			body.title = title;
			const put = await api('PUT', `/api/sources/${id}`, editor, body, {
				'if-match': now.headers.get('etag')
			});
			expect(put.status).toBe(200);
			return put.json.version as number;
		};
		await publish();
		await edit('Corrected source title');
		await publish();
		const draftMarker = `Draft title ${Date.now()} not for readers`;
		const draftVersion = await edit(draftMarker);

		const reader = await person();
		const answer = await reader.page.goto(url(`/history/sources/${id}`));
		expect(answer?.status()).toBe(200);
		expect(await reader.page.locator('h1').textContent()).toBe(
			'History of “Corrected source title”'
		);
		const statuses = await reader.page
			.locator('table.versions tbody tr')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
		expect(statuses).toEqual(['published', 'published']);
		const change = reader.page.locator('table.diff tr[data-path="title"]');
		expect(await change.locator('.before').textContent()).toBe('Title history e2e');
		expect(await change.locator('.after').textContent()).toBe('Corrected source title');
		const text = (await reader.page.locator('main').textContent()) ?? '';
		expect(text).not.toContain(draftMarker);
		expect(text).not.toContain('@example.org');
		expect(await reader.page.locator('button:text("Restore this version")').count()).toBe(0);
		expect(await seriousViolations(reader.page)).toEqual([]);
		await reader.page.goto(url(`/history/sources/${id}?lang=vi`));
		expect(await reader.page.locator('h1').textContent()).toBe(
			'Lịch sử của “Corrected source title”'
		);
		// A source never published has no public history; an incident's lives beside its permalink.
		const draftOnly = await api('POST', '/api/sources', editor, newSource('history draft'));
		expect((await fetch(url(`/history/sources/${draftOnly.json.id}`))).status).toBe(404);
		await reader.page.goto(url(`/history/incidents/${publishedIncident().id}?lang=vi`));
		expect(new URL(reader.page.url()).pathname).toBe(
			`/incidents/${publishedIncident().id}/history`
		);

		const rev = await person('reviewer@example.org');
		await rev.page.goto(url(`/review/sources/${id}`));
		await Promise.all([
			rev.page.waitForURL(new RegExp(`/history/sources/${id}`)),
			rev.page.click('a.history')
		]);
		expect(await rev.page.locator('h1').textContent()).toBe(`History of “${draftMarker}”`);
		expect(
			await rev.page.locator(`tr[data-version="${draftVersion}"]`).getAttribute('data-status')
		).toBe('draft');
		expect(await seriousViolations(rev.page)).toEqual([]);
		const first = rev.page.locator('tr[data-version="1"]').last();
		await Promise.all([rev.page.waitForLoadState('load'), first.locator('button').click()]);
		await rev.page
			.getByText(`Version 1 is restored as version ${draftVersion + 1}, a draft for review.`)
			.waitFor();
		const restored = await fetch(url(`/api/sources/${id}`), {
			headers: { authorization: `Bearer ${editor}` }
		});
		expect(restored.headers.get('etag')).toBe(`"${draftVersion + 1}"`);
		expect(restored.headers.get('x-record-status')).toBe('draft');
		expect((await restored.json()).title).toBe('Title history e2e');
		// Readers still see the published title until the restored draft is published.
		const sources = (await (await fetch(url('/data/dataset.json'))).json()).sources as {
			id: string;
			title: string;
		}[];
		expect(sources.find((s) => s.id === id)?.title).toBe('Corrected source title');
		await rev.page.click('a:text("Back to the review of this record")');
		await rev.page.waitForURL(new RegExp(`/review/sources/${id}`));
		expect(rev.problems).toEqual([]);
		expect(reader.problems).toEqual([]);
	});

	it('an editor gets 403 on the review pages; a reader is sent to sign in', async () => {
		const ed = await person('editor@example.org');
		expect((await ed.page.goto(url('/review')))?.status()).toBe(403);
		expect((await ed.page.goto(url(`/review/incidents/${publishedIncident().id}`)))?.status()).toBe(
			403
		);
		await ed.page.goto(url('/'));
		await ed.page.locator('.account .email').waitFor();
		expect(await ed.page.locator('.account a.queue').count()).toBe(0);
		const reader = await person();
		await reader.page.goto(url('/review'));
		expect(new URL(reader.page.url()).pathname).toBe('/signin');
		expect(new URL(reader.page.url()).searchParams.get('next')).toBe('/review');
	});
});
