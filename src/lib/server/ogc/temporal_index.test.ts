import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../../../scripts/synthetic/prng';
import {
	buildTemporalIndex,
	candidateRange,
	countOverlapping,
	overlapping,
	rank
} from './temporal_index';

const DAY = 86_400_000;

function naive(starts: Float64Array, ends: Float64Array, from: number, to: number): number[] {
	const out: number[] = [];
	for (let i = 0; i < starts.length; i++) if (starts[i] <= to && ends[i] >= from) out.push(i);
	return out;
}

function spans(count: number, seed: number): [Float64Array, Float64Array] {
	const next = random(seed);
	const starts = new Float64Array(count);
	const ends = new Float64Array(count);
	for (let i = 0; i < count; i++) {
		if (next() < 0.05) {
			starts[i] = NaN;
			ends[i] = NaN;
			continue;
		}
		const day = Math.floor(next() * 400);
		starts[i] = day * DAY;
		ends[i] = (day + Math.floor(next() * 3)) * DAY + DAY - 1;
	}
	return [starts, ends];
}

describe('temporal index', () => {
	const [starts, ends] = spans(2_000, 7);
	const t = buildTemporalIndex(starts, ends);

	it('counts and lists the same spans as a scan, for instants, intervals and open ends', () => {
		const next = random(11);
		const queries: [number, number][] = [
			[-Infinity, Infinity],
			[-Infinity, 10 * DAY],
			[390 * DAY, Infinity],
			[-Infinity, -1],
			[500 * DAY, Infinity]
		];
		for (let k = 0; k < 300; k++) {
			const a = Math.floor(next() * 420 - 10) * DAY + (next() < 0.5 ? 0 : Math.floor(next() * DAY));
			const b = next() < 0.3 ? a : a + Math.floor(next() * 30 * DAY);
			queries.push([a, b]);
		}
		for (const [from, to] of queries) {
			const expected = naive(starts, ends, from, to);
			expect(countOverlapping(t, from, to), `${from}/${to}`).toBe(expected.length);
			expect([...overlapping(t, from, to)], `${from}/${to}`).toEqual(expected);
		}
	});

	it('includes both bounds: a span touching the query at one instant matches', () => {
		const s = new Float64Array([0, 10, 20]);
		const e = new Float64Array([9, 19, 29]);
		const ix = buildTemporalIndex(s, e);
		expect([...overlapping(ix, 9, 9)]).toEqual([0]);
		expect([...overlapping(ix, 19, 20)]).toEqual([1, 2]);
		expect(countOverlapping(ix, 29, 100)).toBe(1);
		expect(countOverlapping(ix, 30, 100)).toBe(0);
		expect([...overlapping(ix, -5, -1)]).toEqual([]);
	});

	it('never matches a feature without time, and has no candidates when nothing has time', () => {
		const ix = buildTemporalIndex(new Float64Array([NaN, 5]), new Float64Array([NaN, 6]));
		expect([...overlapping(ix, -Infinity, Infinity)]).toEqual([1]);
		const none = buildTemporalIndex(new Float64Array([NaN]), new Float64Array([NaN]));
		expect(countOverlapping(none, -Infinity, Infinity)).toBe(0);
		expect(candidateRange(none, 0, 1)).toEqual([0, 0]);
	});

	it('handles open-ended spans (a layer still valid today)', () => {
		const ix = buildTemporalIndex(new Float64Array([0, 100]), new Float64Array([50, Infinity]));
		expect([...overlapping(ix, 1e15, 1e15)]).toEqual([1]);
		expect(countOverlapping(ix, 60, 70)).toBe(0);
		expect(countOverlapping(ix, -Infinity, Infinity)).toBe(2);
	});

	it('narrows the candidates to spans starting near the query', () => {
		const [lo, hi] = candidateRange(t, 200 * DAY, 200 * DAY);
		expect(hi - lo).toBeLessThan(starts.length / 50);
		expect(hi - lo).toBeGreaterThanOrEqual(countOverlapping(t, 200 * DAY, 200 * DAY));
	});

	it('falls back to a scan when a span ends before it starts', () => {
		const ix = buildTemporalIndex(new Float64Array([10, 0]), new Float64Array([5, 20]));
		expect(ix.ordered).toBe(false);
		expect(countOverlapping(ix, 6, 8)).toBe(1);
		expect([...overlapping(ix, 6, 8)]).toEqual([1]);
	});

	it('ranks strictly or inclusively', () => {
		const a = new Float64Array([1, 2, 2, 3]);
		expect([rank(a, 2, false), rank(a, 2, true), rank(a, 0, true), rank(a, 9, false)]).toEqual([
			1, 3, 0, 4
		]);
	});
});
