import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { guardedPage, waitForMapIdle, type GuardedPage } from './browser';
import {
	DETAILS,
	INCIDENTS,
	STATEMENTS,
	detailsTitle,
	openDashboard,
	readIncident,
	settle
} from './dashboard_page';
import { useBuiltApp } from './app';

/**
 * The hostile fixture puts markup, `<script>`, event handlers, `javascript:` text and
 * Markdown-looking links in every text field. Nothing of it may run, become a link or an element.
 */
const DIR = 'tests/fixtures/hostile';
const MINE = readIncident(DIR, 'hostile-2020');
const ODD_ID = 'hostile-"><img src=x onerror=window.__pwned=1>';
const ODD = readIncident(DIR, ODD_ID);

const app = useBuiltApp({ geodataDir: DIR });

it('is a dataset the validator accepts (so only the UI stands between it and the reader)', () => {
	const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check_data.ts', DIR], {
		encoding: 'utf8'
	});
	expect(out).toMatch(/OK — 2 incidents, 2 statements, 2 sources, 2 places/);
});

/** A page that records dialogs and exposes whether any injected code ran. */
async function hostilePage(options: Parameters<typeof guardedPage>[2] = {}) {
	const g = await guardedPage(app.browser, app.server.url, options);
	const dialogs: string[] = [];
	g.page.on('dialog', async (dialog) => {
		dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		await dialog.dismiss();
	});
	return { ...g, dialogs };
}

/** Everything that would show that markup from the data became DOM or code. */
async function assertInert(page: Page, g: GuardedPage & { dialogs: string[] }) {
	const report = await page.evaluate(() => {
		const all = [...document.querySelectorAll('*')];
		return {
			pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
			javascriptLinks: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]')
				.length,
			injectedElements: document.querySelectorAll(
				'img[src="x"], iframe, object, embed, body style, main script, section script'
			).length,
			handlerAttributes: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')))
				.length,
			externalLinks: [...document.querySelectorAll('a[href]')]
				.map((a) => a as HTMLAnchorElement)
				// Links from the data; MapLibre's own attribution control is the map's business.
				.filter((a) => new URL(a.href).origin !== location.origin && !a.closest('.maplibregl-ctrl'))
				.map((a) => ({ href: a.href, target: a.target, rel: a.rel }))
		};
	});
	expect(report.pwned).toBeNull();
	expect(g.dialogs).toEqual([]);
	expect(report.javascriptLinks).toBe(0);
	expect(report.injectedElements).toBe(0);
	expect(report.handlerAttributes).toBe(0);
	for (const link of report.externalLinks) {
		expect(link.href).toMatch(/^https?:\/\//);
		expect(link.target).toBe('_blank');
		expect(link.rel).toBe('noopener noreferrer');
	}
	expect(g.problems).toEqual([]);
}

describe('hostile dataset in the dashboard', () => {
	it('shows markup as text in the list, details, claims and statements, and runs nothing', async () => {
		const g = await hostilePage();
		const { page } = g;
		try {
			await openDashboard(page, app.server.url);
			const list = await page.locator(INCIDENTS).innerText();
			expect(list).toContain(MINE.properties.title.en);

			await page.click(`${INCIDENTS} [data-incident-id="hostile-2020"]`);
			await settle(page, () => new URL(location.href).searchParams.get('sel') === 'hostile-2020');
			expect(await detailsTitle(page)).toBe(MINE.properties.title.en);
			const details = await page.locator(DETAILS).innerText();
			expect(details).toContain(MINE.properties.summary.en);
			expect(details).toContain(
				'<script>window.__pwned=1;alert(1)</script> Mine near <b>Madagiz</b>'
			);
			expect(details).toContain('<svg onload=window.__pwned=1>');
			expect(details).toContain('[read more](javascript:window.__pwned=1)');

			const statements = await page.locator(STATEMENTS).innerText();
			expect(statements).toContain('Quote with javascript:alert(1)');
			expect(statements).toContain('Speaker <script>');
			const quoteLang = await page.locator(`${STATEMENTS} blockquote`).first().getAttribute('lang');
			expect(quoteLang).toBe('vi" onmouseover="window.__pwned=1');
			await page.locator(`${STATEMENTS} blockquote`).first().hover();
			await assertInert(page, g);
			// A source URL with markup in it is still a safe http(s) link, escaped.
			const hrefs = await page.$$eval(`${DETAILS} a[target="_blank"]`, (as) =>
				as.map((a) => a.getAttribute('href'))
			);
			expect(hrefs).toContain(
				'https://example.org/article%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E'
			);
		} finally {
			await g.close();
		}
	});

	it('selects the incident whose id carries markup, in Vietnamese too, through the URL', async () => {
		const g = await hostilePage();
		const { page } = g;
		try {
			await openDashboard(page, app.server.url, `sel=${encodeURIComponent(ODD_ID)}&lang=vi`);
			expect(await page.locator('section[aria-label="Chi tiết sự kiện"] h3').textContent()).toBe(
				ODD.properties.title.vi
			);
			expect(
				await page
					.locator(`[data-incident-id="${ODD_ID.replace(/"/g, '\\"')}"][aria-selected="true"]`)
					.count()
			).toBe(1);
			await page.click('button[lang="en"]');
			await settle(page, () => document.documentElement.lang === 'en');
			expect(await detailsTitle(page)).toBe(ODD.properties.title.en);
			await assertInert(page, g);
		} finally {
			await g.close();
		}
	});
});

describe('hostile dataset on the incident pages', () => {
	for (const javaScriptEnabled of [true, false]) {
		it(`renders every field as text with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
			const g = await hostilePage({ javaScriptEnabled });
			const { page } = g;
			try {
				for (const incident of [MINE, ODD]) {
					const response = await page.goto(
						`${app.server.url}/incidents/${encodeURIComponent(incident.id)}`
					);
					expect(response?.status()).toBe(200);
					expect(await page.locator('h1').textContent()).toBe(incident.properties.title.en);
					const text = await page.locator('main').innerText();
					expect(text).toContain(incident.properties.summary.en);
					const mapLink = await page.locator('a.to-map').getAttribute('href');
					expect(new URL(mapLink!, page.url()).searchParams.get('sel')).toBe(incident.id);
					await assertInert(page, g);
				}
			} finally {
				await g.close();
			}
		});
	}

	it('follows the map link from a hostile incident page into the dashboard', async () => {
		const g = await hostilePage();
		const { page } = g;
		try {
			await page.goto(`${app.server.url}/incidents/${encodeURIComponent(ODD_ID)}`);
			await page.click('a.to-map');
			await waitForMapIdle(page);
			expect(await detailsTitle(page)).toBe(ODD.properties.title.en);
			await assertInert(page, g);
		} finally {
			await g.close();
		}
	});
});
