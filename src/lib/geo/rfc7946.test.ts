import { check } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { rfc7946Issues, ringSignedArea, roundTo, toRFC7946Geometry } from './rfc7946';

const clockwiseSquare = [
	[46.5, 39.5],
	[46.5, 40.4],
	[47.1, 40.4],
	[47.1, 39.5],
	[46.5, 39.5]
];

describe('roundTo', () => {
	it('keeps six decimals by default and never yields -0', () => {
		expect(roundTo(46.75022241)).toBe(46.750222);
		expect(roundTo(40.32586151)).toBe(40.325862);
		expect(roundTo(-0.0000001)).toBe(0);
		expect(Object.is(roundTo(-0.0000001), -0)).toBe(false);
		expect(roundTo(1.23456, 2)).toBe(1.23);
	});
});

describe('toRFC7946Geometry', () => {
	it('rounds every position', () => {
		expect(
			toRFC7946Geometry({
				type: 'LineString',
				coordinates: [
					[46.12345678, 40.98765432],
					[47, 41]
				]
			})
		).toEqual({
			type: 'LineString',
			coordinates: [
				[46.123457, 40.987654],
				[47, 41]
			]
		});
	});

	it('winds a clockwise exterior ring counter-clockwise and a counter-clockwise hole clockwise', () => {
		const hole = [
			[46.7, 39.8],
			[46.9, 39.8],
			[46.9, 40.0],
			[46.7, 40.0],
			[46.7, 39.8]
		];
		expect(ringSignedArea(clockwiseSquare)).toBeLessThan(0);
		expect(ringSignedArea(hole)).toBeGreaterThan(0);
		const out = toRFC7946Geometry({ type: 'Polygon', coordinates: [clockwiseSquare, hole] });
		expect(ringSignedArea(out.coordinates[0])).toBeGreaterThan(0);
		expect(ringSignedArea(out.coordinates[1])).toBeLessThan(0);
		expect(out.coordinates[0]).toEqual([...clockwiseSquare].reverse());
		expect(rfc7946Issues(out)).toEqual([]);
	});

	it('leaves correctly wound rings in order, in every part of a MultiPolygon', () => {
		const ccw = [...clockwiseSquare].reverse();
		const out = toRFC7946Geometry({
			type: 'MultiPolygon',
			coordinates: [[ccw], [clockwiseSquare]]
		});
		expect(out.coordinates[0][0]).toEqual(ccw);
		expect(out.coordinates[1][0]).toEqual(ccw);
	});

	it('passes null through and does not modify its input', () => {
		expect(toRFC7946Geometry(null)).toBeNull();
		const input = { type: 'Polygon' as const, coordinates: [clockwiseSquare.map((p) => [...p])] };
		const before = JSON.stringify(input);
		toRFC7946Geometry(input);
		expect(JSON.stringify(input)).toBe(before);
	});
});

describe('rfc7946Issues', () => {
	const feature = (geometry: unknown, extra: Record<string, unknown> = {}) => ({
		type: 'FeatureCollection',
		features: [{ type: 'Feature', id: 'a', geometry, properties: {}, ...extra }]
	});

	it('accepts an empty collection and a null geometry', () => {
		expect(rfc7946Issues({ type: 'FeatureCollection', features: [] })).toEqual([]);
		expect(rfc7946Issues(feature(null))).toEqual([]);
	});

	it('names each problem and where it is', () => {
		expect(rfc7946Issues({ type: 'FeatureCollection', crs: {}, features: [] })).toEqual([
			'root: has a "crs" member'
		]);
		expect(rfc7946Issues(feature({ type: 'Point', coordinates: [200, 95] }))).toEqual([
			'features[0].geometry.coordinates: longitude 200 outside -180..180',
			'features[0].geometry.coordinates: latitude 95 outside -90..90'
		]);
		expect(rfc7946Issues(feature({ type: 'Point', coordinates: [46.1234567, 40] }))).toEqual([
			'features[0].geometry.coordinates: 46.1234567 has more than 6 decimals'
		]);
		expect(rfc7946Issues(feature({ type: 'Point', coordinates: [1e-7, 0] }))).toEqual([
			'features[0].geometry.coordinates: 1e-7 has more than 6 decimals'
		]);
		expect(rfc7946Issues(feature({ type: 'Polygon', coordinates: [clockwiseSquare] }))).toEqual([
			'features[0].geometry.coordinates[0]: exterior ring is clockwise'
		]);
		expect(
			rfc7946Issues(feature({ type: 'Polygon', coordinates: [clockwiseSquare.slice(0, 4)] }))
		).toEqual(['features[0].geometry.coordinates[0]: ring is not closed']);
		expect(
			rfc7946Issues({
				type: 'FeatureCollection',
				features: [{ type: 'Feature', geometry: null, properties: {} }]
			})
		).toEqual(['features[0]: has no top-level "id"']);
	});

	it('agrees with check-geojson that what it accepts is GeoJSON', () => {
		const text = JSON.stringify(
			feature(toRFC7946Geometry({ type: 'Polygon', coordinates: [clockwiseSquare] }))
		);
		expect(() => check(text)).not.toThrow();
		expect(rfc7946Issues(JSON.parse(text))).toEqual([]);
	});
});
