import type { Dataset } from '$lib/data/schema';
import { PreparedDataset } from '$lib/export/prepared_dataset';
import { buildSearchIndex, type SearchIndex } from '$lib/geo/search';
import { buildOgcIndex, type OgcIndex } from '../ogc/collections';

export interface DatasetIndexes {
	/** Built on first use: normalising the text of 100,000 incidents takes seconds. */
	search: () => SearchIndex;
	/** Built on first read: it serialises every feature, which `/api` does not need. */
	readonly ogc: OgcIndex;
	/**
	 * Built on first use: the dataset's rows for `/api`'s files, each incident's GeoJSON feature and
	 * CSV row encoded once (as the dashboard's export worker keeps them), then sliced per request.
	 */
	readonly prepared: PreparedDataset;
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
		let ogc: OgcIndex | undefined;
		let prepared: PreparedDataset | undefined;
		const getSearch = () => (search ??= buildSearchIndex(dataset));
		indexes = {
			search: getSearch,
			get ogc() {
				return (ogc ??= buildOgcIndex(dataset, getSearch));
			},
			get prepared() {
				return (prepared ??= new PreparedDataset(dataset));
			}
		};
		cache.set(dataset, indexes);
	}
	return indexes;
}
