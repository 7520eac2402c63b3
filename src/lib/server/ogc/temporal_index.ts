import { overlaps } from '$lib/atlas/query';

/**
 * Time spans of a collection sorted for binary search, so a `datetime` query costs
 * O(log n + candidates) instead of a scan of every feature. Spans are closed intervals in ms since
 * the epoch; a feature without time (NaN) is left out and never matches.
 */
export interface TemporalIndex {
	/** Feature indices with a span, ordered by start. */
	byStart: Uint32Array;
	/** Their starts, in that order. */
	sortedStarts: Float64Array;
	/** Every end, ascending (not aligned with `byStart`). */
	sortedEnds: Float64Array;
	/** The longest span (end − start); bounds how early a span overlapping `from` can start. */
	maxSpan: number;
	starts: Float64Array;
	ends: Float64Array;
	/** False if some span ends before it starts; counting then falls back to a scan. */
	ordered: boolean;
}

export function buildTemporalIndex(starts: Float64Array, ends: Float64Array): TemporalIndex {
	const timed: number[] = [];
	let maxSpan = 0;
	let ordered = true;
	for (let i = 0; i < starts.length; i++) {
		if (Number.isNaN(starts[i]) || Number.isNaN(ends[i])) continue;
		timed.push(i);
		if (ends[i] < starts[i]) ordered = false;
		else maxSpan = Math.max(maxSpan, ends[i] - starts[i]);
	}
	const byStart = Uint32Array.from(timed).sort((a, b) => starts[a] - starts[b] || a - b);
	const sortedStarts = Float64Array.from(byStart, (i) => starts[i]);
	const sortedEnds = Float64Array.from(timed, (i) => ends[i]).sort();
	return { byStart, sortedStarts, sortedEnds, maxSpan, starts, ends, ordered };
}

/** The number of values in the ascending array that are < x (strict) or ≤ x. */
export function rank(sorted: Float64Array, x: number, inclusive: boolean): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < x || (inclusive && sorted[mid] === x)) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * How many spans overlap the closed interval [from, to] (from ≤ to): those starting at or before
 * `to` minus those ending before `from`; each of the latter also starts before `to`.
 */
export function countOverlapping(t: TemporalIndex, from: number, to: number): number {
	if (!t.ordered) {
		let n = 0;
		for (const i of t.byStart) if (overlaps(t.starts[i], t.ends[i], from, to)) n++;
		return n;
	}
	return rank(t.sortedStarts, to, true) - rank(t.sortedEnds, from, false);
}

/** The slice of `byStart` that can overlap [from, to]: spans starting in [from − maxSpan, to]. */
export function candidateRange(t: TemporalIndex, from: number, to: number): [number, number] {
	if (!t.ordered) return [0, t.byStart.length];
	return [rank(t.sortedStarts, from - t.maxSpan, false), rank(t.sortedStarts, to, true)];
}

/** The indices of the features whose span overlaps [from, to], ascending. */
export function overlapping(t: TemporalIndex, from: number, to: number): Uint32Array {
	const [lo, hi] = candidateRange(t, from, to);
	const out = new Uint32Array(hi - lo);
	let n = 0;
	for (let k = lo; k < hi; k++) {
		const i = t.byStart[k];
		if (overlaps(t.starts[i], t.ends[i], from, to)) out[n++] = i;
	}
	return out.subarray(0, n).sort();
}
