import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toKML } from '$lib/export/kml';
import { roundTo } from '$lib/geo/rfc7946';
import { loadDataset } from '$lib/server/load';
import { HOSTILE_TEXTS, parseXml } from '../fixtures/hostile_text';
import { startServer, type RunningServer } from './server';

/**
 * GDAL reads what we serve: the GeoJSON, CSV and KML exports downloaded to a temporary directory,
 * and the OGC API through GDAL's OAPIF driver, paging with `next` links.
 */
const hasOgrinfo = !spawnSync('ogrinfo', ['--version']).error;
if (!hasOgrinfo) {
	console.warn('gdal.e2e.ts: SKIPPED — `ogrinfo` is not installed (CI installs gdal-bin).');
}

const dataset = loadDataset('geodata');
const incidents = dataset.incidents.features;
const mine = incidents.find((f) => f.id === '2020-11-23-madagiz-mine')!;
const line = incidents.find((f) => f.geometry.type === 'LineString')!;
let server: RunningServer;
let dir: string;

function gdal(tool: 'ogrinfo' | 'ogr2ogr', args: string[]): string {
	return execFileSync(tool, args, {
		encoding: 'utf8',
		timeout: 60_000,
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, GDAL_HTTP_TIMEOUT: '30', CPL_DEBUG: 'OFF' }
	});
}

const featureCount = (summary: string) => Number(/Feature Count: (\d+)/.exec(summary)?.[1]);

async function download(path: string, name: string): Promise<string> {
	const r = await fetch(server.url + path);
	expect(r.status, path).toBe(200);
	const file = join(dir, name);
	writeFileSync(file, Buffer.from(await r.arrayBuffer()));
	return file;
}

