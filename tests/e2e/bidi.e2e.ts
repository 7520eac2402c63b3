import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { FeatureCollectionOf, IncidentFeature, PlaceFeature } from '../../src/lib/data/schema';

import { INCIDENTS, openDashboard } from './dashboard_page';
import { useBuiltApp, withGuardedPage } from './app';

/**
 * Names from the data are rendered isolated (`<bdi>`), so a right-to-left name cannot pull the
 * text after it into its own run. The dataset is valid-min with an Arabic actor followed by one
 * that starts with a digit (the case where the Unicode bidi algorithm reorders an unisolated
 * run), an Arabic place label and an Arabic title. Its summary is in English only (the dataset's
 * `languages` is `["en"]`), for the fallback a Vietnamese reader sees.
 */
const ID = '2020-11-23-madagiz-mine';
const RTL_ACTOR = 'كتيبة الدفاع';
const RTL_LABEL = 'مداغيز / Madagiz';
const RTL_TITLE = 'انفجار لغم قرب مداغيز';

let SUMMARY_EN = '';

const scratch = mkdtempSync(join(tmpdir(), 'atlas-bidi-'));
const DIR = join(scratch, 'geodata');
cpSync('tests/fixtures/valid-min', DIR, { recursive: true });
function edit<T>(file: string, change: (json: T) => void) {
	const json = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;
	change(json);
	writeFileSync(join(DIR, file), JSON.stringify(json));
}
edit<FeatureCollectionOf<IncidentFeature>>('incidents.geojson', (fc) => {
	const p = fc.features[0].properties;
	p.actors = [RTL_ACTOR, '12th Motor Rifle Brigade'];
	p.title.en = RTL_TITLE;
	// A dataset published in English alone (below): this summary has no Vietnamese.
	SUMMARY_EN = p.summary.en;
	delete (p.summary as Record<string, string>).vi;
});
edit<Record<string, unknown>>('meta.json', (meta) => {
	meta.languages = ['en'];
});
edit<FeatureCollectionOf<PlaceFeature>>('places.geojson', (fc) => {
	fc.features[0].properties.label = RTL_LABEL;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const app = useBuiltApp({ geodataDir: DIR });

function withPage(javaScriptEnabled: boolean, run: (page: Page) => Promise<void>) {
	return withGuardedPage(app, { javaScriptEnabled }, (g) => run(g.page));
}

/** Left edges on screen of two substrings of an element's text, measured with DOM Ranges. */
function leftEdges(page: Page, selector: string, first: string, second: string) {
	return page.$eval(
		selector,
		(root, [a, b]) => {
			const left = (needle: string) => {
				const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const at = node.textContent!.indexOf(needle);
					if (at === -1) continue;
					const range = document.createRange();
					range.setStart(node, at);
					range.setEnd(node, at + needle.length);
					return range.getBoundingClientRect().left;
				}
				throw new Error(`"${needle}" not found`);
			};
			return { first: left(a), second: left(b) };
		},
		[first, second] as const
	);
}

/** The element holding exactly `text`, with its tag and computed `unicode-bidi`. */
function isolation(page: Page, scope: string, text: string) {
	return page.$eval(
		scope,
		(root, wanted) => {
			const el = [...root.querySelectorAll('*')].find((e) => e.textContent === wanted);
			return el ? { tag: el.tagName, bidi: getComputedStyle(el).unicodeBidi } : null;
		},
		text
	);
}

describe('right-to-left names', () => {
	it('do not reorder the text after them (incident page, no JavaScript)', async () => {
		await withPage(false, async (page) => {
			await page.goto(`${app.server.url}/incidents/${ID}`);
			const dd = 'dd.actors';
			expect((await page.locator(dd).innerText()).replace(/\s+/g, ' ').trim()).toBe(
				`${RTL_ACTOR}; 12th Motor Rifle Brigade`
			);
			const { first, second } = await leftEdges(page, dd, RTL_ACTOR, '12th');
			expect(first).toBeLessThan(second);
			expect(await isolation(page, 'main', RTL_ACTOR)).toEqual({ tag: 'BDI', bidi: 'isolate' });
			expect(await isolation(page, 'main', RTL_LABEL)).toEqual({ tag: 'BDI', bidi: 'isolate' });
		});
	});

	it('are isolated in the incident list and the details panel of the dashboard', async () => {
		await withPage(true, async (page) => {
			await openDashboard(page, app.server.url, `sel=${ID}`);
			expect(await isolation(page, INCIDENTS, RTL_TITLE)).toEqual({ tag: 'BDI', bidi: 'isolate' });
			const details = 'section[aria-label="Incident details"]';
			await page.waitForSelector(`${details} dd.actors`);
			expect(await isolation(page, details, RTL_LABEL)).toEqual({ tag: 'BDI', bidi: 'isolate' });
			const { first, second } = await leftEdges(page, `${details} dd.actors`, RTL_ACTOR, '12th');
			expect(first).toBeLessThan(second);
		});
	});
});

describe('text the record lacks in the reader’s language', () => {
	it('shows the English, marked lang="en", where the Vietnamese is missing (incident page and dashboard)', async () => {
		await withPage(false, async (page) => {
			await page.goto(`${app.server.url}/incidents/${ID}?lang=vi`);
			expect(await page.locator('html').getAttribute('lang')).toBe('vi');
			const lead = page.locator('p.lead');
			expect(await lead.innerText()).toBe(SUMMARY_EN);
			expect(await lead.getAttribute('lang')).toBe('en');
			// The title has its Vietnamese: not marked.
			expect(await page.locator('h1').getAttribute('lang')).toBeNull();
		});
		await withPage(true, async (page) => {
			await openDashboard(page, app.server.url, `sel=${ID}&lang=vi`);
			const summary = page.locator('section[aria-label] p.summary');
			await summary.waitFor();
			expect(await summary.innerText()).toBe(SUMMARY_EN);
			expect(await summary.getAttribute('lang')).toBe('en');
		});
	});
});
