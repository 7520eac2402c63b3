import { describe, expect, it, vi } from 'vitest';
import { fixtureDataset } from '$lib/export/test_fixtures';
import { buildSearchIndex } from '$lib/geo/search';
import { searchFor } from '../ogc/collections';
import { datasetIndexes } from './indexes';

describe('datasetIndexes', () => {
	it('builds the indexes once per dataset object', () => {
		const dataset = fixtureDataset();
		const a = datasetIndexes(dataset);
		expect(datasetIndexes(dataset)).toBe(a);
		expect(datasetIndexes(fixtureDataset())).not.toBe(a);
		expect(a.search()).toBe(a.search());
		expect(a.search().text.size).toBe(3);
	});
});

describe('searchFor', () => {
	it('builds a lazy index only for a filter with q', () => {
		const index = buildSearchIndex(fixtureDataset());
		const lazy = vi.fn(() => index);
		expect(searchFor(lazy, { types: ['Battles'] })).toBeUndefined();
		expect(lazy).not.toHaveBeenCalled();
		expect(searchFor(lazy, { q: 'madagiz' })).toBe(index);
		expect(lazy).toHaveBeenCalledOnce();
		expect(searchFor(index, { q: 'x' })).toBe(index);
		expect(searchFor(undefined, { q: 'x' })).toBeUndefined();
	});
});
