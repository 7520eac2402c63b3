import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { en } from '$lib/i18n/en';
import { vi } from '$lib/i18n/vi';
import { guardedPage } from './browser';
import { openDashboard } from './dashboard_page';
import { useBuiltApp } from './app';

/** The built chunk holding the Vietnamese strings, as a path on the server. */
let viChunk: string;

beforeAll(async () => {
	const chunks = join('build', 'client', '_app', 'immutable', 'chunks');
	const found = readdirSync(chunks).filter(
		(f) => f.endsWith('.js') && readFileSync(join(chunks, f), 'utf8').includes(vi.app.tagline)
	);
	expect(found, 'exactly one built chunk holds the Vietnamese strings').toHaveLength(1);
	viChunk = `/_app/immutable/chunks/${found[0]}`;
});
const app = useBuiltApp();

/**
 * Records, from before the first script runs, whether the page ever showed English text while
 * its `<html lang>` said Vietnamese, or English UI text at all when `anyEnglish` is set.
 */
async function watchForEnglish(page: Page, english: string, anyEnglish: boolean): Promise<void> {
	await page.addInitScript(
		([text, any]) => {
			const w = window as unknown as { __sawEnglish: boolean };
			w.__sawEnglish = false;
			const check = () => {
				const shown = document.body?.innerText.includes(text) ?? false;
				if (shown && (any || document.documentElement.lang === 'vi')) w.__sawEnglish = true;
			};
			new MutationObserver(check).observe(document, {
				subtree: true,
				childList: true,
				characterData: true,
				attributes: true,
				attributeFilter: ['lang']
			});
		},
		[english, anyEnglish] as const
	);
}

const sawEnglish = (page: Page) =>
	page.evaluate(() => (window as unknown as { __sawEnglish: boolean }).__sawEnglish);

it('fetches the Vietnamese strings only when the reader switches, then speaks Vietnamese throughout', async () => {
	const { page, problems, close } = await guardedPage(app.browser, app.server.url);
	try {
		const scripts: string[] = [];
		page.on('request', (r) => scripts.push(new URL(r.url()).pathname));
		await watchForEnglish(page, en.app.tagline, false);
		await openDashboard(page, app.server.url);
		expect(await page.locator('h1').textContent()).toBe(en.app.name);
		expect(scripts).not.toContain(viChunk);

		await page.getByRole('button', { name: 'Tiếng Việt' }).click();
		await page.waitForFunction(
			(name) => document.querySelector('h1')?.textContent === name,
			vi.app.name
		);
		expect(scripts).toContain(viChunk);
		expect(await page.locator('html').getAttribute('lang')).toBe('vi');
		expect(await page.locator('.tagline').textContent()).toBe(vi.app.tagline);
		expect(await page.locator(`section[aria-label="${vi.timeline.heading}"]`).count()).toBe(1);
		expect(new URL(page.url()).searchParams.get('lang')).toBe('vi');
		expect(await sawEnglish(page)).toBe(false);

		await page.getByRole('button', { name: 'English' }).click();
		await page.waitForFunction(
			(name) => document.querySelector('h1')?.textContent === name,
			en.app.name
		);
		expect(problems).toEqual([]);
	} finally {
		await close();
	}
});

it('opens in Vietnamese with ?lang=vi without showing English first', async () => {
	const { page, problems, close } = await guardedPage(app.browser, app.server.url);
	try {
		await watchForEnglish(page, en.app.tagline, true);
		await openDashboard(page, app.server.url, 'lang=vi');
		expect(await page.locator('h1').textContent()).toBe(vi.app.name);
		expect(await page.locator('.tagline').textContent()).toBe(vi.app.tagline);
		expect(await sawEnglish(page)).toBe(false);
		expect(problems).toEqual([]);
	} finally {
		await close();
	}
});

it('hydrates an incident page in Vietnamese without switching to English on the way', async () => {
	const { page, problems, close } = await guardedPage(app.browser, app.server.url);
	try {
		await watchForEnglish(page, en.details.coordinates, true);
		const incidents = JSON.parse(readFileSync('geodata/incidents.geojson', 'utf8')) as {
			features: { id: string }[];
		};
		const id = incidents.features[0].id;
		await page.goto(`${app.server.url}/incidents/${encodeURIComponent(id)}?lang=vi`);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('body').innerText()).toContain(vi.details.coordinates);
		expect(await sawEnglish(page)).toBe(false);
		expect(problems).toEqual([]);
	} finally {
		await close();
	}
});
