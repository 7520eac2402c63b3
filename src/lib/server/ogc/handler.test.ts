import { check } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '$lib/export/test_fixtures';
import { rfc7946Issues } from '$lib/geo/rfc7946';
import { buildSearchIndex } from '$lib/geo/search';
import { buildOgcIndex } from './collections';
import { CONFORMANCE, handleOgcRequest } from './handler';

const dataset = fixtureDataset();
const index = buildOgcIndex(dataset, buildSearchIndex(dataset));
const NOW = '2024-05-01T12:00:00Z';
const ORIGIN = 'http://127.0.0.1:4173';

function get(path: string, accept?: string) {
	const response = handleOgcRequest({ url: new URL(ORIGIN + path), accept }, index, NOW);
	return { ...response, json: JSON.parse(response.body) };
}

describe('landing page, conformance, API document', () => {
	it('links to itself, the OpenAPI document, conformance and the collections', () => {
		const r = get('/ogc');
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toBe('application/json');
		expect(
			r.json.links.map((l: { rel: string; href: string; type: string }) => [l.rel, l.href, l.type])
		).toEqual([
			['self', `${ORIGIN}/ogc`, 'application/json'],
			['service-desc', `${ORIGIN}/ogc/api`, 'application/vnd.oai.openapi+json;version=3.0'],
			['conformance', `${ORIGIN}/ogc/conformance`, 'application/json'],
			['data', `${ORIGIN}/ogc/collections`, 'application/json']
		]);
	});

	it('declares core, GeoJSON and OpenAPI 3.0 conformance', () => {
		const r = get('/ogc/conformance');
		expect(r.json.conformsTo).toEqual(CONFORMANCE);
		expect(CONFORMANCE).toEqual([
			'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
			'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
			'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30'
		]);
	});

	it('serves an OpenAPI 3.0 document describing the items parameters', () => {
		const r = get('/ogc/api');
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toBe('application/vnd.oai.openapi+json;version=3.0');
		expect(r.json.openapi).toBe('3.0.3');
		expect(r.json.servers).toEqual([{ url: `${ORIGIN}/ogc` }]);
		const items = r.json.paths['/collections/{collectionId}/items'].get;
		const limit = items.parameters.find((p: { name: string }) => p.name === 'limit');
		expect(limit.schema).toMatchObject({ minimum: 1, maximum: 10000, default: 10 });
		expect(items.parameters.map((p: { name: string }) => p.name)).toEqual([
			'collectionId',
			'limit',
			'offset',
			'bbox',
			'datetime',
			'from',
			'to',
			'type',
			'actor',
			'q',
			'f'
		]);
	});
});

describe('collections', () => {
	it('lists the five collections with items links and extents', () => {
		const r = get('/ogc/collections');
		expect(r.json.collections.map((c: { id: string }) => c.id)).toEqual([
			'incidents',
			'places',
			'nkao-1923-1991',
			'line-of-contact-1994-2020',
			'ceasefire-2020'
		]);
		expect(r.json.links[0]).toMatchObject({ rel: 'self', href: `${ORIGIN}/ogc/collections` });
	});

	it('describes one collection with its spatial bbox and temporal interval', () => {
		const r = get('/ogc/collections/incidents');
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({
			id: 'incidents',
			itemType: 'feature',
			crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'],
			extent: {
				spatial: {
					bbox: [[46.45, 39.93, 47.06, 40.39]],
					crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'
				},
				temporal: { interval: [['2016-04-02T00:00:00Z', '2020-11-23T23:59:59.999Z']] }
			}
		});
		expect(r.json.links).toContainEqual({
			href: `${ORIGIN}/ogc/collections/incidents/items`,
			rel: 'items',
			type: 'application/geo+json',
			title: 'Incidents as GeoJSON'
		});
		expect(get('/ogc/collections/places').json.extent.temporal).toBeUndefined();
	});

	it('answers 404 JSON for an unknown collection, naming the known ones', () => {
		const r = get('/ogc/collections/battles');
		expect(r.status).toBe(404);
		expect(r.json.code).toBe('NotFound');
		expect(r.json.description).toContain('"battles"');
		expect(r.json.description).toContain('incidents, places');
		expect(get('/ogc/collections/battles/items').status).toBe(404);
		expect(get('/ogc/nothing').status).toBe(404);
		expect(get('/ogc/collections/incidents/queryables').status).toBe(404);
		expect(get('/ogc/collections/incidents/items/x/y').status).toBe(404);
	});
});

