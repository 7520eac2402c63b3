import type { ClaimValue } from '../data/schema';

/** The words a claimed figure is written with: the UI's language, or an export's plain forms. */
export interface ClaimWords {
	number(n: number): string;
	/** A lower bound alone: "at least 30". */
	atLeast(low: string): string;
	/** A range: "30–35". */
	range(low: string, high: string): string;
}

/** English as the exports write it. */
export const PLAIN_CLAIM_WORDS: ClaimWords = {
	number: String,
	atLeast: (low) => `at least ${low}`,
	range: (low, high) => `${low}–${high}`
};

/**
 * A claimed figure as text: "12", "at least 30", "30–35", "40 (30–60)" for a best estimate within
 * a range. The one rule every view and export writes figures by.
 */
export function claimValueText(value: ClaimValue, words: ClaimWords = PLAIN_CLAIM_WORDS): string {
	const n = words.number;
	if (typeof value === 'number') return n(value);
	const bounds =
		value.high === undefined
			? words.atLeast(n(value.low))
			: value.high === value.low
				? n(value.low)
				: words.range(n(value.low), n(value.high));
	if (value.best === undefined || (value.best === value.low && value.high === value.low))
		return bounds;
	return `${n(value.best)} (${bounds})`;
}

/** The highest figure a claim puts forward: the upper bound of a range, else its lower bound. */
export function claimUpperFigure(value: ClaimValue): number {
	return typeof value === 'number' ? value : (value.high ?? value.low);
}

/** The one number a claim states, if it states one: exact, a best estimate, or a range of one. */
export function claimExactFigure(value: ClaimValue): number | null {
	if (typeof value === 'number') return value;
	if (value.best !== undefined) return value.best;
	return value.high === value.low ? value.low : null;
}

/**
 * Whether two claimed figures say the same thing: same bounds and the same stated number (so 5 and
 * "5–5" agree; a range with a best estimate and the same range without one do not).
 */
export function sameClaimValue(a: ClaimValue, b: ClaimValue): boolean {
	const lo = (v: ClaimValue) => (typeof v === 'number' ? v : v.low);
	const hi = (v: ClaimValue) => (typeof v === 'number' ? v : (v.high ?? Infinity));
	return lo(a) === lo(b) && hi(a) === hi(b) && claimExactFigure(a) === claimExactFigure(b);
}
