import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSPHRASE, jsonHeaders, startStaffedServer, type StaffedServer } from './accounts';
import { launchBrowser } from './browser';

/**
 * Importing a file in the browser (`/edit/import`), against the built server with accounts made
 * by the real `user:add`: preview, dry-run report, import as drafts by the editor, the reviewer's
 * queue, a rejected file's rows and columns, hostile text, and a reader kept out.
 */
let staff: StaffedServer;
let browser: Browser;
beforeAll(async () => {
	staff = await startStaffedServer();
	browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
	await browser?.close();
	await staff?.stop();
});

const url = (path: string) => staff.server.url + path;
const FIXTURE = 'tests/fixtures/import';

/** A 422 (a refused import) is an answer the page shows; Chromium logs it as an error. */
const EXPECTED_STATUS = /status of 422/;

/** A browser page for one person (signed in when `email` is given); problems collected. */
async function person(email?: string): Promise<{ page: Page; problems: string[] }> {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const problems: string[] = [];
	await ctx.route('**/*', (route) => {
		const u = route.request().url();
		if (u.startsWith(staff.server.url) || /^(data|blob):/.test(u)) return route.continue();
		problems.push(`request left the test server: ${u}`);
		return route.abort();
	});
	const page = await ctx.newPage();
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('dialog', (d) => {
		problems.push(`dialog opened: ${d.message()}`);
		void d.dismiss();
	});
	page.on('console', (m) => {
		if (m.type() === 'error' && !EXPECTED_STATUS.test(m.text()))
			problems.push(`console error: ${m.text()}`);
	});
	if (email) {
		await page.goto(url('/signin'));
		await page.getByLabel('E-mail address').fill(email);
		await page.getByLabel('Password', { exact: true }).fill(PASSPHRASE);
		await Promise.all([
			page.waitForURL((u) => !u.pathname.startsWith('/signin')),
			page.click('form button[type="submit"]')
		]);
	}
	return { page, problems };
}

async function incident(id: string) {
	const r = await fetch(url(`/api/incidents/${encodeURIComponent(id)}`), {
		headers: jsonHeaders(staff.tokens.admin)
	});
	return { status: r.status, recordStatus: r.headers.get('x-record-status') };
}

const count = (page: Page, name: string) =>
	page.locator(`.report dd[data-count="${name}"]`).last().textContent();

/** Chooses `file` (a fixture name, or a name and its bytes) and runs the dry run. */
async function dryRun(page: Page, file: string | { name: string; buffer: Buffer }) {
	// The form posts through the page's script: a click before it has loaded (the editorial
	// strings are a chunk of their own) would submit the bare HTML form instead.
	await page.waitForLoadState('networkidle');
	const input = page.locator('input[type="file"]');
	if (typeof file === 'string') await input.setInputFiles(`${FIXTURE}/${file}`);
	else await input.setInputFiles({ ...file, mimeType: 'text/csv' });
	await page.click('button.dry-run');
	await page.locator('.report').waitFor();
}

