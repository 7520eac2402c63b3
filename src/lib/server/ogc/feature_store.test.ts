import { describe, expect, it, vi } from 'vitest';
import { createFeatureStore, featureSlices, featureText } from './feature_store';

const texts = [
	'{"id":"a"}',
	'{"id":"Tərtər"}',
	'{"id":"Madagiz / Sugovushan"}',
	'{"id":"Giao tranh gần"}',
	'{"id":"e"}',
	'{"id":"f"}'
];
const joined = (indices: number[]) => indices.map((i) => texts[i]).join(',');
const text = (parts: Buffer[]) => Buffer.concat(parts).toString('utf8');

describe('feature store', () => {
	it('serialises each feature once, on first use', () => {
		const make = vi.fn((i: number) => texts[i]);
		const store = createFeatureStore(texts.length, make);
		expect(make).not.toHaveBeenCalled();
		expect(featureText(store, 3)).toBe(texts[3]);
		expect(text(featureSlices(store, [2, 3, 4]))).toBe(joined([2, 3, 4]));
		expect(featureText(store, 3)).toBe(texts[3]);
		expect(make.mock.calls.map(([i]) => i)).toEqual([3, 2, 4]);
	});

	it.each([
		['one chunk', 1 << 20],
		['a chunk per feature or two', 40]
	])('joins any page with commas, in any order of first use (%s)', (_, chunkBytes) => {
		const store = createFeatureStore(texts.length, (i) => texts[i], chunkBytes);
		const pages = [[], [4], [0, 1, 2, 3, 4, 5], [1, 2, 4], [0, 2, 3, 5], [3, 4, 5], [5]];
		for (const page of pages) {
			expect(text(featureSlices(store, page)), page.join()).toBe(joined(page));
		}
		expect(texts.map((_, i) => featureText(store, i))).toEqual(texts);
		if (chunkBytes === 40) expect(store.chunks.length).toBeGreaterThan(2);
		else expect(store.chunks).toHaveLength(1);
	});

	it('serves features stored one after another as one slice', () => {
		const store = createFeatureStore(texts.length, (i) => texts[i]);
		expect(featureSlices(store, [1, 2, 3])).toHaveLength(1);
		expect(featureSlices(store, [1, 3])).toHaveLength(3);
		// 0 is stored after 3, so 0–1 are not adjacent in the chunk.
		expect(featureSlices(store, [0, 1])).toHaveLength(3);
		expect(text(featureSlices(store, [0, 1, 2, 3]))).toBe(joined([0, 1, 2, 3]));
	});

	it('keeps a feature larger than a chunk whole', () => {
		const big = `{"id":"${'x'.repeat(100)}"}`;
		const store = createFeatureStore(2, (i) => (i ? big : texts[0]), 16);
		expect(text(featureSlices(store, [0, 1]))).toBe(`${texts[0]},${big}`);
	});

	it('answers an empty page with no bytes', () => {
		expect(
			featureSlices(
				createFeatureStore(0, () => ''),
				[]
			)
		).toEqual([]);
	});
});
