import type { Dataset } from '$lib/data/schema';
import { buildSearchIndex, type SearchIndex } from '$lib/geo/search';
import { buildOgcIndex, type OgcIndex } from '../ogc/collections';

export interface DatasetIndexes {
	/** Built on first use: normalising the text of 100,000 incidents takes seconds. */
	search: () => SearchIndex;
	ogc: OgcIndex;
}

const cache = new WeakMap<Dataset, DatasetIndexes>();

/**
 * The search index and the OGC collection index of a dataset, built on first use and kept for as
 * long as the dataset object lives (the server loads it once, so once per process).
 */
export function datasetIndexes(dataset: Dataset): DatasetIndexes {
	let indexes = cache.get(dataset);
	if (!indexes) {
		let search: SearchIndex | undefined;
		const getSearch = () => (search ??= buildSearchIndex(dataset));
		indexes = { search: getSearch, ogc: buildOgcIndex(dataset, getSearch) };
		cache.set(dataset, indexes);
	}
	return indexes;
}