describe('importing a file in the browser', () => {
	it('an editor previews an ACLED export, reads the dry run, imports; a reviewer finds the drafts in the queue', async () => {
		const ed = await person('editor@example.org');
		await ed.page.goto(url('/?lang=en'));
		await ed.page.locator('header a.import').click();
		await ed.page.waitForURL(/\/edit\/import\?lang=en$/);
		expect(await ed.page.locator('h1').textContent()).toBe('Import data');

		await dryRun(ed.page, 'acled.csv');
		expect(await ed.page.locator('.read-as').textContent()).toBe('Read as: ACLED export');
		const rows = ed.page.locator('.preview tbody tr');
		expect(await rows.count()).toBe(3);
		expect(await rows.first().locator('td').nth(1).textContent()).toBe('acled-aze90001');
		expect(await rows.first().textContent()).toContain('Armenpress');
		expect(await ed.page.locator('.report h2').textContent()).toContain('dry run');
		expect(await count(ed.page, 'rows')).toBe('3');
		expect(await count(ed.page, 'new')).toBe('3');
		expect(await count(ed.page, 'rejected')).toBe('0');
		expect((await incident('acled-aze90001')).status).toBe(404);

		const run = ed.page.locator('button.run');
		expect(await run.textContent()).toBe('Import 3 row(s)');
		await run.click();
		await expect
			.poll(() => ed.page.locator('.done').textContent())
			.toBe('Imported: 3 row(s) written as drafts by you.');
		expect(await count(ed.page, 'new')).toBe('3');
		expect(await incident('acled-aze90001')).toEqual({ status: 200, recordStatus: 'in_review' });
		expect(ed.problems).toEqual([]);

		const rev = await person('reviewer@example.org');
		await rev.page.goto(url('/review?lang=en'));
		for (const id of ['acled-aze90001', 'acled-arm90002', 'acled-aze90003']) {
			const row = rev.page.locator(`tr[data-record="incidents/${id}"]`);
			expect(await row.count()).toBe(1);
			expect(await row.locator('.author').textContent()).toBe('editor@example.org');
		}
		expect(rev.problems).toEqual([]);

		// The same file again: nothing new, every row unchanged.
		await dryRun(ed.page, 'acled.csv');
		expect(await count(ed.page, 'new')).toBe('0');
		expect(await count(ed.page, 'unchanged')).toBe('3');
	});

	it('a file with rejected rows shows each row and column and cannot be imported as it is', async () => {
		const ed = await person('editor@example.org');
		await ed.page.goto(url('/edit/import?lang=en'));
		await dryRun(ed.page, 'acled-broken.csv');
		expect(await count(ed.page, 'rejected')).toBe('2');
		const rejected = await ed.page
			.locator('.report table.rejected tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent))
			);
		expect(rejected).toEqual([
			['5', 'event_date'],
			['5', 'fatalities'],
			['6', 'event_type'],
			['6', 'geo_precision']
		]);
		expect(await ed.page.locator('button.run').isDisabled()).toBe(true);
		await ed.page.getByLabel('Import the valid rows even if some rows are rejected').check();
		expect(await ed.page.locator('button.run').isDisabled()).toBe(false);

		await dryRun(ed.page, { name: 'utf16.csv', buffer: Buffer.from([0xff, 0xfe, 0x41, 0]) });
		expect(await ed.page.locator('.report table.rejected tbody tr td').nth(2).textContent()).toBe(
			'the file is UTF-16 (little-endian byte-order mark): save it as UTF-8'
		);
		expect(ed.problems).toEqual([]);
	});

	it('hostile text in a file stays text', async () => {
		const ed = await person('editor@example.org');
		await ed.page.goto(url('/edit/import?lang=en'));
		const title = '<img src=x onerror=alert(1)> =HYPERLINK("javascript:alert(2)")';
		const csv =
			'Title,Date,Lat,Lon,Event type,Sub event type,Source\n' +
			`"${title.replace(/"/g, '""')}",2020-10-10,39.7583,46.7489,Battles,Armed clash,Test Fixture Gazette\n`;
		await dryRun(ed.page, { name: 'hostile.csv', buffer: Buffer.from(csv) });
		expect(await ed.page.locator('.read-as').textContent()).toBe('Read as: Spreadsheet (CSV)');
		expect(await ed.page.locator('.preview td.title').textContent()).toBe(title);
		expect(await ed.page.locator('main img').count()).toBe(0);
		expect(ed.problems).toEqual([]);
	});

	it('a CSV column mapping can be changed and the file checked again', async () => {
		const ed = await person('editor@example.org');
		await ed.page.goto(url('/edit/import?lang=vi'));
		expect(await ed.page.locator('h1').textContent()).toBe('Nhập dữ liệu');
		await ed.page.goto(url('/edit/import?lang=en'));
		await dryRun(ed.page, 'spreadsheet.csv');
		const firstTitle = () => ed.page.locator('.preview tbody tr').first().locator('td.title');
		expect(await firstTitle().textContent()).toBe('Shelling reported in Tartar (test fixture)');
		await ed.page.locator('select[name="map.title"]').selectOption('Notes');
		await ed.page.click('button.dry-run');
		await expect
			.poll(() => firstTitle().textContent())
			.toMatch(/^TEST FIXTURE \(synthetic row written for the import tests\)/);
		expect(ed.problems).toEqual([]);
	});

	it('a reader cannot reach the page (sent to sign in) nor import', async () => {
		const reader = await person();
		await reader.page.goto(url('/edit/import?lang=en'));
		expect(new URL(reader.page.url()).pathname).toBe('/signin');
		expect(new URL(reader.page.url()).searchParams.get('next')).toBe('/edit/import?lang=en');
		expect(await reader.page.locator('header a.import').count()).toBe(0);
		await reader.page.goto(url('/?lang=en'));
		expect(await reader.page.locator('header a.import').count()).toBe(0);
		const r = await fetch(url('/api/import?name=acled.csv'), {
			method: 'POST',
			body: readFileSync(`${FIXTURE}/acled.csv`)
		});
		expect(r.status).toBe(401);
		expect(reader.problems).toEqual([]);
	});
});