describe('items', () => {
	it('returns a GeoJSON FeatureCollection page with counts, timeStamp and links', () => {
		const r = get('/ogc/collections/incidents/items');
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toBe('application/geo+json');
		expect(() => check(r.body)).not.toThrow();
		expect(rfc7946Issues(r.json)).toEqual([]);
		expect(r.json.numberMatched).toBe(3);
		expect(r.json.numberReturned).toBe(3);
		expect(r.json.timeStamp).toBe(NOW);
		expect(r.json.features.map((f: { id: string }) => f.id)).toEqual([
			'2016-04-02-line-of-contact',
			'2016-04-02-mi24',
			'2020-11-23-madagiz-mine'
		]);
		expect(r.json.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'collection']);
	});

	it('pages with limit and offset, with next and prev links that carry the other parameters', () => {
		const first = get('/ogc/collections/incidents/items?limit=1&type=Battles');
		expect(first.json.numberMatched).toBe(2);
		expect(first.json.numberReturned).toBe(1);
		expect(first.json.features[0].id).toBe('2016-04-02-line-of-contact');
		const next = first.json.links.find((l: { rel: string }) => l.rel === 'next');
		expect(next.href).toBe(
			`${ORIGIN}/ogc/collections/incidents/items?limit=1&type=Battles&offset=1`
		);
		const second = get(next.href.slice(ORIGIN.length));
		expect(second.json.features[0].id).toBe('2016-04-02-mi24');
		expect(second.json.links.find((l: { rel: string }) => l.rel === 'next')).toBeUndefined();
		const prev = second.json.links.find((l: { rel: string }) => l.rel === 'prev');
		expect(prev.href).toBe(
			`${ORIGIN}/ogc/collections/incidents/items?limit=1&type=Battles&offset=0`
		);
	});

	it('returns an empty page past the end, still with a prev link', () => {
		const r = get('/ogc/collections/incidents/items?offset=50');
		expect(r.status).toBe(200);
		expect(r.json.features).toEqual([]);
		expect(r.json.numberMatched).toBe(3);
		expect(r.json.numberReturned).toBe(0);
		expect(r.json.links.find((l: { rel: string }) => l.rel === 'prev').href).toContain('offset=40');
	});

	it('filters by bbox (CRS84) on the geometry’s extent', () => {
		const ids = get('/ogc/collections/incidents/items?bbox=46.7,40.3,46.8,40.35').json.features.map(
			(f: { id: string }) => f.id
		);
		expect(ids).toEqual(['2016-04-02-line-of-contact', '2020-11-23-madagiz-mine']);
		expect(
			get('/ogc/collections/places/items?bbox=46.9,40.3,47,40.4').json.features.map(
				(f: { id: string }) => f.id
			)
		).toEqual(['tartar']);
	});

	it('filters by datetime: instants, intervals and open ends', () => {
		const ids = (q: string) =>
			get(`/ogc/collections/incidents/items?datetime=${q}`).json.features.map(
				(f: { id: string }) => f.id
			);
		expect(ids('2016-04-04')).toEqual(['2016-04-02-line-of-contact']);
		expect(ids('2016-04-02T03:00:00Z')).toEqual(['2016-04-02-line-of-contact', '2016-04-02-mi24']);
		expect(ids('2017-01-01/..')).toEqual(['2020-11-23-madagiz-mine']);
		expect(ids('../2016-04-01')).toEqual([]);
		expect(ids('../..')).toHaveLength(3);
		// Layers: the NKAO existed in 1990, not in 2000; the ceasefire zone has no end.
		expect(
			get('/ogc/collections/nkao-1923-1991/items?datetime=1990-01-01').json.numberMatched
		).toBe(1);
		expect(
			get('/ogc/collections/nkao-1923-1991/items?datetime=2000-01-01').json.numberMatched
		).toBe(0);
		expect(
			get('/ogc/collections/ceasefire-2020/items?datetime=2030-01-01').json.numberMatched
		).toBe(1);
		// Places have no time, so no place matches a datetime.
		expect(get('/ogc/collections/places/items?datetime=2020-01-01').json.numberMatched).toBe(0);
	});

	it('accepts the dashboard filters on incidents', () => {
		const ids = (q: string) =>
			get(`/ogc/collections/incidents/items?${q}`).json.features.map((f: { id: string }) => f.id);
		expect(ids('q=madagiz')).toEqual(['2016-04-02-line-of-contact', '2020-11-23-madagiz-mine']);
		expect(ids('q=Tərtər')).toEqual([]);
		expect(ids('type=Explosions/Remote%20violence')).toEqual(['2020-11-23-madagiz-mine']);
		expect(ids('actor=Military%20Forces%20of%20Russia%20(2000-)')).toEqual([
			'2020-11-23-madagiz-mine'
		]);
		expect(ids('q=helicopter&datetime=2016-04-02&bbox=46,40,46.5,40.5')).toEqual([
			'2016-04-02-mi24'
		]);
	});

	it('takes from/to as /api does, and with datetime applies both', () => {
		const ids = (q: string) =>
			get(`/ogc/collections/incidents/items?${q}`).json.features.map((f: { id: string }) => f.id);
		expect(ids('from=2020-01-01')).toEqual(['2020-11-23-madagiz-mine']);
		expect(ids('to=2016-04-05&from=2016-04-03')).toEqual(['2016-04-02-line-of-contact']);
		expect(ids('from=2020-01-01&datetime=2016-04-02')).toEqual([]);
		expect(ids('from=2016-04-03&datetime=2016-04-01/2016-04-30')).toEqual([
			'2016-04-02-line-of-contact'
		]);
		// The same time test on the layers: the 1994–2020 line ends on 27 September 2020.
		const layer = (q: string) =>
			get(`/ogc/collections/line-of-contact-1994-2020/items?${q}`).json.numberMatched;
		expect(layer('from=2020-09-27')).toBeGreaterThan(0);
		expect(layer('from=2020-09-28')).toBe(0);
	});

	it.each([
		['bbox=1,2,3', 'bbox'],
		['bbox=a,b,c,d', 'bbox'],
		['bbox=0,-95,1,1', 'bbox'],
		['bbox=5,0,1,1', 'bbox'],
		['datetime=2016-02-30', 'datetime'],
		['datetime=2016-04-05/2016-04-01', 'datetime'],
		['limit=0', 'limit'],
		['limit=10001', 'limit'],
		['limit=abc', 'limit'],
		['offset=-1', 'offset'],
		['type=Skirmish', 'type'],
		['from=2020-02-30', 'from'],
		['to=soon', 'to'],
		['from=2020-02-01&to=2020-01-01', 'from'],
		['f=html', 'f']
	])('answers 400 JSON for %s, naming "%s"', (query, name) => {
		const r = get(`/ogc/collections/incidents/items?${query}`);
		expect(r.status).toBe(400);
		expect(r.headers['content-type']).toBe('application/json');
		expect(r.json.code).toBe('InvalidParameterValue');
		expect(r.json.description).toContain(`"${name}"`);
	});

	it('ignores unknown parameters', () => {
		expect(get('/ogc/collections/incidents/items?foo=bar&bbox-crs=x').json.numberMatched).toBe(3);
	});
});

