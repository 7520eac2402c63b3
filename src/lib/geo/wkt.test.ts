import { describe, expect, it } from 'vitest';
import { parseWKT, toWKT, type IncidentGeometry } from './wkt';

describe('toWKT', () => {
	it('writes a point, a line and a multi-line in lon/lat order', () => {
		expect(toWKT({ type: 'Point', coordinates: [46.750222, 40.325861] })).toBe(
			'POINT (46.750222 40.325861)'
		);
		expect(
			toWKT({
				type: 'LineString',
				coordinates: [
					[46.58, 40.345],
					[46.66, 40.37]
				]
			})
		).toBe('LINESTRING (46.58 40.345, 46.66 40.37)');
		expect(
			toWKT({
				type: 'MultiLineString',
				coordinates: [
					[
						[1, 2],
						[3, 4]
					],
					[
						[5, 6],
						[7, 8]
					]
				]
			})
		).toBe('MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))');
	});

	it('rounds to the given precision, drops altitude and never writes -0 or exponents', () => {
		expect(toWKT({ type: 'Point', coordinates: [46.1234567891, -0.0000001, 950] })).toBe(
			'POINT (46.123457 0)'
		);
		expect(toWKT({ type: 'Point', coordinates: [0.0000012, 1e-7] })).toBe('POINT (0.000001 0)');
		expect(toWKT({ type: 'Point', coordinates: [46.75, 40.33] }, 1)).toBe('POINT (46.8 40.3)');
	});
});

describe('parseWKT', () => {
	it('reads what toWKT writes', () => {
		for (const geometry of [
			{ type: 'Point', coordinates: [46.750222, 40.325861] },
			{
				type: 'LineString',
				coordinates: [
					[46.58, 40.345],
					[46.66, 40.37]
				]
			},
			{
				type: 'MultiLineString',
				coordinates: [
					[
						[1, 2],
						[3, 4]
					],
					[
						[5, 6],
						[7, 8]
					]
				]
			}
		] as IncidentGeometry[])
			expect(parseWKT(toWKT(geometry))).toEqual(geometry);
	});

	it('accepts lower case, Z values and no space before the parenthesis', () => {
		expect(parseWKT('point z(46.75 40.33 950)')).toEqual({
			type: 'Point',
			coordinates: [46.75, 40.33]
		});
	});

	it('says why a value is not a usable geometry', () => {
		expect(parseWKT('POLYGON ((0 0, 1 0, 1 1, 0 0))')).toBe(
			'is not WKT of a POINT, LINESTRING or MULTILINESTRING'
		);
		expect(parseWKT('POINT (46.75)')).toBe('is not a WKT POINT (x y)');
		expect(parseWKT('LINESTRING (1 2)')).toBe('is not a WKT LINESTRING of 2 or more positions');
		expect(parseWKT('MULTILINESTRING ((1 2, 3 4), (5 x))')).toBe(
			'is not a WKT MULTILINESTRING of lines of 2 or more positions'
		);
	});
});
