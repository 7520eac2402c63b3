import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IncidentFeature, Meta, Organization, Source, Statement } from '$lib/data/schema';
import { en } from '$lib/i18n/en';
import { vi } from '$lib/i18n/vi';
import { LEGEND_TEXT } from '$lib/map/map_text';
import type { GuardedPage } from './browser';
import { DETAILS, INCIDENTS, STATEMENTS, openDashboard, settle } from './dashboard_page';
import { useBuiltApp, withGuardedPage } from './app';

const app = useBuiltApp();

const PHONE: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	hasTouch: true,
	isMobile: true
};
/** The incident with the most claims (five, from four claimants). */
const FIGHTING = '2016-04-02-line-of-contact-fighting';
/** An incident no statement is linked to. */
const TALISH = '2016-04-02-talish';
const MINE = '2020-11-23-madagiz-mine';

const incidents = (
	JSON.parse(readFileSync('geodata/incidents.geojson', 'utf8')) as { features: IncidentFeature[] }
).features;
const statements = JSON.parse(readFileSync('geodata/statements.json', 'utf8')) as Statement[];
const sources = JSON.parse(readFileSync('geodata/sources.json', 'utf8')) as Source[];
const meta = JSON.parse(readFileSync('geodata/meta.json', 'utf8')) as Meta;
const organizations = JSON.parse(
	readFileSync('geodata/organizations.json', 'utf8')
) as Organization[];

function withPage(options: BrowserContextOptions, run: (g: GuardedPage) => Promise<void>) {
	return withGuardedPage(app, options, run);
}

/** Opens the phone's bottom sheet on a tab. */
async function phoneTab(page: Page, name: string) {
	await page.getByRole('tab', { name }).click();
	await page.waitForSelector(`[role="tab"][aria-selected="true"]:has-text("${name}")`);
}

/**
 * Whether the claims are readable where they are: nothing in the claims area reaches past its
 * right edge (no sideways scroll), and every field of a claim (figure, subject, claimant, source)
 * is at least `minWidth` px wide, so that a name is not broken into one word per line.
 */
async function claimsLayout(area: Locator, minWidth: number) {
	return area.evaluate((el, min) => {
		const box = el.getBoundingClientRect();
		const visible = (e: Element) => {
			const r = e.getBoundingClientRect();
			return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
		};
		const past = [...el.querySelectorAll('*')]
			.filter(visible)
			.filter((e) => e.getBoundingClientRect().right > box.right + 1)
			.map((e) => `${e.tagName.toLowerCase()} "${e.textContent?.trim().slice(0, 30)}"`);
		const fields = [...el.querySelectorAll('td, tbody th, dd')].filter(visible);
		const narrow = fields
			.filter((e) => e.getBoundingClientRect().width < min)
			.map((e) => `${Math.round(e.getBoundingClientRect().width)} px: ${e.textContent?.trim()}`);
		return {
			overflowX: el.scrollWidth - el.clientWidth,
			past,
			narrow,
			fields: fields.length,
			cards: [...el.querySelectorAll('.card')].filter(visible).length,
			table: [...el.querySelectorAll('table')].some(visible)
		};
	}, minWidth);
}

describe('the claimed figures', () => {
	for (const [label, options] of [
		['1280×720', { viewport: { width: 1280, height: 720 } }],
		['390×844 (phone)', PHONE],
		['1920×1080', { viewport: { width: 1920, height: 1080 } }]
	] as const) {
		it(`are readable at the details panel’s width at ${label}: one card per claim, no sideways scroll`, async () => {
			await withPage(options, async ({ page }) => {
				await openDashboard(page, app.server.url, `sel=${FIGHTING}`);
				if (options === PHONE) await phoneTab(page, 'Details');
				const area = page.locator(`${DETAILS} [data-testid="claims"]`);
				await area.scrollIntoViewIfNeeded();
				const layout = await claimsLayout(area, 120);
				expect(layout.overflowX).toBeLessThanOrEqual(0);
				expect(layout.past).toEqual([]);
				expect(layout.narrow).toEqual([]);
				// Four fields a claim, five claims.
				expect(layout.cards).toBe(5);
				expect(layout.fields).toBe(20);
				expect(layout.table).toBe(false);
			});
		});
	}

	it('keep their table where there is room for it: the incident page at 1280×720', async () => {
		await withPage({ viewport: { width: 1280, height: 720 } }, async ({ page }) => {
			await page.goto(`${app.server.url}/incidents/${FIGHTING}`);
			const layout = await claimsLayout(page.locator('[data-testid="claims"]'), 60);
			expect(layout.table).toBe(true);
			expect(layout.cards).toBe(0);
			expect(layout.overflowX).toBeLessThanOrEqual(0);
			expect(layout.past).toEqual([]);
		});
	});
});

