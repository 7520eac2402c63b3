import { check } from '@placemarkio/check-geojson';
import { csvParse } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '$lib/server/load';
import { startServer, type RunningServer } from './server';

/** `/api/*` over real HTTP against the built server and the shipped `geodata/`. */
const dataset = loadDataset('geodata');
const incidents = dataset.incidents.features;
let server: RunningServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const get = (path: string) => fetch(server.url + path);

describe('/api exports', () => {
	it('serves every incident as RFC 7946 GeoJSON, application/geo+json', async () => {
		const r = await get('/api/incidents.geojson');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/geo+json');
		expect(r.headers.get('content-disposition')).toBe(
			'attachment; filename="incident-atlas_all.geojson"'
		);
		const text = await r.text();
		const fc = check(text) as unknown as { features: { id: string }[] };
		expect(fc.features.map((f) => f.id)).toEqual(incidents.map((f) => f.id));
		expect(JSON.parse(text).metadata).toMatchObject({
			dataset: dataset.meta.name,
			version: dataset.meta.version,
			filter: {}
		});
	});

	it('names the dataset version (the last published revision, as /healthz says) in every export', async () => {
		const { dataset_version } = await (await get('/healthz')).json();
		expect(dataset_version).toBeGreaterThan(0);
		const geojson = await (await get('/api/incidents.geojson')).json();
		expect(geojson.metadata.dataset_version).toBe(dataset_version);
		const statements = await (await get('/api/statements.json')).json();
		expect(statements.metadata.dataset_version).toBe(dataset_version);
		for (const file of ['/api/incidents.csv', '/api/statements.csv']) {
			const rows = csvParse(await (await get(file)).text());
			expect(rows.length, file).toBeGreaterThan(0);
			expect(new Set(rows.map((r) => r.dataset_version)), file).toEqual(
				new Set([String(dataset_version)])
			);
		}
		expect(await (await get('/api/incidents.kml')).text()).toContain(
			`Dataset version ${dataset_version}.`
		);
	});

	it('serves CSV (UTF-8 with BOM) and KML with their content types', async () => {
		const csv = await get('/api/incidents.csv');
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = csvParse(new TextDecoder().decode(bytes)); // TextDecoder drops the BOM
		expect(rows.map((r) => r.event_id)).toEqual(incidents.map((f) => f.id));
		const kml = await get('/api/incidents.kml');
		expect(kml.headers.get('content-type')).toBe('application/vnd.google-earth.kml+xml');
		expect((await kml.text()).match(/<Placemark>/g)).toHaveLength(incidents.length);
	});

	it('serves the statements as JSON and CSV', async () => {
		const json = await get('/api/statements.json');
		expect(json.headers.get('content-type')).toBe('application/json');
		const body = await json.json();
		const linked = new Set([
			...incidents.flatMap((f) => f.properties.statement_ids),
			...dataset.statements.filter((s) => s.incident_ids.length > 0).map((s) => s.id)
		]);
		expect(new Set(body.statements.map((s: { id: string }) => s.id))).toEqual(linked);
		const csv = await get('/api/statements.csv');
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csvParse((await csv.text()).replace(/^\uFEFF/, ''))).toHaveLength(linked.size);
	});
});

describe('/api filters', () => {
	const ids = async (query: string) => {
		const r = await get(`/api/incidents.geojson?${query}`);
		expect(r.status, query).toBe(200);
		return ((await r.json()).features as { id: string }[]).map((f) => f.id);
	};

	it('filters by time window: spans overlapping [from, to]', async () => {
		const expected = incidents
			.filter((f) => (f.properties.date_end ?? f.properties.date) >= '2020-01-01')
			.map((f) => f.id);
		expect(expected.length).toBeGreaterThan(0);
		expect(await ids('from=2020-01-01')).toEqual(expected);
		const early = incidents.filter((f) => f.properties.date <= '2016-04-02').map((f) => f.id);
		expect(await ids('to=2016-04-02')).toEqual(early);
	});

	it('filters by type and by actor (any of)', async () => {
		const type = 'Explosions/Remote violence';
		const expected = incidents.filter((f) => f.properties.type === type).map((f) => f.id);
		expect(expected.length).toBeGreaterThan(0);
		expect(await ids(`type=${encodeURIComponent(type)}`)).toEqual(expected);
		const actor = incidents[0].properties.actors[0];
		expect(await ids(`actor=${encodeURIComponent(actor)}`)).toEqual(
			incidents.filter((f) => f.properties.actors.includes(actor)).map((f) => f.id)
		);
	});

	it('selects an actor that is an organisation by its id or its name in English or Vietnamese, and shows that name on the incident page', async () => {
		const army = dataset.organizations.find((o) => o.id === 'nk-defence-army')!;
		const expected = incidents
			.filter((f) => f.properties.actors.includes(army.id))
			.map((f) => f.id);
		expect(expected.length).toBeGreaterThan(1);
		for (const actor of [army.id, army.names.en, army.names.vi!])
			expect(await ids(`actor=${encodeURIComponent(actor)}`), actor).toEqual(expected);
		const page = await (await get(`/incidents/${expected[0]}?lang=vi`)).text();
		const shown = /<dd class="actors[^"]*">([^]*?)<\/dd>/.exec(page)?.[1];
		expect(shown).toContain(`<bdi>${army.names.vi}</bdi>`);
		expect(shown).not.toContain(army.id);
	});

	it('searches every spelling: "madagiz" finds the Sugovushan mine, "Terter" finds "Tərtər"', async () => {
		expect(await ids('q=madagiz')).toContain('2020-11-23-madagiz-mine');
		expect(await ids('q=Sugovushan')).toContain('2020-11-23-madagiz-mine');
		const terter = await ids('q=Terter');
		expect(terter.length).toBeGreaterThan(0);
		expect(await ids(`q=${encodeURIComponent('Tərtər')}`)).toEqual(terter);
	});

	it('filters by bbox', async () => {
		// A box around Madagiz (40.3259 N, 46.7502 E).
		const found = await ids('bbox=46.74,40.32,46.76,40.33');
		expect(found).toContain('2020-11-23-madagiz-mine');
		expect(await ids('bbox=44.0,38.0,44.1,38.1')).toEqual([]);
	});
});

describe('/api errors', () => {
	it.each([
		['/api/incidents.geojson?from=2016-02-30', 'from'],
		['/api/incidents.csv?to=soon', 'to'],
		['/api/incidents.kml?type=War', 'type'],
		['/api/statements.json?bbox=1,2,3', 'bbox'],
		['/api/statements.csv?bbox=0,-95,1,1', 'bbox'],
		['/api/incidents.geojson?from=2020-01-01&to=2019-01-01', 'from']
	])('%s → 400 JSON naming "%s"', async (path, name) => {
		const r = await get(path);
		expect(r.status).toBe(400);
		expect(r.headers.get('content-type')).toBe('application/json');
		const body = await r.json();
		expect(body.code).toBe('InvalidParameterValue');
		expect(body.description).toContain(`"${name}"`);
	});

	it('answers 404 JSON for an unknown file', async () => {
		const r = await get('/api/incidents.shp');
		expect(r.status).toBe(404);
		expect(r.headers.get('content-type')).toBe('application/json');
		expect((await r.json()).code).toBe('NotFound');
	});
});
