import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSPHRASE, jsonHeaders, startStaffedServer, type StaffedServer } from './accounts';
import { launchBrowser } from './browser';

/**
 * The article page in a real browser against the built server: an editor pastes the Vietnamese
 * seed article (read from `$SHARED_DIR/sources`, never copied here), sees the proposals
 * highlighted, accepts a subset, and the drafts exist with their verbatim excerpts; a reviewer
 * sees them in the queue once submitted; a reader reaches neither the page nor the drafts.
 */
const SEED = resolve(
	process.env.SHARED_DIR ?? '../shared',
	'sources',
	'2020-11-23-thoidai-madagiz-mine.txt'
);
const seed = existsSync(SEED) ? readFileSync(SEED, 'utf8') : null;
if (!seed) console.warn(`ingest_page.e2e: ${SEED} is absent; the seed article test is skipped`);

let staff: StaffedServer;
let browser: Browser;
beforeAll(async () => {
	staff = await startStaffedServer();
	browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
	await browser?.close();
	await staff?.stop();
});

const url = (path: string) => staff.server.url + path;

async function api(path: string, token?: string, init: RequestInit = {}) {
	const r = await fetch(url(path), { ...init, headers: jsonHeaders(token) });
	return { status: r.status, json: await r.json().catch(() => null) };
}

/** A signed-in browser page; every page error and request leaving the server is a problem. */
async function person(email: string): Promise<{ page: Page; problems: string[] }> {
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
	await page.goto(url('/signin'));
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password').fill(PASSPHRASE);
	await Promise.all([
		page.waitForURL((u) => !u.pathname.startsWith('/signin')),
		page.click('form button[type="submit"]')
	]);
	return { page, problems };
}

async function describeArticle(page: Page, lang: 'vi' | 'en' | 'ru') {
	await page.getByLabel('Article URL').fill('https://thoidai.com.vn/e2e-ingest-article.html');
	await page.getByLabel('Publisher').fill('Thời Đại (e2e)');
	await page.getByLabel('Headline').fill('Binh sĩ gìn giữ hòa bình của Nga bị thương do nổ mìn');
	await page.getByLabel('Published on').fill('2020-11-24');
	await page.getByLabel('Language of the article').selectOption(lang);
}