describe('a statements panel with nothing to show says what is missing', () => {
	it('an incident no statement is linked to, in English and Vietnamese', async () => {
		await withPage({ viewport: { width: 1280, height: 720 } }, async ({ page }) => {
			await openDashboard(page, app.server.url, `sel=${TALISH}`);
			const panel = page.locator(STATEMENTS);
			await expect.poll(() => panel.innerText()).toContain(en.statements.noneLinked);
			expect(await panel.innerText()).not.toContain(en.statements.none);

			await openDashboard(page, app.server.url, `sel=${TALISH}&lang=vi`);
			const vpanel = page.locator(`section[aria-label="${vi.statements.heading}"]`);
			await expect.poll(() => vpanel.innerText()).toContain(vi.statements.noneLinked);
			expect(await vpanel.innerText()).not.toContain(vi.statements.none);
		});
	});

	it('a time window in which nobody spoke', async () => {
		await withPage({ viewport: { width: 1280, height: 720 } }, async ({ page }) => {
			expect(statements.some((s) => s.said_on.startsWith('2018'))).toBe(false);
			await openDashboard(page, app.server.url, 'from=2018-01-01&to=2018-12-31');
			await expect
				.poll(() => page.locator(STATEMENTS).innerText())
				.toContain(en.statements.noneInWindow);
		});
	});

	it('filters that hide every statement: says so, and offers to show them all', async () => {
		const linked = statements.filter((s) => s.incident_ids.includes(MINE));
		const topic = [...new Set(statements.flatMap((s) => s.topics))].find(
			(x) => !linked.some((s) => s.topics.includes(x))
		)!;
		expect(topic).toBeTruthy();
		await withPage({ viewport: { width: 1280, height: 720 } }, async ({ page }) => {
			await openDashboard(page, app.server.url, `sel=${MINE}&topic=${topic}`);
			const panel = page.locator(STATEMENTS);
			await expect.poll(() => panel.innerText()).toContain(en.statements.none);
			expect(await panel.innerText()).not.toContain(en.statements.noneLinked);
			await panel.getByRole('button', { name: en.statements.showAll }).click();
			await settle(page, () => !location.search.includes('topic='));
			expect(await panel.locator('[data-statement-id]').count()).toBeGreaterThanOrEqual(
				linked.length
			);
			expect(await panel.innerText()).not.toContain(en.statements.none);
		});
	});
});

/** The elements of `selector` whose text does not fit: cut off sideways or below. */
function clipped(page: Page, selector: string) {
	return page.$$eval(selector, (els) =>
		els
			.filter((e) => e.getBoundingClientRect().width > 0)
			.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
			.map((e) => e.textContent?.trim())
	);
}

describe('the panels share the width with the map', () => {
	for (const lang of ['en', 'vi']) {
		it(`at 1920×1080 (${lang}) the side panels show whole titles`, async () => {
			await withPage({ viewport: { width: 1920, height: 1080 } }, async ({ page }) => {
				await openDashboard(page, app.server.url, `sel=${FIGHTING}&lang=${lang}`);
				const titles = page.locator('[role="option"] .title');
				expect(await titles.count()).toBe(incidents.length);
				expect(await clipped(page, '[role="option"] .title')).toEqual([]);
				expect(await clipped(page, '[role="option"] .meta')).toEqual([]);
				expect(await clipped(page, `main h3`)).toEqual([]);
			});
		});
	}

	it('at 1280×720 the map keeps at least half the width', async () => {
		await withPage({ viewport: { width: 1280, height: 720 } }, async ({ page }) => {
			await openDashboard(page, app.server.url, `sel=${FIGHTING}`);
			const map = (await page.locator('.map-pane').boundingBox())!;
			expect(map.width).toBeGreaterThanOrEqual(640);
			const list = (await page.locator(INCIDENTS).boundingBox())!;
			expect(list.width).toBeGreaterThanOrEqual(250);
		});
	});
});

/** String leaves of a catalogue (functions left out: they render only with the data's values). */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

/**
 * Names that are descriptions ("Ministry of Defence of Russia", "Serzh Sargsyan, President of
 * Armenia") rather than proper names ("AFP", "John Kerry"), which stay as they are in every
 * language.
 */
const descriptive = (name: string) => /\b(of|the)\b/.test(name);
const readable = (key: string) => key.replace(/[_-]+/g, ' ');

/**
 * The rule of a Vietnamese page: a visible text is English when it equals a string of the English
 * UI (catalogue or legend) or an English-only text of the dataset (actors, sub-types, claims'
 * subjects, claimants, metrics and notes, topics, speakers' roles and the way they spoke, notes,
 * titles and summaries, English source titles), or contains one of at least 12 characters.
 * Strings that Vietnamese text uses too (proper names: "GeoJSON", "Incident Atlas") are not English
 * by this rule.
 * Every English text must sit inside an element with `lang="en"`.
 */
