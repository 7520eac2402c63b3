import { describe, expect, it } from 'vitest';
import { cleanOpenRing, closeRing, openRing, pointInRing, signedArea2 } from './ring';

const square = [
	[0, 0],
	[2, 0],
	[2, 2],
	[0, 2]
];

describe('signedArea2', () => {
	it('is positive for a counter-clockwise ring and negative for a clockwise one', () => {
		expect(signedArea2(square)).toBe(8);
		expect(signedArea2(square.slice().reverse())).toBe(-8);
	});

	it('gives the same for the closed ring', () => {
		expect(signedArea2(closeRing(square))).toBe(8);
	});
});

describe('openRing / closeRing', () => {
	it('round-trip a closed ring', () => {
		const closed = closeRing(square);
		expect(closed).toHaveLength(5);
		expect(openRing(closed)).toEqual(square);
	});
});

describe('cleanOpenRing', () => {
	it('removes repeated positions, including across the closing point', () => {
		expect(
			cleanOpenRing([
				[0, 0],
				[2, 0],
				[2, 0],
				[2, 2],
				[0, 2],
				[0, 0]
			])
		).toEqual(square);
	});

	it('removes a zero-width spike', () => {
		expect(
			cleanOpenRing([
				[0, 0],
				[2, 0],
				[3, 0],
				[2, 0],
				[2, 2],
				[0, 2]
			])
		).toEqual(square);
	});

	it('collapses a back-and-forth ring to fewer than three positions', () => {
		expect(
			cleanOpenRing([
				[0, 0],
				[1, 0],
				[2, 0],
				[1, 0]
			]).length
		).toBeLessThan(3);
	});
});

describe('pointInRing', () => {
	it('tells inside, outside and boundary apart', () => {
		expect(pointInRing([1, 1], square)).toBe('inside');
		expect(pointInRing([3, 1], square)).toBe('outside');
		expect(pointInRing([2, 1], square)).toBe('boundary');
		expect(pointInRing([0, 0], square)).toBe('boundary');
	});
});
