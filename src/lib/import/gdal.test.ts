import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { parseKml } from './kml';

/** GDAL reads our import fixtures as we do: the same features, geometries, names and dates. */
const hasOgr = !spawnSync('ogr2ogr', ['--version']).error;
if (!hasOgr && process.env.CI === 'true')
	throw new Error('CI=true but ogr2ogr (gdal-bin) is missing');
if (!hasOgr) console.warn('import/gdal.test.ts: SKIPPED — `ogr2ogr` is not installed (gdal-bin).');

interface OgrFeature {
	properties: Record<string, string | number | null>;
	geometry: { type: string; coordinates: unknown };
}

function ogr(file: string, ...options: string[]): OgrFeature[] {
	const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, ...options], {
		encoding: 'utf8',
		timeout: 60_000
	});
	return JSON.parse(out).features;
}

/** Positions without altitude (GDAL writes KML's `,0`). */
const flat = (c: unknown): unknown =>
	Array.isArray(c) && typeof c[0] === 'number' ? c.slice(0, 2) : (c as unknown[]).map(flat);

describe.skipIf(!hasOgr)('GDAL and the import read the fixtures alike', () => {
	it('KML: placemarks, names, descriptions, times and geometries', () => {
		const file = 'tests/fixtures/import/placemarks.kml';
		const gdal = ogr(file);
		const ours = parseKml(new Uint8Array(readFileSync(file)));
		expect(gdal).toHaveLength(ours.rows);
		for (const item of ours.items) {
			const f = gdal[item.row - 1];
			const p = item.incident.properties;
			expect(f.properties.Name).toBe(p.title.en);
			expect(f.properties.description).toBe(p.summary.en);
			expect(String(f.properties.timestamp ?? f.properties.begin).slice(0, 10)).toBe(p.date);
			if (p.date_end) expect(String(f.properties.end).slice(0, 10)).toBe(p.date_end);
			expect(f.geometry.type).toBe(item.incident.geometry.type);
			expect(flat(f.geometry.coordinates)).toEqual(item.incident.geometry.coordinates);
		}
		// The one placemark we reject is the one GDAL reads as a Polygon.
		expect(ours.rejected.map((r) => r.row)).toContain(3);
		expect(gdal[2].geometry.type).toBe('Polygon');
	});

	it('CSV: rows, points from the latitude/longitude columns, and cells', () => {
		const file = 'tests/fixtures/import/spreadsheet.csv';
		const gdal = ogr(file, '-oo', 'X_POSSIBLE_NAMES=Lon', '-oo', 'Y_POSSIBLE_NAMES=Lat');
		const ours = parseCsv(new Uint8Array(readFileSync(file)));
		expect(gdal).toHaveLength(ours.rows);
		for (const item of ours.items) {
			const f = gdal[item.row - 2];
			expect(f.geometry.coordinates).toEqual(item.incident.geometry.coordinates);
			expect(f.properties.Title).toBe(item.incident.properties.title.en);
			expect(f.properties.Date).toBe(item.incident.properties.date);
		}
	});

	it('CSV with WKT: the geometries of the WKT column', () => {
		const file = 'tests/fixtures/import/spreadsheet-wkt.csv';
		const gdal = ogr(file, '-oo', 'GEOM_POSSIBLE_NAMES=WKT');
		const ours = parseCsv(new Uint8Array(readFileSync(file)), { map: { date: 'Datum' } });
		expect(gdal.map((f) => f.geometry)).toEqual(ours.items.map((i) => i.incident.geometry));
	});
});
