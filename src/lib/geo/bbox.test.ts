import { describe, expect, it } from 'vitest';
import { bboxIntersects, geometryBBox, parseBBox, unionBBox } from './bbox';

describe('geometryBBox', () => {
	it('is the point itself for a Point', () => {
		expect(geometryBBox({ type: 'Point', coordinates: [46.750222, 40.325861] })).toEqual([
			46.750222, 40.325861, 46.750222, 40.325861
		]);
	});

	it('spans every vertex of a line and every ring of a multipolygon', () => {
		expect(
			geometryBBox({
				type: 'LineString',
				coordinates: [
					[46.74, 40.39],
					[47.06, 39.93]
				]
			})
		).toEqual([46.74, 39.93, 47.06, 40.39]);
		expect(
			geometryBBox({
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[0, 0],
							[1, 0],
							[1, 1],
							[0, 0]
						]
					],
					[
						[
							[5, -3],
							[6, -3],
							[6, 2],
							[5, -3]
						]
					]
				]
			})
		).toEqual([0, -3, 6, 2]);
	});

	it('is null for a null geometry and an empty collection', () => {
		expect(geometryBBox(null)).toBeNull();
		expect(geometryBBox({ type: 'GeometryCollection', geometries: [] })).toBeNull();
	});
});

describe('unionBBox and bboxIntersects', () => {
	it('unites boxes, skipping nulls', () => {
		expect(unionBBox([[1, 1, 2, 2], null, [-1, 0, 1.5, 3]])).toEqual([-1, 0, 2, 3]);
		expect(unionBBox([])).toBeNull();
	});

	it('counts touching edges as intersecting and disjoint boxes as not', () => {
		expect(bboxIntersects([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
		expect(bboxIntersects([0, 0, 1, 1], [1.01, 0, 2, 1])).toBe(false);
		expect(bboxIntersects([0, 0, 1, 1], [0, 1.01, 1, 2])).toBe(false);
		expect(bboxIntersects([46.5, 39.5, 47.2, 40.5], [46.75, 40.32, 46.75, 40.32])).toBe(true);
	});
});

describe('parseBBox', () => {
	it('reads four numbers, with spaces, signs and exponents', () => {
		expect(parseBBox('46.5,39.5,47.2,40.5')).toEqual({ ok: true, bbox: [46.5, 39.5, 47.2, 40.5] });
		expect(parseBBox(' -1e1, -5 ,+.5,5.')).toEqual({ ok: true, bbox: [-10, -5, 0.5, 5] });
	});

	it('reads six numbers and drops the heights', () => {
		expect(parseBBox('46.5,39.5,0,47.2,40.5,3000')).toEqual({
			ok: true,
			bbox: [46.5, 39.5, 47.2, 40.5]
		});
	});

	it.each([
		['46.5,39.5,47.2', 'got 3 value(s)'],
		['1,2,3,4,5', 'got 5 value(s)'],
		['', 'got 1 value(s)'],
		['a,b,c,d', '"a" is not a number'],
		['1,2,3,', '"" is not a number'],
		['Infinity,0,1,1', '"Infinity" is not a number'],
		['0x10,0,1,1', '"0x10" is not a number'],
		['NaN,0,1,1', '"NaN" is not a number'],
		['0,-91,1,1', 'minLat -91 is outside -90..90'],
		['0,0,1,95', 'maxLat 95 is outside -90..90'],
		['-181,0,1,1', 'minLon -181 is outside -180..180'],
		['0,10,1,5', 'minLat 10 is greater than maxLat 5'],
		['170,0,-170,1', 'minLon 170 is greater than maxLon -170']
	])('refuses %j, naming the parameter (%s)', (text, why) => {
		const result = parseBBox(text);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.description).toContain('"bbox"');
			expect(result.description).toContain(why);
		}
	});
});
