import { describe, expect, it } from 'vitest';
import { parseSince } from './handler';

describe('parseSince', () => {
	it('reads absent as 0 and a revision number as itself', () => {
		expect(parseSince(null)).toBe(0);
		expect(parseSince('')).toBe(0);
		expect(parseSince('0')).toBe(0);
		expect(parseSince('42')).toBe(42);
	});
	it('refuses negatives, fractions, words and absurd sizes', () => {
		for (const bad of ['-1', '1.5', 'abc', '1e3', ' 1', '9999999999999999']) {
			expect(parseSince(bad), bad).toBeNull();
		}
	});
});