describe.skipIf(!hasOgrinfo)('GDAL reads the exports and the OGC API', () => {
	beforeAll(async () => {
		server = await startServer();
		dir = mkdtempSync(join(tmpdir(), 'atlas-gdal-'));
	});
	afterAll(async () => {
		await server?.stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('reads the GeoJSON export: every incident, with its attributes', async () => {
		const file = await download('/api/incidents.geojson', 'incidents.geojson');
		expect(featureCount(gdal('ogrinfo', ['-ro', '-al', '-so', file]))).toBe(incidents.length);
		const one = gdal('ogrinfo', ['-ro', '-al', '-q', '-where', `id = '${mine.id}'`, file]);
		expect(one).toContain(`type (String) = ${mine.properties.type}`);
		expect(one).toContain(`date (Date) = ${mine.properties.date.replaceAll('-', '/')}`);
	});

	it('reads the CSV export as points from longitude/latitude', async () => {
		const file = await download('/api/incidents.csv', 'incidents.csv');
		const open = ['-oo', 'X_POSSIBLE_NAMES=longitude', '-oo', 'Y_POSSIBLE_NAMES=latitude'];
		const summary = gdal('ogrinfo', ['-ro', '-al', '-so', ...open, file]);
		expect(summary).toContain('Geometry: Point');
		expect(featureCount(summary)).toBe(incidents.length);
		const one = gdal('ogrinfo', [
			'-ro',
			'-al',
			'-q',
			...open,
			'-where',
			`event_id = '${mine.id}'`,
			file
		]);
		const [lon, lat] = mine.geometry.coordinates as number[];
		expect(one).toContain(`event_type (String) = ${mine.properties.type}`);
		expect(one).toContain(`POINT (${roundTo(lon)} ${roundTo(lat)})`);
		expect(one).toContain('location (String) = Madagiz / Sugovushan');
	});

	it('reads the CSV export’s wkt column as each row’s whole geometry, the line as a line', async () => {
		const file = await download('/api/incidents.csv', 'incidents-wkt.csv');
		const summary = gdal('ogrinfo', ['-ro', '-al', '-so', file]);
		expect(featureCount(summary)).toBe(incidents.length);
		expect(summary).toContain('Geometry: Unknown (any)');
		const row = gdal('ogrinfo', ['-ro', '-al', '-q', '-where', `event_id = '${line.id}'`, file]);
		const geometry = /^ {2}LINESTRING \((.*)\)$/m.exec(row)?.[1];
		const read = geometry?.split(',').map((pair) => pair.split(' ').map(Number));
		expect(read).toEqual(line.geometry.coordinates);
		const point = gdal('ogrinfo', ['-ro', '-al', '-q', '-where', `event_id = '${mine.id}'`, file]);
		const [lon, lat] = mine.geometry.coordinates as number[];
		expect(point).toContain(`  POINT (${roundTo(lon)} ${roundTo(lat)})`);
		// The line's row: its latitude/longitude lie on the line, and its location is a place near them.
		const lonLat = /latitude \(String\) = (\S+)\n {2}longitude \(String\) = (\S+)/.exec(row)!;
		const location = /location \(String\) = (.*)/.exec(row)![1];
		const place = dataset.places.features.find((p) => p.properties.label === location);
		if (place) {
			const [plon, plat] = place.geometry.coordinates;
			const km = Math.hypot((plon - Number(lonLat[2])) * 85, (plat - Number(lonLat[1])) * 111);
			expect(km).toBeLessThan(20);
		}
		expect(row).not.toContain('location (String) = Talish');
	});

	it('reads a KML file of hostile text: every placemark, names as written', () => {
		const features = HOSTILE_TEXTS.map((text, i) => ({
			...mine,
			id: `hostile-${i}`,
			properties: { ...mine.properties, id: `hostile-${i}`, title: { en: text, vi: text } }
		}));
		const kml = toKML(features, {
			statements: dataset.statements,
			sources: dataset.sources,
			places: dataset.places.features,
			organizations: dataset.organizations,
			meta: { ...dataset.meta, name: HOSTILE_TEXTS[0] },
			filter: { q: HOSTILE_TEXTS[1] },
			generatedAt: '2026-01-01T00:00:00Z'
		});
		expect(() => parseXml(kml)).not.toThrow();
		const file = join(dir, 'hostile.kml');
		writeFileSync(file, kml);
		const out = gdal('ogrinfo', ['-ro', '-al', '-q', file]);
		expect(out.match(/^OGRFeature\(/gm)).toHaveLength(HOSTILE_TEXTS.length);
		expect(out).toContain('Name (String) = Title with ]]> inside');
		expect(out).toContain('Name (String) = Tom & Jerry <b>bold</b> "quoted" \'single\'');
	});

	it('reads the KML export: one placemark per incident, named by title', async () => {
		const file = await download('/api/incidents.kml', 'incidents.kml');
		expect(featureCount(gdal('ogrinfo', ['-ro', '-al', '-so', file]))).toBe(incidents.length);
		const one = gdal('ogrinfo', ['-ro', '-al', '-q', '-where', `id = '${mine.id}'`, file]);
		expect(one).toContain(`Name (String) = ${mine.properties.title.en}`);
		expect(one).toContain(`event_type (String) = ${mine.properties.type}`);
	});

	it('round-trips the GeoJSON through GDAL: same ids, properties and coordinates', async () => {
		const file = await download('/api/incidents.geojson', 'export.geojson');
		const copy = join(dir, 'reimported.geojson');
		gdal('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'RFC7946=YES', copy, file]);
		const before = JSON.parse(readFileSync(file, 'utf8'));
		const after = JSON.parse(readFileSync(copy, 'utf8'));
		expect(after.features.map((f: { id: string }) => f.id)).toEqual(incidents.map((f) => f.id));
		for (const [i, f] of before.features.entries()) {
			const g = after.features[i];
			// GDAL turns the `id` property into the feature id, which it already equals.
			const { id, ...rest } = f.properties;
			expect(g.id).toBe(id);
			expect(g.properties).toEqual(rest);
			const flat = (c: unknown): number[] => (Array.isArray(c) ? c.flatMap(flat) : [c as number]);
			const a = flat(f.geometry.coordinates);
			const b = flat(g.geometry.coordinates);
			expect(b).toHaveLength(a.length);
			for (const [k, v] of a.entries()) expect(Math.abs(v - b[k])).toBeLessThanOrEqual(1e-6);
		}
		// And against the dataset itself: the export loses nothing but precision beyond 1e-6.
		for (const [i, f] of incidents.entries()) {
			const g = after.features[i];
			expect(g.properties.title).toEqual(f.properties.title);
			expect(g.properties.claims).toEqual(f.properties.claims);
			expect(g.geometry.type).toBe(f.geometry.type);
		}
	});

	it('lists the OGC collections through the OAPIF driver', () => {
		const out = gdal('ogrinfo', ['-ro', `OAPIF:${server.url}/ogc`]);
		console.log(`ogrinfo OAPIF:${server.url}/ogc\n${out}`);
		for (const id of [
			'incidents',
			'places',
			'nkao-1923-1991',
			'line-of-contact-1994-2020',
			'ceasefire-2020'
		]) {
			expect(out).toMatch(new RegExp(`^\\d+: ${id} \\(title: `, 'm'));
		}
	});

	it('reads every incident through OAPIF one page at a time, following next links', () => {
		const out = execFileSync(
			'ogrinfo',
			[
				'-ro',
				'-al',
				'-q',
				`OAPIF:${server.url}/ogc`,
				'incidents',
				'-oo',
				'PAGE_SIZE=1',
				'--debug',
				'on'
			],
			{ encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] }
		);
		const ids = [...out.matchAll(/^ {2}id \(String\) = (.+)$/gm)].map((m) => m[1]);
		expect(ids).toEqual(incidents.map((f) => f.id));
		expect(out.match(/^OGRFeature\(incidents\):/gm)).toHaveLength(incidents.length);
	});

	it('fetched one page per incident (stderr debug shows the offset requests)', () => {
		const run = spawnSync(
			'ogrinfo',
			[
				'-ro',
				'-al',
				'-q',
				`OAPIF:${server.url}/ogc`,
				'incidents',
				'-oo',
				'PAGE_SIZE=1',
				'--debug',
				'on'
			],
			{ encoding: 'utf8', timeout: 60_000 }
		);
		const pages = [...run.stderr.matchAll(/HTTP: Fetch\((\S+\/items\?limit=1[^)]*)\)/g)].map(
			(m) => m[1]
		);
		const offsets = new Set(pages.map((u) => new URL(u).searchParams.get('offset') ?? '0'));
		expect(offsets).toEqual(new Set(incidents.map((_, i) => String(i))));
	});

	it('reads the places and every layer with their full feature counts', () => {
		const counts: Record<string, number> = {
			places: dataset.places.features.length,
			'line-of-contact-1994-2020': dataset.layers['line-of-contact-1994-2020'].features.length,
			'nkao-1923-1991': dataset.layers['nkao-1923-1991'].features.length,
			'ceasefire-2020': dataset.layers['ceasefire-2020'].features.length
		};
		for (const [id, count] of Object.entries(counts)) {
			const out = gdal('ogrinfo', [
				'-ro',
				'-al',
				'-q',
				`OAPIF:${server.url}/ogc`,
				id,
				'-oo',
				'PAGE_SIZE=7'
			]);
			expect(out.match(new RegExp(`^OGRFeature\\(${id}\\):`, 'gm')), id).toHaveLength(count);
		}
	});
});
