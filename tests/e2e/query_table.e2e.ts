import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '$lib/server/load';
import { useBuiltApp } from './app';
import { guardedPage } from './browser';
import { INCIDENTS, listedIds, openDashboard } from './dashboard_page';

/**
 * One table of queries through every endpoint over real HTTP, and through the dashboard in
 * Chromium: each must select exactly the incidents the row names (written out by hand from
 * `geodata/`), so `from`, `to`, `type`, `actor`, `q` and `bbox` mean the same everywhere.
 */
const dataset = loadDataset('geodata');
const order = dataset.incidents.features.map((f) => f.id);

const MINE = '2020-11-23-madagiz-mine';
const LINE = '2016-04-02-line-of-contact-fighting';
const MI24 = '2016-04-02-mi24-shot-down';
const TALISH = '2016-04-02-talish';
const SEYSULAN = '2016-04-02-seysulan';
const LELE_TEPE = '2016-04-02-lele-tepe';
const MARTUNI = '2016-04-02-martuni-rocket-strike';
const APRIL_2016 = [LINE, MI24, TALISH, SEYSULAN, LELE_TEPE, MARTUNI];

const enc = encodeURIComponent;

/** [query string, the incidents it selects, whether the dashboard row is run in the browser]. */
const TABLE: [string, string[], boolean][] = [
	['', [MINE, ...APRIL_2016], false],
	// The bug this table was written for: /ogc ignored from/to and returned all 7.
	['from=2020-01-01', [MINE], true],
	['to=2019-12-31', APRIL_2016, false],
	['from=2016-04-02&to=2016-04-02', APRIL_2016, false],
	['from=2016-04-03&to=2020-11-22', [], true],
	['from=2020-11-23', [MINE], false],
	[`type=${enc('Explosions/Remote violence')}`, [MINE, MARTUNI], true],
	// Sugovushan is Madagiz, a place of the mine and of the 2016 line.
	[`type=Battles,${enc('Explosions/Remote violence')}&q=Sugovushan`, [MINE, LINE], false],
	[
		`actor=${enc('Nagorno-Karabakh Defence Army')}`,
		[LINE, MI24, TALISH, SEYSULAN, LELE_TEPE],
		false
	],
	[
		`actor=${enc('Russian peacekeeping contingent')}&actor=${enc('Civilians (Nagorno-Karabakh)')}`,
		[MINE, MARTUNI],
		true
	],
	['q=Mi-24', [MI24], false],
	['q=Tartar', [MINE], false],
	['bbox=46.7,40.3,46.8,40.35', [MINE, LINE], false],
	['bbox=44,38,45,39', [], false],
	[
		`type=Battles&actor=${enc('Armed Forces of Azerbaijan')}&from=2016-04-01&to=2016-04-30&bbox=46.9,39.3,47.4,40.3`,
		[LINE, SEYSULAN, LELE_TEPE],
		true
	]
];

const app = useBuiltApp();

async function get(path: string): Promise<Response> {
	const r = await fetch(app.server.url + path);
	expect(r.status, path).toBe(200);
	return r;
}

const sorted = (ids: string[]) => [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b));

/** The statements about `ids`, linked from either side: what the statement exports must hold. */
function statementsAbout(ids: string[]): string[] {
	const chosen = new Set(ids);
	const linked = new Set(
		dataset.incidents.features
			.filter((f) => chosen.has(f.id))
			.flatMap((f) => f.properties.statement_ids)
	);
	return dataset.statements
		.filter((s) => linked.has(s.id) || s.incident_ids.some((id) => chosen.has(id)))
		.map((s) => s.id)
		.sort();
}

describe('one query, the same incidents on every endpoint', () => {
	it.each(TABLE)('?%s', async (query, expected) => {
		const q = query ? `?${query}` : '';
		const want = sorted(expected);

		const geojson = await (await get(`/api/incidents.geojson${q}`)).json();
		expect(
			geojson.features.map((f: { id: string }) => f.id),
			'geojson'
		).toEqual(want);

		const csv = csvParse(await (await get(`/api/incidents.csv${q}`)).text());
		expect(
			csv.map((r) => r.event_id.replace(/^\uFEFF/, '')),
			'incidents.csv'
		).toEqual(want);

		const kml = await (await get(`/api/incidents.kml${q}`)).text();
		const kmlIds = [...kml.matchAll(/<Data name="id"><value>([^<]*)<\/value><\/Data>/g)].map(
			(m) => m[1]
		);
		expect(kmlIds, 'kml').toEqual(want);

		const ogc = await (
			await get(`/ogc/collections/incidents/items?limit=10000${query ? `&${query}` : ''}`)
		).json();
		expect(
			ogc.features.map((f: { id: string }) => f.id),
			'ogc'
		).toEqual(want);
		expect(ogc.numberMatched, 'ogc numberMatched').toBe(want.length);

		const statements = await (await get(`/api/statements.json${q}`)).json();
		expect(statements.metadata.incidents, 'statements.json incidents').toBe(want.length);
		expect(
			statements.statements.map((s: { id: string }) => s.id).sort(),
			'statements.json'
		).toEqual(statementsAbout(want));
		const statementsCsv = csvParse(await (await get(`/api/statements.csv${q}`)).text());
		expect(
			statementsCsv.map((r) => r.statement_id.replace(/^\uFEFF/, '')).sort(),
			'statements.csv'
		).toEqual(statementsAbout(want));
	});

	it.each(TABLE.filter(([, , browser]) => browser))(
		'?%s lists the same incidents on the dashboard',
		async (query, expected) => {
			const { page, problems, close } = await guardedPage(app.browser, app.server.url);
			try {
				await openDashboard(page, app.server.url, query);
				await page.waitForSelector(`${INCIDENTS} [data-testid="incident-count"]`);
				expect((await listedIds(page)).sort()).toEqual([...expected].sort());
				// The dashboard writes the query back as it read it (bbox included).
				const url = new URL(page.url());
				for (const [key, value] of new URLSearchParams(query)) {
					expect(url.searchParams.getAll(key).join(','), key).toContain(value);
				}
				expect(problems).toEqual([]);
			} finally {
				await close();
			}
		}
	);
});

describe('one bad parameter, the same JSON 400 on every endpoint', () => {
	const ENDPOINTS = [
		'/api/incidents.geojson',
		'/api/incidents.csv',
		'/api/incidents.kml',
		'/api/statements.json',
		'/api/statements.csv',
		'/ogc/collections/incidents/items'
	];
	it.each([
		['from=2020-02-30', 'from'],
		['to=tomorrow', 'to'],
		['from=2020-02-01&to=2020-01-01', 'from'],
		['type=Skirmish', 'type'],
		[`q=${'a'.repeat(501)}`, 'q'],
		['bbox=46,40,45', 'bbox'],
		['bbox=46,95,47,96', 'bbox']
	])('?%s → 400 naming "%s"', async (query, name) => {
		for (const path of ENDPOINTS) {
			const r = await fetch(`${app.server.url}${path}?${query}`);
			expect(r.status, path).toBe(400);
			expect(r.headers.get('content-type'), path).toMatch(/^application\/json/);
			const body = await r.json();
			expect(body.code, path).toBe('InvalidParameterValue');
			expect(body.description, path).toContain(`"${name}"`);
		}
	});
});
