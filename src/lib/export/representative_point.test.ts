import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { representativePoint } from './representative_point';

describe('representativePoint', () => {
	it('is the point itself for a Point', () => {
		expect(representativePoint({ type: 'Point', coordinates: [46.750222, 40.325861] })).toEqual([
			46.750222, 40.325861
		]);
	});

	it('is the middle of a two-point line', () => {
		const [lon, lat] = representativePoint({
			type: 'LineString',
			coordinates: [
				[46.0, 40.0],
				[47.0, 40.0]
			]
		});
		expect(lon).toBeCloseTo(46.5, 9);
		expect(lat).toBeCloseTo(40.0, 9);
	});

	it('walks by length, not by vertex count', () => {
		// A long first segment and many short ones: halfway falls inside the long one.
		const point = representativePoint({
			type: 'LineString',
			coordinates: [
				[46.0, 40.0],
				[46.9, 40.0],
				[46.92, 40.0],
				[46.94, 40.0],
				[46.96, 40.0],
				[46.98, 40.0],
				[47.0, 40.0]
			]
		});
		const fromStart = distance([46.0, 40.0], point);
		const total = distance([46.0, 40.0], [47.0, 40.0]);
		expect(fromStart / total).toBeCloseTo(0.5, 3);
	});

	it('treats a MultiLineString as one path, part after part', () => {
		const [lon] = representativePoint({
			type: 'MultiLineString',
			coordinates: [
				[
					[46.0, 40.0],
					[46.2, 40.0]
				],
				[
					[46.8, 40.0],
					[47.0, 40.0]
				]
			]
		});
		// The two parts are equally long: halfway is the end of the first.
		expect(lon).toBeCloseTo(46.2, 6);
	});

	it('falls back to the first vertex for a zero-length line', () => {
		expect(
			representativePoint({
				type: 'LineString',
				coordinates: [
					[46.1, 40.1],
					[46.1, 40.1]
				]
			})
		).toEqual([46.1, 40.1]);
	});
});
