import { describe, expect, it } from 'vitest';
import { KeyNumbers, RowResults, grown, hash128 } from './compact';
import type { RowResult } from './plan';

describe('grown', () => {
	it('keeps the values and the kind of array, at least as long as asked', () => {
		const a = Float64Array.from([1.5, NaN, -2]);
		const b = grown(a, 40);
		expect(b).toBeInstanceOf(Float64Array);
		expect(b.length).toBeGreaterThanOrEqual(40);
		expect([...b.subarray(0, 3)]).toEqual([1.5, NaN, -2]);
		expect(b[3]).toBe(0);
	});
});

describe('hash128', () => {
	it('gives four words that differ between keys and depend on every character', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 20_000; i++) seen.add(hash128(`source/acled-syn${i}-s1`).join(','));
		expect(seen.size).toBe(20_000);
		const x = hash128('incident/x');
		expect(new Set(x).size).toBe(4);
		expect(hash128('incident/x')).toEqual(x);
		expect(hash128('incident/y')).not.toEqual(x);
		expect(hash128('é')).not.toEqual(hash128('e'));
		// SHA-256's first 16 bytes, little-endian words (the published digest of "abc").
		expect(Buffer.from(new Uint32Array(hash128('abc')).buffer).toString('hex')).toBe(
			'ba7816bf8f01cfea414140de5dae2223'
		);
	});
});

describe('KeyNumbers', () => {
	it('maps each of many keys to its number, through its growth, like a Map', () => {
		const keys = new KeyNumbers();
		const map = new Map<string, number>();
		for (let i = 0; i < 30_000; i++) {
			const key = `${['incident', 'source', 'statement'][i % 3]}/acled-syn${i >> 1}`;
			keys.set(key, i + 1);
			map.set(key, i + 1);
		}
		// Setting a key again replaces its number without adding a key.
		keys.set('source/acled-syn5', 7);
		map.set('source/acled-syn5', 7);
		expect(keys.size).toBe(map.size);
		for (const [key, n] of map) expect(keys.get(key)).toBe(n);
		expect(keys.get('incident/acled-syn99999')).toBeUndefined();
		expect(keys.get('')).toBeUndefined();
	});

	it('keeps only whole numbers from 1 (0 marks an empty slot)', () => {
		const keys = new KeyNumbers();
		expect(() => keys.set('a', 0)).toThrow(/not a whole number/);
		expect(() => keys.set('a', 1.5)).toThrow(/not a whole number/);
		expect(() => keys.set('a', 2 ** 32)).toThrow(/not a whole number/);
		keys.set('a', 2 ** 32 - 1);
		expect(keys.get('a')).toBe(2 ** 32 - 1);
	});
});

describe('RowResults', () => {
	it('reads back every result as it was pushed, in order, duplicates and all', () => {
		const statuses = ['new', 'updated', 'unchanged'] as const;
		const expected: RowResult[] = [];
		const results = new RowResults();
		for (let i = 0; i < 3_000; i++) {
			const result: RowResult = {
				row: i + 2,
				id: `acled-syn${i}`,
				status: statuses[i % 3],
				duplicateOf:
					i % 7 === 0 ? [] : i % 5 === 0 ? [`acled-syn${i - 1}`, `acled-syn${i - 2}`] : []
			};
			expected.push(result);
			results.push(result);
		}
		expect(results.length).toBe(3_000);
		expect([...results]).toEqual(expected);
		// Reading twice gives the same again.
		expect([...results]).toEqual(expected);
	});

	it('refuses what it cannot keep', () => {
		const results = new RowResults();
		const ok: RowResult = { row: 2, id: 'a', status: 'new', duplicateOf: [] };
		expect(() => results.push({ ...ok, row: -1 })).toThrow(/row -1/);
		expect(() => results.push({ ...ok, row: 2 ** 31 })).toThrow(/row/);
		expect(() => results.push({ ...ok, status: 'gone' as RowResult['status'] })).toThrow(
			/status "gone"/
		);
		expect(results.length).toBe(0);
	});
});
