import { describe, expect, it } from 'vitest';
import type { Bbox } from './bbox';
import {
	buildBorders,
	buildCountries,
	parseCountriesTopology,
	type CountriesTopology
} from './countries';

/**
 * West (0..2) and East (2..4) share the arc x = 2; Far lies well outside the box. West's ring is
 * clockwise, as TopoJSON from world-atlas winds exterior rings.
 */
function threeCountries(): CountriesTopology {
	return {
		type: 'Topology',
		objects: {
			countries: {
				type: 'GeometryCollection',
				geometries: [
					{ type: 'Polygon', id: '002', arcs: [[2, -1]], properties: { name: 'East' } },
					{ type: 'Polygon', arcs: [[3]], properties: { name: 'Far' } },
					{ type: 'Polygon', id: '001', arcs: [[-1, -2]], properties: { name: 'West' } }
				]
			}
		},
		arcs: [
			[
				[2, 0],
				[2, 2]
			],
			[
				[2, 2],
				[0, 2],
				[0, 0],
				[2, 0]
			],
			[
				[2, 0],
				[4, 0],
				[4, 2],
				[2, 2]
			],
			[
				[20, 20],
				[21, 20],
				[21, 21],
				[20, 21],
				[20, 20]
			]
		]
	};
}

const box: Bbox = [1, -1, 3, 3];

describe('buildCountries', () => {
	it('clips the countries meeting the box, sorted by name, wound counter-clockwise', () => {
		expect(buildCountries(threeCountries(), box, 5)).toEqual([
			{
				type: 'Feature',
				properties: { name: 'East', iso_n3: '002' },
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[3, 2],
							[2, 2],
							[2, 0],
							[3, 0],
							[3, 2]
						]
					]
				}
			},
			{
				type: 'Feature',
				properties: { name: 'West', iso_n3: '001' },
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[1, 0],
							[2, 0],
							[2, 2],
							[1, 2],
							[1, 0]
						]
					]
				}
			}
		]);
	});

	it('gives iso_n3 null to a country without an id', () => {
		const [far] = buildCountries(threeCountries(), [19, 19, 22, 22], 5);
		expect(far.properties).toEqual({ name: 'Far', iso_n3: null });
	});

	it('returns a MultiPolygon when the box cuts a country into pieces', () => {
		const topology = threeCountries();
		topology.arcs[3] = [
			[20, 20],
			[26, 20],
			[26, 25],
			[25, 25],
			[25, 21],
			[21, 21],
			[21, 25],
			[20, 25],
			[20, 20]
		];
		const [far] = buildCountries(topology, [19, 22, 27, 26], 5);
		expect(far.geometry.type).toBe('MultiPolygon');
		expect(far.geometry.coordinates).toHaveLength(2);
	});
});

describe('buildBorders', () => {
	it('keeps only arcs two countries share, one feature per pair', () => {
		expect(buildBorders(threeCountries(), box, 5)).toEqual([
			{
				type: 'Feature',
				properties: { country_a: 'East', iso_n3_a: '002', country_b: 'West', iso_n3_b: '001' },
				// East, listed first, uses the shared arc reversed; mesh() follows it.
				geometry: {
					type: 'LineString',
					coordinates: [
						[2, 2],
						[2, 0]
					]
				}
			}
		]);
	});

	it('returns nothing when the shared border lies outside the box', () => {
		expect(buildBorders(threeCountries(), [2.5, -1, 3.5, 3], 5)).toEqual([]);
	});
});

describe('parseCountriesTopology', () => {
	const source = 'world-atlas/countries-10m.json';

	it('accepts a topology with named countries', () => {
		const topology = threeCountries();
		expect(parseCountriesTopology(topology, source)).toBe(topology);
	});

	it('names the file and field that is wrong', () => {
		expect(() => parseCountriesTopology({ type: 'FeatureCollection' }, source)).toThrow(
			'world-atlas/countries-10m.json: expected a TopoJSON object with "type": "Topology"'
		);
		expect(() =>
			parseCountriesTopology({ type: 'Topology', arcs: [], objects: {} }, source)
		).toThrow('world-atlas/countries-10m.json: objects.countries: expected a GeometryCollection');
		const unnamed = threeCountries() as unknown as {
			objects: { countries: { geometries: { properties: unknown }[] } };
		};
		unnamed.objects.countries.geometries[1].properties = {};
		expect(() => parseCountriesTopology(unnamed, source)).toThrow(
			'world-atlas/countries-10m.json: objects.countries.geometries[1].properties.name: expected a string'
		);
	});
});
