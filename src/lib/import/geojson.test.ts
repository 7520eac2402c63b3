import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toGeoJSON } from '../export/geojson';
import { loadDataset } from '../server/load';
import { parseGeoJSON } from './geojson';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseGeoJSON', () => {
	it('reads a foreign FeatureCollection through the field mapping of its properties', () => {
		const result = parseGeoJSON(fixture('colleague.geojson'));
		expect(result.rows).toBe(3);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].incident.properties).toMatchObject({
			title: { en: 'Shelling reported in Tartar (test fixture)' },
			date: '2020-10-11',
			claims: [{ metric: 'killed', value: 0 }]
		});
		expect(result.rejected).toEqual([
			{
				row: 2,
				column: 'geometry',
				reason: 'a Polygon: an incident is a Point, LineString or MultiLineString'
			},
			{ row: 3, column: 'properties.date', reason: 'is missing: every incident needs a date' }
		]);
	});

	it('gives back the incidents, sources and statements of our own export', () => {
		const dataset = loadDataset('tests/fixtures/valid-min');
		const text = toGeoJSON(dataset.incidents.features, {
			...dataset,
			places: dataset.places.features,
			filter: {},
			generatedAt: '2026-12-06T00:00:00Z'
		} as never);
		const result = parseGeoJSON(bytes(text));
		expect(result.rejected).toEqual([]);
		const [item] = result.items;
		expect(item.partial).toBe(true);
		expect(item.incident).toEqual(dataset.incidents.features[0]);
		expect(item.statements).toEqual(dataset.statements);
		expect(item.sources.map((s) => s.id)).toEqual(dataset.sources.map((s) => s.id));
	});

	it('refuses a crs other than CRS84, and a file that is not JSON', () => {
		const crs = (name: string) =>
			parseGeoJSON(
				bytes(
					JSON.stringify({
						type: 'FeatureCollection',
						crs: { type: 'name', properties: { name } },
						features: []
					})
				)
			);
		expect(crs('urn:ogc:def:crs:EPSG::3857').rejected).toEqual([
			{
				row: 0,
				column: '',
				reason: 'has a "crs" member other than CRS84: RFC 7946 GeoJSON is WGS 84 longitude/latitude'
			}
		]);
		expect(crs('urn:ogc:def:crs:OGC:1.3:CRS84').rejected).toEqual([]);
		expect(parseGeoJSON(bytes('{"type":')).rejected[0].reason).toMatch(/^is not JSON: /);
	});
});