function englishStrings(): string[] {
	const english = new Set<string>([...strings(en), ...strings(LEGEND_TEXT.en)]);
	for (const f of incidents) {
		const p = f.properties;
		[p.title.en, p.summary.en, p.sub_type, ...p.actors].forEach((x) => english.add(x));
		if (p.location_note) english.add(p.location_note);
		for (const c of p.claims) {
			english.add(c.subject).add(readable(c.metric));
			if (descriptive(c.claimant)) english.add(c.claimant);
			if (c.note) english.add(c.note);
		}
	}
	for (const s of statements) {
		english.add(s.speaker.role).add(s.via);
		if (descriptive(s.speaker.name)) english.add(s.speaker.name);
		if (s.note) english.add(s.note);
		s.topics.forEach((x) => english.add(readable(x)));
	}
	for (const s of sources) {
		if (s.note) english.add(s.note);
		if (s.language === 'en') english.add(s.title);
	}
	for (const o of organizations) english.add(o.names.en);
	english.add(meta.licence).add(meta.attribution);
	const vietnamese = new Set<string>([
		...strings(vi),
		...strings(LEGEND_TEXT.vi),
		...incidents.flatMap((f) => [f.properties.title.vi, f.properties.summary.vi]),
		...organizations.map((o) => o.names.vi ?? '')
	]);
	const inVietnamese = [...vietnamese];
	return [...english]
		.map((x) => x.trim())
		.filter((x) => x.length > 1 && !inVietnamese.some((v) => v.includes(x)));
}

/** Visible text nodes that the rule finds English and no `lang="en"` ancestor marks. */
function unmarkedEnglish(page: Page, root: string, english: string[]) {
	return page.evaluate(
		({ root, english }) => {
			const exact = new Set(english);
			const long = english.filter((x) => x.length >= 12);
			const out: string[] = [];
			const scope = document.querySelector(root);
			if (!scope) throw new Error(`no ${root}`);
			const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
			while (walker.nextNode()) {
				const node = walker.currentNode;
				const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
				const el = node.parentElement;
				if (!text || !el || el.closest('script, style, title, option')) continue;
				const range = document.createRange();
				range.selectNodeContents(node);
				if (range.getClientRects().length === 0) continue;
				if (getComputedStyle(el).visibility === 'hidden') continue;
				if (!exact.has(text) && !long.some((x) => text.includes(x))) continue;
				const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
				if (!lang.startsWith('en')) out.push(`${text.slice(0, 80)} (in lang="${lang}")`);
			}
			// A select's options are read out too.
			for (const option of scope.querySelectorAll('option')) {
				const text = (option.textContent ?? '').trim();
				const lang = option.closest('[lang]')?.getAttribute('lang') ?? '';
				if ((exact.has(text) || long.some((x) => text.includes(x))) && !lang.startsWith('en'))
					out.push(`option ${text} (in lang="${lang}")`);
			}
			return out;
		},
		{ root, english }
	);
}

describe('the Vietnamese UI is Vietnamese throughout', () => {
	const english = englishStrings();

	it('the rule finds the English it is meant to find', () => {
		expect(english).toContain('Armed Forces of Azerbaijan');
		expect(english).toContain('Armed clash');
		expect(english).toContain('Azerbaijani soldiers');
		expect(english).toContain('Ministry of Defence of Azerbaijan');
		expect(english).toContain('aircraft lost');
		expect(english).toContain('Legend');
		expect(english).not.toContain('AFP');
		expect(english).not.toContain('GeoJSON');
		expect(english).not.toContain('Incident Atlas');
		expect(english).toContain(meta.licence);
	});

	it('dashboard, every incident’s details, its claims and statements, filters and legend', async () => {
		await withPage({ viewport: { width: 1440, height: 900 } }, async ({ page }) => {
			await openDashboard(page, app.server.url, 'lang=vi');
			await page.click(`summary:has-text("${vi.map.legend}")`);
			await page.click(`summary:has-text("${vi.filters.actors}")`);
			const offenders = new Set<string>();
			const walk = async () => {
				for (const x of await unmarkedEnglish(page, 'body', english)) offenders.add(x);
			};
			await walk();
			for (const f of incidents) {
				await page.locator(`[role="option"][data-incident-id="${f.id}"]`).click();
				await page.waitForFunction(
					(title) => document.querySelector('main article h3')?.textContent === title,
					f.properties.title.vi
				);
				await walk();
			}
			// The data holds English-only notes: they are shown, marked as English.
			expect(await page.locator('main [lang="en"]').count()).toBeGreaterThan(0);
			expect([...offenders]).toEqual([]);
		});
	});

	it('the phone’s sheet and the incident pages', async () => {
		await withPage(PHONE, async ({ page }) => {
			await openDashboard(page, app.server.url, `sel=${FIGHTING}&lang=vi`);
			const offenders = new Set<string>();
			for (const tab of [vi.sheet.details, vi.sheet.statements, vi.sheet.list]) {
				await phoneTab(page, tab);
				for (const x of await unmarkedEnglish(page, 'body', english)) offenders.add(x);
			}
			for (const f of incidents) {
				await page.goto(`${app.server.url}/incidents/${f.id}?lang=vi`);
				for (const x of await unmarkedEnglish(page, 'body', english))
					offenders.add(`${f.id}: ${x}`);
			}
			expect([...offenders]).toEqual([]);
		});
	});
});
