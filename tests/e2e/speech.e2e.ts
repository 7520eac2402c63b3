import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp, withGuardedPage } from './app';
import type { GuardedPage } from './browser';
import { openDashboard, settle, STATEMENTS } from './dashboard_page';

const FIGHTING = '2016-04-02-line-of-contact-fighting';
/** The article's paraphrase of Kerry's statement, and the two words it prints in quotation marks. */
const REPORTED = '[data-statement-id="st-2016-04-02-kerry"]';
const DIRECT = '[data-statement-id="st-2016-04-02-kerry-immediately"]';
const PUBLISHER = (
	JSON.parse(readFileSync('geodata/sources.json', 'utf8')) as { id: string; publisher: string }[]
).find((s) => s.id === 'dantocmiennui-2016-04')!.publisher;

const app = useBuiltApp();

function withPage(
	run: (g: GuardedPage) => Promise<void>,
	options: BrowserContextOptions = {}
): Promise<void> {
	return withGuardedPage(app, options, run);
}

/** The card's quote figures in document order: "translation" or "original". */
const figureOrder = (card: Locator) =>
	card
		.locator('figure.quote')
		.evaluateAll((figures) =>
			figures.map((f) => (f.classList.contains('original') ? 'original' : 'translation'))
		);

/** What every page must say of the Kerry pair, in English: reported versus direct, both texts. */
async function expectAttributedInEnglish(page: Page, scope = '') {
	const reported = page.locator(`${scope} ${REPORTED}`.trim()).first();
	const direct = page.locator(`${scope} ${DIRECT}`.trim()).first();
	const reportedText = await reported.innerText();
	expect(reportedText).toContain(`As reported by ${PUBLISHER}:`);
	expect(reportedText).toContain('Reported speech');
	expect(await reported.locator('bdi.speaker').innerText()).toBe('John Kerry');
	const directText = await direct.innerText();
	expect(directText).not.toContain('As reported by');
	expect(directText).toContain(`In the speaker’s own words, as quoted by ${PUBLISHER}:`);
	expect(directText).toContain('Direct quote');
	expect(await direct.locator('blockquote[lang="vi"]').innerText()).toBe('ngay lập tức');
	// English UI: our translation first (marked as ours), then the original with its lang.
	for (const card of [reported, direct]) {
		expect(await figureOrder(card)).toEqual(['translation', 'original']);
		expect(await card.locator('figure.translation').innerText()).toContain(
			'Translation by Incident Atlas'
		);
		expect(await card.locator('blockquote').getAttribute('lang')).toBe('vi');
	}
}

describe('reported and direct speech', () => {
	it('on the incident page (no JavaScript): "As reported by" only for reported speech', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto(`${app.server.url}/incidents/${FIGHTING}`);
				await expectAttributedInEnglish(page);
			},
			{ javaScriptEnabled: false }
		);
	});

	it('on the incident page in Vietnamese: the Vietnamese original first', async () => {
		await withPage(
			async ({ page }) => {
				await page.goto(`${app.server.url}/incidents/${FIGHTING}?lang=vi`);
				const reported = page.locator(REPORTED).first();
				expect(await figureOrder(reported)).toEqual(['original', 'translation']);
				expect(await reported.innerText()).toContain(`Theo tường thuật của ${PUBLISHER}:`);
				expect(await page.locator(DIRECT).first().innerText()).not.toContain('Theo tường thuật');
			},
			{ javaScriptEnabled: false }
		);
	});

	it('in the dashboard’s statements panel, in English and in Vietnamese', async () => {
		await withPage(async ({ page }) => {
			await openDashboard(page, app.server.url, `sel=${FIGHTING}`);
			await expectAttributedInEnglish(page, STATEMENTS);
			await openDashboard(page, app.server.url, `sel=${FIGHTING}&lang=vi`);
			const reported = page.locator(REPORTED).first();
			expect(await figureOrder(reported)).toEqual(['original', 'translation']);
			expect(await reported.innerText()).toContain(`Theo tường thuật của ${PUBLISHER}:`);
		});
	});
});

describe('the Organisation filter', () => {
	it('lists each organisation once, grouped by state, and filters by id', async () => {
		await withPage(async ({ page }) => {
			await openDashboard(page, app.server.url);
			const groups = await page.$$eval(`${STATEMENTS} select[name="org"] optgroup`, (els) =>
				els.map((g) => [
					g.getAttribute('label'),
					[...g.querySelectorAll('option')].map((o) => [o.value, o.textContent])
				])
			);
			expect(groups).toEqual([
				[
					'Republic of Azerbaijan',
					[['az-ministry-of-defence', 'Ministry of Defence of the Republic of Azerbaijan']]
				],
				[
					'Russian Federation',
					[
						['russia', 'Russian Federation'],
						['ru-government', 'Government of the Russian Federation'],
						['ru-ministry-of-defence', 'Ministry of Defence of the Russian Federation']
					]
				],
				[
					'United States of America',
					[['us-department-of-state', 'United States Department of State']]
				],
				[
					'Not part of a state',
					[
						['eu', 'European Union'],
						['osce', 'Organization for Security and Co-operation in Europe'],
						['un', 'United Nations']
					]
				]
			]);
			await page.locator(`${STATEMENTS} select[name="org"]`).selectOption('ru-government');
			await settle(page, () => new URL(location.href).searchParams.get('org') === 'ru-government');
			const ids = await page.$$eval(`${STATEMENTS} [data-statement-id]`, (els) =>
				els.map((e) => e.getAttribute('data-statement-id'))
			);
			expect(ids.sort()).toEqual(['st-2016-04-02-lavrov', 'st-2016-04-02-shoigu']);
		});
	});
});

describe('exports over HTTP', () => {
	it('give each statement its form and attribution: JSON, GeoJSON and the statements CSV', async () => {
		const json = await (await fetch(`${app.server.url}/api/statements.json`)).json();
		const byId = new Map<string, { form: string; attribution: string; speaker: object }>(
			json.statements.map((s: { id: string }) => [s.id, s])
		);
		expect(byId.get('st-2016-04-02-kerry')).toMatchObject({
			form: 'reported',
			attribution: `As reported by ${PUBLISHER}: John Kerry (Secretary of State, United States Department of State), in the outlet's words, not the speaker's`,
			speaker: { organization_id: 'us-department-of-state' }
		});
		expect(byId.get('st-2016-04-02-kerry-immediately')?.form).toBe('direct');
		expect(byId.get('st-2016-04-02-kerry-immediately')?.attribution).not.toContain('As reported');
		for (const s of byId.values()) expect(['direct', 'reported']).toContain(s.form);
		expect(json.organizations.map((o: { id: string }) => o.id)).toContain('united-states');

		const geojson = await (await fetch(`${app.server.url}/api/incidents.geojson`)).json();
		const fighting = geojson.features.find((f: { id: string }) => f.id === FIGHTING);
		const embedded = fighting.properties.statements.find(
			(s: { id: string }) => s.id === 'st-2016-04-02-kerry'
		);
		expect(embedded.form).toBe('reported');
		expect(embedded.attribution).toMatch(/^As reported by /);

		const csv = await (await fetch(`${app.server.url}/api/statements.csv`)).text();
		const header = csv
			.replace(/^\uFEFF/, '')
			.split('\r\n')[0]
			.split(',');
		expect(header).toContain('form');
		expect(header).toContain('attribution');
		expect(csv).toContain(
			`,direct,"John Kerry (Secretary of State, United States Department of State), in the speaker's words as quoted by ${PUBLISHER}"`
		);
	});
});
