import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats';

describe('percentile', () => {
	it('takes the middle value of an odd sample and averages the middle pair of an even one', () => {
		expect(percentile([5, 1, 3], 50)).toBe(3);
		expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
	});

	it('interpolates between ranks', () => {
		const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
		expect(percentile(twenty, 95)).toBeCloseTo(19.05, 10);
		expect(percentile(twenty, 0)).toBe(1);
		expect(percentile(twenty, 100)).toBe(20);
	});

	it('refuses an empty sample', () => {
		expect(() => percentile([], 50)).toThrow(/empty/);
	});
});

describe('summarize', () => {
	it('reports median, p95, min, max and the sample size', () => {
		expect(summarize([10, 30, 20, 50, 40])).toEqual({
			median: 30,
			p95: 48,
			min: 10,
			max: 50,
			n: 5
		});
	});

	it('handles a single value', () => {
		expect(summarize([7])).toEqual({ median: 7, p95: 7, min: 7, max: 7, n: 1 });
	});
});