/** An action posted as a script would (multipart, the session as a token): the action's answer. */
async function action(name: string, fields: Record<string, string | Blob>, token?: string) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const r = await fetch(url(`/edit/ingest?/${name}`), {
		method: 'POST',
		headers: {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			origin: staff.server.url,
			...(token ? { authorization: `Bearer ${token}` } : {})
		},
		body
	});
	const text = await r.text();
	return { http: r.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

const ARTICLE = {
	url: 'https://example.org/a',
	publisher: 'P',
	title: 'T',
	published: '2020-11-24',
	lang: 'vi'
};

describe('from an article to drafts in the browser', () => {
	it('a reader is sent to sign in, and the actions refuse them', async () => {
		const r = await fetch(url('/edit/ingest'), { redirect: 'manual' });
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toMatch(/^\/signin\?next=%2Fedit%2Fingest/);
		const propose = await action('propose', { ...ARTICLE, text: 'Madagiz' });
		expect(propose.json).toMatchObject({ type: 'failure', status: 401 });
	});

	it.skipIf(!seed)(
		'an editor pastes the seed article, accepts a subset, and the drafts quote it verbatim',
		async () => {
			const { page, problems } = await person('editor@example.org');
			await page.goto(url('/edit/ingest?lang=en'));
			await page.getByTestId('ingest-text').fill(seed!);
			await describeArticle(page, 'vi');
			await page.getByRole('button', { name: 'Find proposals' }).click();
			const article = page.getByTestId('ingest-article');
			await article.waitFor({ timeout: 60_000 });

			const places = await page.locator('mark.hl-place').allTextContents();
			expect(places).toContain('Madagiz');
			expect(places).toContain('Terter');
			expect(await article.textContent()).toBe(seed!.replace(/\r\n?/g, '\n'));

			const choices = page.getByTestId('statement-choice');
			const speakers = await page.getByTestId('statement-speaker').allTextContents();
			expect(speakers).toContain('Ministry of Defence of Russia');
			// Keep the Russian ministry's statements, reject the others.
			const kept: number[] = [];
			for (const [i, speaker] of speakers.entries()) {
				const box = choices.nth(i).locator('legend input[type="checkbox"]');
				if (speaker === 'Ministry of Defence of Russia') {
					kept.push(i);
					await page
						.getByTestId(`statement-translation-${i}`)
						.fill(`Translation of statement ${i} (e2e)`);
				} else await box.uncheck();
			}
			expect(kept.length).toBeGreaterThan(0);
			const excerpts = await Promise.all(
				kept.map(async (i) => (await choices.nth(i).locator('blockquote').textContent())!)
			);
			// Reject the last claim.
			const claimBoxes = page.getByTestId('claim-choice');
			const claimCount = await claimBoxes.count();
			expect(claimCount).toBeGreaterThan(1);
			await claimBoxes
				.nth(claimCount - 1)
				.locator('legend input[type="checkbox"]')
				.uncheck();

			await page.getByLabel('Title (Vietnamese)').fill('Nổ mìn gần Madagiz (e2e)');
			await page.getByLabel('Summary (English)').fill('A mine went off near Madagiz (e2e).');
			await page.getByLabel('Summary (Vietnamese)').fill('Một quả mìn nổ gần Madagiz (e2e).');
			await page.getByLabel('Sub-type').fill('Remote explosive/landmine/IED');
			await page.getByRole('button', { name: 'Create the drafts' }).click();
			const created = page.getByTestId('ingest-created');
			await created.waitFor({ timeout: 60_000 });

			const incidentId = (await created.locator('li code').first().textContent())!;
			const sourceId = (await page.getByTestId('created-source').textContent())!;
			const statementIds = await created.locator('code.created-statement').allTextContents();
			expect(statementIds).toHaveLength(kept.length);

			const token = staff.tokens.editor;
			const incident = await api(`/api/incidents/${incidentId}`, token);
			expect(incident.status).toBe(200);
			expect(incident.json.properties.statement_ids).toEqual(statementIds);
			expect(incident.json.properties.source_ids).toEqual([sourceId]);
			expect(incident.json.properties.place_ids).toEqual(
				expect.arrayContaining(['madagiz', 'tartar'])
			);
			expect(incident.json.properties.claims).toHaveLength(claimCount - 1);
			const snapshot = await api(`/api/sources/${sourceId}/snapshot`, token);
			expect(snapshot.json.text).toBe(seed!.replace(/\r\n?/g, '\n'));
			for (const [j, id] of statementIds.entries()) {
				const excerpt = await api(`/api/statements/${id}/excerpt`, token);
				expect(excerpt.status).toBe(200);
				expect(excerpt.json.text).toBe(excerpts[j].trim());
				expect(snapshot.json.text.slice(excerpt.json.start, excerpt.json.end)).toBe(
					excerpt.json.text
				);
			}

			// The editor lands in the incident editor from the link.
			await page.getByTestId('open-incident').click();
			await page.waitForURL(new RegExp(`/edit/incidents/${incidentId}`));

			// Nothing of it reaches a reader.
			expect((await api(`/api/incidents/${incidentId}`)).status).toBe(404);
			expect((await api(`/api/statements/${statementIds[0]}/excerpt`)).status).toBe(401);
			expect((await api(`/api/sources/${sourceId}`)).status).toBe(404);

			// Submitted, the incident is in the reviewer's queue.
			const submit = await fetch(url(`/api/incidents/${incidentId}/status`), {
				method: 'POST',
				headers: jsonHeaders(token),
				body: JSON.stringify({ status: 'in_review' })
			});
			expect(submit.status).toBe(200);
			const reviewer = await person('reviewer@example.org');
			await reviewer.page.goto(url('/review?lang=en'));
			expect(await reviewer.page.locator(`main a[href*="${incidentId}"]`).count()).toBeGreaterThan(
				0
			);
			expect([...problems, ...reviewer.problems]).toEqual([]);
		},
		300_000
	);

	it('an uploaded page is read for its main text, scripts dropped; pasted markup stays text', async () => {
		const { page, problems } = await person('editor@example.org');
		await page.goto(url('/edit/ingest?lang=en'));
		await page.locator('input[type="file"]').setInputFiles({
			name: 'page.html',
			mimeType: 'text/html',
			buffer: Buffer.from(
				'<html><body><nav>Menu Baku</nav><article><p>Ngày 23/11, Bộ Quốc phòng Nga cho biết một vụ nổ mìn gần Madagiz.</p></article><script>window.__pwned = 1</script></body></html>'
			)
		});
		await describeArticle(page, 'vi');
		await page.getByRole('button', { name: 'Find proposals' }).click();
		const article = page.getByTestId('ingest-article');
		await article.waitFor({ timeout: 60_000 });
		const text = (await article.textContent())!;
		expect(text).toContain('Madagiz');
		expect(text).not.toContain('__pwned');
		expect(text).not.toContain('Menu');

		await page.goto(url('/edit/ingest?lang=en'));
		const hostile =
			'<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> \u202Egần Madagiz\u202C';
		await page.getByTestId('ingest-text').fill(hostile);
		await describeArticle(page, 'vi');
		await page.getByRole('button', { name: 'Find proposals' }).click();
		await page.getByTestId('ingest-article').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('ingest-article').textContent()).toBe(hostile);
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
			undefined
		);
		expect(await page.locator('mark.hl-place').allTextContents()).toContain('Madagiz');
		expect(problems).toEqual([]);
	}, 180_000);

	it('5 MB of text gets a clear error in the page and from the server, and nothing crashes', async () => {
		const { page, problems } = await person('editor@example.org');
		await page.goto(url('/edit/ingest?lang=en'));
		await describeArticle(page, 'vi');
		await page.getByTestId('ingest-text').evaluate((el) => {
			(el as HTMLTextAreaElement).value = 'Madagiz '.repeat(5 * 131_072);
		});
		await page.getByRole('button', { name: 'Find proposals' }).click();
		const error = page.getByTestId('ingest-error');
		await error.waitFor({ timeout: 60_000 });
		expect(await error.textContent()).toMatch(/5,242,880 characters long; the limit is 1,000,000/);
		expect(problems).toEqual([]);

		const token = staff.tokens.editor;
		const long = await action('propose', { ...ARTICLE, text: 'a '.repeat(600_000) }, token);
		expect(long.json).toMatchObject({ type: 'failure', status: 400 });
		expect(long.text).toMatch(/text/);
		expect(long.text).toMatch(/limit is 1000000/);
		const huge = await action('propose', { ...ARTICLE, text: 'x'.repeat(6 * 1024 * 1024) }, token);
		// Over the 5 MB the page's actions may send: refused before the text is read.
		expect(huge.http === 413 || huge.json.status === 400).toBe(true);
		const binary = await action(
			'propose',
			{ ...ARTICLE, text: '\u0001\u0002\u0003 junk '.repeat(100) },
			token
		);
		expect(binary.json).toMatchObject({ type: 'failure', status: 400 });
		expect(binary.text).toMatch(/binary/);
		const empty = await action('propose', { ...ARTICLE, text: '   ' }, token);
		expect(empty.json).toMatchObject({ type: 'failure', status: 400 });
		expect(empty.text).toMatch(/must not be empty/);
		// The server still answers.
		expect((await fetch(url('/healthz'))).status).toBe(200);
	}, 180_000);

	it('an accepted range outside the text, or an unknown organisation, is refused naming the field', async () => {
		const token = staff.tokens.editor;
		const decision = {
			article: ARTICLE,
			statements: [
				{
					start: 0,
					end: 99,
					speaker: 'Ministry of Defence of Russia',
					role: 'ministry press service',
					organization_id: 'ru-ministry-of-defence',
					form: 'reported',
					via: 'v',
					translation: 't'
				}
			],
			claims: [],
			incident: null
		};
		const r = await action(
			'accept',
			{ text: 'Too short', decision: JSON.stringify(decision) },
			token
		);
		expect(r.json).toMatchObject({ type: 'failure', status: 400 });
		expect(r.text).toMatch(/statements\[0\]/);
		decision.statements[0].end = 5;
		decision.statements[0].organization_id = 'no-such-organisation';
		const unknown = await action(
			'accept',
			{ text: 'Too short', decision: JSON.stringify(decision) },
			token
		);
		expect(unknown.json).toMatchObject({ type: 'failure', status: 400 });
		expect(unknown.text).toMatch(/speaker\.organization_id/);
	});
});
