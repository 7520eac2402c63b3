import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32, pick as pickFrom, randomInt } from '../../scripts/synthetic/prng';
import { startServer, type RunningServer } from './server';

/**
 * Random and malformed query strings (seeded, so a failure can be replayed) against the OGC items
 * endpoints and `/api`: every answer must be 200, 400 or 404 — JSON for errors, the declared type
 * for 200 — and the server must still answer afterwards.
 */
const SEED = 20_161_102;
const COUNT = 600;

const random = mulberry32(SEED);
const pick = <T>(items: readonly T[]): T => pickFrom(random, items);
const int = (lo: number, hi: number) => randomInt(random, lo, hi);

const NAMES = [
	'bbox',
	'datetime',
	'limit',
	'offset',
	'type',
	'actor',
	'q',
	'f',
	'from',
	'to',
	'crs',
	'bbox-crs',
	'filter',
	'sortby',
	'',
	'%00',
	'bbox[]',
	'LIMIT'
];
const WEIRD = [
	'',
	' ',
	'..',
	'/',
	'../..',
	'NaN',
	'Infinity',
	'-0',
	'1e309',
	'0x1F',
	'null',
	'[]',
	'{}',
	'"',
	"'",
	'<script>alert(1)</script>',
	'%',
	'%zz',
	'%E0%A4%A',
	'%00',
	'%FF%FE',
	'\u0000',
	'\uFFFF',
	'Tərtər',
	'Մատաղիս',
	'😀',
	'a'.repeat(2000),
	'9'.repeat(40),
	'-'.repeat(30),
	',,,,',
	'1,2,3,4,5,6,7',
	'2016-04-02',
	'2016-02-30',
	'2016-04-02T25:61:00Z',
	'2016-04-02/2016-04-01',
	'2016-04-02T03:00:00+04:00/..',
	'Battles',
	'Explosions/Remote violence',
	'json',
	'html'
];

function number(): string {
	return pick([
		() => String(int(-200, 200)),
		() => (random() * 400 - 200).toFixed(int(0, 9)),
		() => String(int(0, 20_000)),
		() => pick(WEIRD)
	])();
}

function value(name: string): string {
	switch (name) {
		case 'bbox':
			return Array.from({ length: pick([0, 1, 3, 4, 4, 4, 5, 6, 8]) }, number).join(
				pick([',', ',', ' ', ';'])
			);
		case 'datetime':
			return pick([
				() =>
					`${int(1900, 2100)}-${String(int(0, 13)).padStart(2, '0')}-${String(int(0, 32)).padStart(2, '0')}`,
				() =>
					`${pick(['..', '', '2016-04-01', '2020-11-23T00:00:00Z'])}/${pick(['..', '', '2016-04-05', 'x'])}`,
				() => pick(WEIRD)
			])();
		case 'limit':
		case 'offset':
			return number();
		default:
			return random() < 0.5
				? pick(WEIRD)
				: String.fromCharCode(...Array.from({ length: int(1, 12) }, () => int(1, 0x2fff)));
	}
}

function queryString(): string {
	const parts: string[] = [];
	for (let i = int(0, 5); i > 0; i--) {
		const name = pick(NAMES);
		const v = value(name);
		// Mostly well encoded; sometimes raw, to exercise the server's own decoding.
		parts.push(
			random() < 0.8
				? `${encodeURIComponent(name)}=${encodeURIComponent(v)}`
				: `${name}=${v.replace(/[#\s]/g, '')}`
		);
	}
	return parts.join(pick(['&', '&', '&&', ';']));
}

const TARGETS: { path: () => string; type: string }[] = [
	{ path: () => '/ogc/collections/incidents/items', type: 'application/geo+json' },
	{
		path: () =>
			`/ogc/collections/${pick(['places', 'nkao-1923-1991', 'line-of-contact-1994-2020', 'ceasefire-2020'])}/items`,
		type: 'application/geo+json'
	},
	{
		path: () =>
			`/ogc/collections/${encodeURIComponent(pick(['nope', 'Incidents', '..', '%', '😀']))}/items`,
		type: 'application/geo+json'
	},
	{
		path: () =>
			`/ogc/collections/incidents/items/${encodeURIComponent(pick(['2020-11-23-madagiz-mine', 'x', '<b>', '%', 'Tərtər']))}`,
		type: 'application/geo+json'
	},
	{
		// Raw, undecodable percent-encoding in the path itself.
		path: () =>
			pick(['/ogc/collections/%E0%A4%A/items', '/ogc/%zz', '/api/%FF', '/api/incidents.geojson%']),
		type: 'application/geo+json'
	},
	{ path: () => '/api/incidents.geojson', type: 'application/geo+json' },
	{ path: () => '/api/incidents.csv', type: 'text/csv; charset=utf-8' },
	{ path: () => '/api/incidents.kml', type: 'application/vnd.google-earth.kml+xml' },
	{ path: () => '/api/statements.json', type: 'application/json' },
	{ path: () => '/api/statements.csv', type: 'text/csv; charset=utf-8' }
];

let server: RunningServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

describe('fuzzing the items endpoints and /api', () => {
	it(`answers ${COUNT} random queries (seed ${SEED}) with 200, 400 or 404 and never 500`, async () => {
		const counts: Record<number, number> = {};
		const failures: string[] = [];
		for (let i = 0; i < COUNT; i++) {
			const target = pick(TARGETS);
			const path = `${target.path()}?${queryString()}`;
			const r = await fetch(server.url + path, { signal: AbortSignal.timeout(10_000) });
			const body = await r.text();
			counts[r.status] = (counts[r.status] ?? 0) + 1;
			const type = r.headers.get('content-type');
			if (r.status === 200) {
				if (type !== target.type) failures.push(`${path}: 200 with ${type}`);
			} else if (r.status === 400 || r.status === 404) {
				let ok = type === 'application/json';
				try {
					const json = JSON.parse(body);
					ok &&= typeof json.code === 'string' && typeof json.description === 'string';
				} catch {
					ok = false;
				}
				if (!ok) failures.push(`${path}: ${r.status} ${type} ${body.slice(0, 120)}`);
			} else {
				failures.push(`${path}: status ${r.status} ${body.slice(0, 200)}`);
			}
		}
		console.log(`fuzz: ${COUNT} requests, seed ${SEED}, by status: ${JSON.stringify(counts)}`);
		expect(failures).toEqual([]);
		expect(counts[500]).toBeUndefined();
		// Both outcomes must have been exercised, or the generator is too tame.
		expect(counts[200]).toBeGreaterThan(50);
		expect(counts[400]).toBeGreaterThan(50);
		expect(counts[404]).toBeGreaterThan(10);
	});

	it('still answers afterwards', async () => {
		expect((await fetch(server.url + '/healthz')).status).toBe(200);
		const r = await fetch(server.url + '/ogc/collections/incidents/items?limit=1');
		expect(r.status).toBe(200);
		expect((await r.json()).numberReturned).toBe(1);
	});
});