describe('one feature', () => {
	it('returns the feature with self and collection links', () => {
		const r = get('/ogc/collections/incidents/items/2020-11-23-madagiz-mine');
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toBe('application/geo+json');
		expect(() => check(r.body)).not.toThrow();
		expect(r.json.id).toBe('2020-11-23-madagiz-mine');
		expect(r.json.links).toEqual([
			{
				href: `${ORIGIN}/ogc/collections/incidents/items/2020-11-23-madagiz-mine`,
				rel: 'self',
				type: 'application/geo+json',
				title: 'This feature'
			},
			{
				href: `${ORIGIN}/ogc/collections/incidents`,
				rel: 'collection',
				type: 'application/json',
				title: 'Incidents'
			}
		]);
	});

	it('decodes the id and answers 404 JSON for an unknown one', () => {
		expect(get('/ogc/collections/places/items/madagiz').json.properties.aliases).toContain(
			'Suqovuşan'
		);
		const r = get('/ogc/collections/incidents/items/%3Cscript%3E');
		expect(r.status).toBe(404);
		expect(r.json).toEqual({
			code: 'NotFound',
			description: 'Collection "incidents" has no feature "<script>"'
		});
		expect(get('/ogc/collections/incidents/items/%E0%A4%A').status).toBe(404);
	});
});

describe('content negotiation', () => {
	it('serves JSON to f=json, to */* and to JSON Accept headers', () => {
		expect(get('/ogc?f=json').status).toBe(200);
		expect(get('/ogc/collections/incidents/items?f=geojson').status).toBe(200);
		expect(get('/ogc', 'text/html,application/xhtml+xml,*/*;q=0.8').status).toBe(200);
		expect(get('/ogc/collections/incidents/items', 'application/geo+json').status).toBe(200);
		expect(get('/ogc/api', 'application/vnd.oai.openapi+json;version=3.0').status).toBe(200);
	});

	it('answers 406 when the Accept header rules JSON out, unless f=json overrides it', () => {
		const r = get('/ogc/collections', 'text/html');
		expect(r.status).toBe(406);
		expect(r.json.code).toBe('NotAcceptable');
		expect(get('/ogc/collections', 'application/json;q=0, text/html').status).toBe(406);
		expect(get('/ogc/collections?f=json', 'text/html').status).toBe(200);
	});

	it('refuses other f values with 400 naming "f"', () => {
		const r = get('/ogc/conformance?f=xml');
		expect(r.status).toBe(400);
		expect(r.json.description).toContain('"f"');
		expect(get('/ogc/conformance?f=geojson').status).toBe(400);
	});
});
