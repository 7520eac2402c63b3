import { describe, expect, it } from 'vitest';
import type { Bbox } from './bbox';
import { buildWater, parseNaturalEarth, type NaturalEarthFeature } from './water';

const box: Bbox = [44, 38.3, 48.5, 41.5];

const sevan: NaturalEarthFeature = {
	name: 'Lake Sevan',
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[45.0, 40.2],
				[45.4, 40.2],
				[45.4, 40.6],
				[45.0, 40.6],
				[45.0, 40.2]
			]
		]
	}
};
const kuraRiver: NaturalEarthFeature = {
	name: 'Kura',
	geometry: {
		type: 'MultiLineString',
		coordinates: [
			[
				[43.5, 41.6],
				[45.0, 41.3],
				[46.5, 41.0]
			]
		]
	}
};
const kuraThroughReservoir: NaturalEarthFeature = {
	name: 'Kura',
	geometry: {
		type: 'LineString',
		coordinates: [
			[46.6, 40.9],
			[47.0, 40.8]
		]
	}
};

describe('buildWater', () => {
	it('keeps the named lakes and rivers, renamed as the map shows them, lakes first', () => {
		const mingachevir: NaturalEarthFeature = { ...sevan, name: 'Mingevir Reservoir' };
		const unknown: NaturalEarthFeature = { ...kuraRiver, name: 'Some creek' };
		const water = buildWater([kuraRiver, unknown, mingachevir, sevan], box, 5);
		expect(water.map((f) => f.properties)).toEqual([
			{ name: 'Lake Sevan', name_vi: 'Hồ Sevan', kind: 'lake' },
			{ name: 'Mingachevir reservoir', name_vi: 'Hồ chứa Mingachevir', kind: 'reservoir' },
			{ name: 'Kura', name_vi: 'Sông Kura', kind: 'river' }
		]);
	});

	it('clips to the box and joins the parts of one river into one feature', () => {
		const [kura] = buildWater([kuraRiver, kuraThroughReservoir], box, 5);
		expect(kura.geometry.type).toBe('MultiLineString');
		const lines = (kura.geometry as { coordinates: number[][][] }).coordinates;
		expect(lines).toHaveLength(2);
		for (const line of lines) {
			for (const [x, y] of line) {
				expect(x).toBeGreaterThanOrEqual(44);
				expect(y).toBeLessThanOrEqual(41.5);
			}
		}
	});

	it('winds lakes counter-clockwise (RFC 7946) and drops a lake outside the box', () => {
		const clockwise: NaturalEarthFeature = {
			name: 'Lake Sevan',
			geometry: {
				type: 'Polygon',
				coordinates: [
					[...(sevan.geometry as { coordinates: number[][][] }).coordinates[0]].reverse()
				]
			}
		};
		const [lake] = buildWater([clockwise], box, 5);
		const ring = (lake.geometry as { coordinates: number[][][] }).coordinates[0];
		let area2 = 0;
		for (let i = 0; i + 1 < ring.length; i++) {
			area2 += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
		}
		expect(area2).toBeGreaterThan(0);
		expect(buildWater([sevan], [0, 0, 1, 1], 5)).toEqual([]);
	});
});

describe('parseNaturalEarth', () => {
	it('reads names and geometries, and names the bad field', () => {
		const file = {
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: { name: 'Aras' }, geometry: kuraThroughReservoir.geometry }
			]
		};
		expect(parseNaturalEarth(file, 'rivers')).toEqual([
			{ name: 'Aras', geometry: kuraThroughReservoir.geometry }
		]);
		expect(() =>
			parseNaturalEarth(
				{ type: 'FeatureCollection', features: [{ properties: {}, geometry: null }] },
				'rivers'
			)
		).toThrow('rivers: features[0].properties.name');
		expect(() =>
			parseNaturalEarth(
				{
					type: 'FeatureCollection',
					features: [
						{ properties: { name: 'X' }, geometry: { type: 'Point', coordinates: [0, 0] } }
					]
				},
				'lakes'
			)
		).toThrow('lakes: features[0].geometry');
		expect(() => parseNaturalEarth([], 'lakes')).toThrow('FeatureCollection');
	});
});
