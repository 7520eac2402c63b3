import { check } from '@placemarkio/check-geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rfc7946Issues } from '$lib/geo/rfc7946';
import { loadDataset } from '$lib/server/load';
import { startServer, type RunningServer } from './server';

/** OGC API – Features over real HTTP against the built server and the shipped `geodata/`. */
const dataset = loadDataset('geodata');
const incidentIds = dataset.incidents.features.map((f) => f.id);
let server: RunningServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(path.startsWith('http') ? path : server.url + path, { headers });

interface Link {
	rel: string;
	href: string;
	type: string;
}

describe('OGC API – Features', () => {
	it('landing page links to the OpenAPI document, conformance and data', async () => {
		const r = await get('/ogc');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/json');
		const links: Link[] = (await r.json()).links;
		const byRel = Object.fromEntries(links.map((l) => [l.rel, l]));
		expect(byRel.self.href).toBe(`${server.url}/ogc`);
		expect(byRel['service-desc']).toMatchObject({
			href: `${server.url}/ogc/api`,
			type: 'application/vnd.oai.openapi+json;version=3.0'
		});
		expect(byRel.conformance.href).toBe(`${server.url}/ogc/conformance`);
		expect(byRel.data.href).toBe(`${server.url}/ogc/collections`);
		const api = await get(byRel['service-desc'].href);
		expect(api.headers.get('content-type')).toBe('application/vnd.oai.openapi+json;version=3.0');
		expect((await api.json()).openapi).toBe('3.0.3');
	});

	it('declares the core, GeoJSON and OpenAPI 3.0 classes', async () => {
		const body = await (await get('/ogc/conformance')).json();
		expect(body.conformsTo).toEqual([
			'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
			'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
			'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30'
		]);
	});

	it('lists the five collections, each with spatial and (where timed) temporal extent', async () => {
		const body = await (await get('/ogc/collections')).json();
		expect(body.collections.map((c: { id: string }) => c.id)).toEqual([
			'incidents',
			'places',
			'nkao-1923-1991',
			'line-of-contact-1994-2020',
			'ceasefire-2020'
		]);
		for (const c of body.collections) {
			expect(c.extent.spatial.bbox[0], c.id).toHaveLength(4);
			if (c.id !== 'places') expect(c.extent.temporal.interval[0][0], c.id).toMatch(/^\d{4}-/);
		}
		const loc = await (await get('/ogc/collections/line-of-contact-1994-2020')).json();
		expect(loc.extent.temporal.interval).toEqual([
			['1994-05-12T00:00:00Z', '2020-09-27T23:59:59.999Z']
		]);
	});

	it('pages through every incident by following next links', async () => {
		let href: string | undefined = `${server.url}/ogc/collections/incidents/items?limit=2`;
		const seen: string[] = [];
		let pages = 0;
		while (href) {
			const r = await get(href);
			expect(r.status).toBe(200);
			expect(r.headers.get('content-type')).toBe('application/geo+json');
			const text = await r.text();
			expect(() => check(text)).not.toThrow();
			const page = JSON.parse(text);
			expect(rfc7946Issues(page)).toEqual([]);
			expect(page.numberMatched).toBe(incidentIds.length);
			expect(page.numberReturned).toBe(page.features.length);
			expect(Date.parse(page.timeStamp)).not.toBeNaN();
			seen.push(...page.features.map((f: { id: string }) => f.id));
			href = (page.links as Link[]).find((l) => l.rel === 'next')?.href;
			pages++;
		}
		expect(seen).toEqual(incidentIds);
		expect(pages).toBe(Math.ceil(incidentIds.length / 2));
	});

	it('filters items by bbox, datetime and the dashboard filters', async () => {
		const ids = async (q: string) =>
			(
				(await (await get(`/ogc/collections/incidents/items?limit=100&${q}`)).json()).features as {
					id: string;
				}[]
			).map((f) => f.id);
		expect(await ids('bbox=46.74,40.32,46.76,40.33')).toContain('2020-11-23-madagiz-mine');
		expect(await ids('datetime=2020-11-23')).toContain('2020-11-23-madagiz-mine');
		expect(await ids('datetime=../2016-01-01')).toEqual([]);
		const april2016 = dataset.incidents.features
			.filter(
				(f) =>
					f.properties.date <= '2016-04-05' &&
					(f.properties.date_end ?? f.properties.date) >= '2016-04-01'
			)
			.map((f) => f.id);
		expect(await ids('datetime=2016-04-01/2016-04-05')).toEqual(april2016);
		expect(await ids('q=madagiz')).toContain('2020-11-23-madagiz-mine');
		expect(await ids('type=Battles')).toEqual(
			dataset.incidents.features.filter((f) => f.properties.type === 'Battles').map((f) => f.id)
		);
		const nkao = await (
			await get('/ogc/collections/nkao-1923-1991/items?datetime=2000-01-01')
		).json();
		expect(nkao.numberMatched).toBe(0);
	});

	it('returns one feature by id, and 404 JSON for unknown ids and collections', async () => {
		const r = await get('/ogc/collections/incidents/items/2020-11-23-madagiz-mine');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/geo+json');
		const f = await r.json();
		expect(f.id).toBe('2020-11-23-madagiz-mine');
		expect(f.properties.statements.length).toBeGreaterThan(0);
		expect(f.properties.sources.length).toBeGreaterThan(0);
		for (const path of [
			'/ogc/collections/incidents/items/no-such-incident',
			'/ogc/collections/no-such-collection',
			'/ogc/collections/no-such-collection/items'
		]) {
			const missing = await get(path);
			expect(missing.status, path).toBe(404);
			expect(missing.headers.get('content-type'), path).toBe('application/json');
			expect((await missing.json()).code, path).toBe('NotFound');
		}
	});

	it.each([
		['bbox=1,2,3', 'bbox'],
		['bbox=a,b,c,d', 'bbox'],
		['bbox=0,-91,1,1', 'bbox'],
		['bbox=2,0,1,1', 'bbox'],
		['datetime=2016-13-01', 'datetime'],
		['datetime=2016-04-05/2016-04-01', 'datetime'],
		['limit=0', 'limit'],
		['limit=10001', 'limit'],
		['limit=2.5', 'limit'],
		['offset=-1', 'offset']
	])('items?%s → 400 JSON naming "%s"', async (query, name) => {
		const r = await get(`/ogc/collections/incidents/items?${query}`);
		expect(r.status).toBe(400);
		expect(r.headers.get('content-type')).toBe('application/json');
		const body = await r.json();
		expect(body.code).toBe('InvalidParameterValue');
		expect(body.description).toContain(`"${name}"`);
	});

	it('negotiates: f=json and JSON Accept headers are served, text/html alone gets 406', async () => {
		expect((await get('/ogc/collections?f=json')).status).toBe(200);
		expect((await get('/ogc/collections', { accept: 'application/json' })).status).toBe(200);
		const refused = await get('/ogc/collections', { accept: 'text/html' });
		expect(refused.status).toBe(406);
		expect(refused.headers.get('content-type')).toBe('application/json');
		expect((await get('/ogc/collections?f=html')).status).toBe(400);
	});
});
