import { describe, expect, it } from 'vitest';
import { roundLines, roundPolygons, roundPosition } from './precision';

describe('roundPosition', () => {
	it('rounds to the given number of decimals', () => {
		expect(roundPosition([46.752834999, 39.815278001], 5)).toEqual([46.75283, 39.81528]);
	});

	it('never writes -0', () => {
		const [x] = roundPosition([-0.000001, 0], 5);
		expect(Object.is(x, -0)).toBe(false);
	});
});

describe('roundPolygons', () => {
	const square = [
		[46, 40],
		[46.1, 40],
		[46.1, 40.1],
		[46, 40.1],
		[46, 40]
	];
	const sliver = [
		[46.05, 40.05],
		[46.050001, 40.05],
		[46.050001, 40.050001],
		[46.05, 40.05]
	];

	it('rounds coordinates and keeps rings that still have area', () => {
		expect(roundPolygons([[square.map(([x, y]) => [x + 0.000001, y])]], 5)).toEqual([[square]]);
	});

	it('drops a hole that rounding collapses', () => {
		expect(roundPolygons([[square, sliver]], 5)).toEqual([[square]]);
	});

	it('drops a polygon whose exterior ring rounding collapses', () => {
		expect(roundPolygons([[sliver], [square]], 5)).toEqual([[square]]);
	});

	it('rejects a bad precision, naming it', () => {
		expect(() => roundPolygons([[square]], 2.5)).toThrow('precision: expected an integer');
	});
});

describe('roundLines', () => {
	it('drops repeated positions and lines that shrink to a point', () => {
		const line = [
			[46, 40],
			[46.000001, 40],
			[46.1, 40]
		];
		const dot = [
			[47, 40],
			[47.000001, 40.000001]
		];
		expect(roundLines([line, dot], 5)).toEqual([
			[
				[46, 40],
				[46.1, 40]
			]
		]);
	});
});
