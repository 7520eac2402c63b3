import { describe, expect, it } from 'vitest';
import { bboxContains, parseBbox } from './bbox';

describe('parseBbox', () => {
	it('accepts the basemap region', () => {
		expect(parseBbox([44.0, 38.3, 48.5, 41.5])).toEqual([44.0, 38.3, 48.5, 41.5]);
	});

	it('rejects anything but four finite numbers, naming the parameter', () => {
		expect(() => parseBbox([44, 38.3, 48.5], 'options.bbox')).toThrow(
			'options.bbox: expected [west, south, east, north] as 4 finite numbers'
		);
		expect(() => parseBbox([44, 38.3, NaN, 41.5])).toThrow('bbox: expected');
		expect(() => parseBbox('44,38.3,48.5,41.5')).toThrow('bbox: expected');
	});

	it('rejects swapped corners and out-of-range degrees', () => {
		expect(() => parseBbox([48.5, 38.3, 44, 41.5])).toThrow('needs west < east and south < north');
		expect(() => parseBbox([44, 41.5, 48.5, 38.3])).toThrow('needs west < east and south < north');
		expect(() => parseBbox([170, 38, 190, 41])).toThrow('lies outside [-180, -90, 180, 90]');
	});
});

describe('bboxContains', () => {
	const box: [number, number, number, number] = [44, 38.3, 48.5, 41.5];

	it('includes the edges and corners', () => {
		expect(bboxContains(box, [44, 40])).toBe(true);
		expect(bboxContains(box, [48.5, 41.5])).toBe(true);
		expect(bboxContains(box, [46.75, 39.82])).toBe(true);
	});

	it('excludes points just outside', () => {
		expect(bboxContains(box, [43.99999, 40])).toBe(false);
		expect(bboxContains(box, [46, 41.50001])).toBe(false);
	});
});
