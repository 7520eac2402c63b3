import { describe, expect, it } from 'vitest';
import {
	claimExactFigure,
	claimUpperFigure,
	claimValueText,
	PLAIN_CLAIM_WORDS,
	sameClaimValue
} from './claims';

describe('claimValueText', () => {
	it('writes exact figures, bounds, ranges and best estimates by one rule', () => {
		expect(claimValueText(12)).toBe('12');
		expect(claimValueText({ low: 30 })).toBe('at least 30');
		expect(claimValueText({ low: 30, high: 35 })).toBe('30–35');
		expect(claimValueText({ low: 5, high: 5 })).toBe('5');
		expect(claimValueText({ low: 30, best: 40, high: 60 })).toBe('40 (30–60)');
		expect(claimValueText({ low: 7, best: 7, high: 7 })).toBe('7');
		expect(claimValueText({ low: 30, best: 40 })).toBe('40 (at least 30)');
	});

	it('takes its words from the caller', () => {
		const words = { ...PLAIN_CLAIM_WORDS, atLeast: (n: string) => `≥${n}` };
		expect(claimValueText({ low: 30 }, words)).toBe('≥30');
		expect(claimValueText(1234, { ...words, number: (n) => n.toLocaleString('vi') })).toBe('1.234');
	});
});

describe('claim figures', () => {
	it('gives the upper figure and the exact one where a claim states one', () => {
		expect(claimUpperFigure({ low: 3, high: 9 })).toBe(9);
		expect(claimUpperFigure({ low: 3 })).toBe(3);
		expect(claimExactFigure({ low: 3, high: 9 })).toBeNull();
		expect(claimExactFigure({ low: 3, best: 4, high: 9 })).toBe(4);
		expect(claimExactFigure({ low: 3, high: 3 })).toBe(3);
		expect(claimExactFigure(2)).toBe(2);
	});

	it('compares two figures by bounds and best estimate', () => {
		expect(sameClaimValue(5, { low: 5, high: 5 })).toBe(true);
		expect(sameClaimValue({ low: 5 }, 5)).toBe(false);
		expect(sameClaimValue({ low: 1, best: 2, high: 3 }, { low: 1, high: 3 })).toBe(false);
	});
});
