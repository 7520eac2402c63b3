import type { IncidentFeature, Meta } from '../data/schema';

/**
 * What the page knows about the dataset it loaded, sent with every export by row numbers so the
 * worker, which loads the dataset itself, can prove it holds the same one before picking rows.
 */
export interface DatasetCheck {
	count: number;
	version: string;
	updated: string;
	/** The dataset version the page loaded (`Dataset.revision`), when it had one. */
	revision?: number;
	/** Some of the requested rows as `[row, incident id]`: the ids the worker must find there. */
	probes: [number, string][];
}

/** How many requested rows the check samples (first, last and evenly spaced between). */
const PROBES = 32;

interface RowMaps {
	/** By object: the page's features are the dataset's own objects, and these look-ups are fast. */
	byFeature: Map<IncidentFeature, number>;
	/** By id, built only if a feature is a copy (e.g. a state snapshot). */
	byId: Map<string, number> | null;
}

const rowCache = new WeakMap<readonly IncidentFeature[], RowMaps>();

function rowMaps(all: readonly IncidentFeature[]): RowMaps {
	let maps = rowCache.get(all);
	if (!maps) {
		const byFeature = new Map<IncidentFeature, number>();
		for (let i = 0; i < all.length; i++) byFeature.set(all[i], i);
		maps = { byFeature, byId: null };
		rowCache.set(all, maps);
	}
	return maps;
}

function rowById(maps: RowMaps, all: readonly IncidentFeature[], id: string): number | undefined {
	if (!maps.byId) {
		maps.byId = new Map();
		for (let i = 0; i < all.length; i++) maps.byId.set(all[i].id, i);
	}
	return maps.byId.get(id);
}

/**
 * The row of each feature in `all` (the dataset's incident array, as served), in the features'
 * order. The look-up map is built once per array and kept. Throws on a feature not in `all`.
 */
export function rowIndices(
	features: readonly IncidentFeature[],
	all: readonly IncidentFeature[]
): Int32Array {
	const maps = rowMaps(all);
	const rows = new Int32Array(features.length);
	for (let i = 0; i < features.length; i++) {
		const row = maps.byFeature.get(features[i]) ?? rowById(maps, all, features[i].id);
		if (row === undefined)
			throw new Error(`Incident "${features[i].id}" is not in the loaded dataset`);
		rows[i] = row;
	}
	return rows;
}

/** Builds the id → row map ahead of the first export (e.g. while the page is idle). */
export function prepareRowIndices(all: readonly IncidentFeature[]): void {
	rowMaps(all);
}

/** The {@link DatasetCheck} for `rows` of `all`. */
export function datasetCheck(
	all: readonly IncidentFeature[],
	meta: Pick<Meta, 'version' | 'updated'>,
	rows: Int32Array,
	revision?: number
): DatasetCheck {
	const probes: [number, string][] = [];
	const n = rows.length;
	const step = n <= PROBES ? 1 : (n - 1) / (PROBES - 1);
	for (let k = 0; k < Math.min(n, PROBES); k++) {
		const row = rows[Math.round(k * step)];
		probes.push([row, all[row].id]);
	}
	return {
		count: all.length,
		version: meta.version,
		updated: meta.updated,
		...(revision !== undefined ? { revision } : {}),
		probes
	};
}

/**
 * Throws unless `all` and `meta` (the worker's copy of the dataset) match what the page saw:
 * same incident count, version and update date, and the probed ids at their rows. Exporting the
 * wrong rows silently would be worse than not exporting.
 */
export function verifyDataset(
	check: DatasetCheck,
	all: readonly IncidentFeature[],
	meta: Pick<Meta, 'version' | 'updated'>,
	revision?: number
): void {
	const differs = (what: string, page: unknown, worker: unknown) =>
		new Error(
			`The export worker's copy of the dataset differs from the page's (${what}: page ${JSON.stringify(page)}, worker ${JSON.stringify(worker)}); reload the page and export again`
		);
	if (check.count !== all.length) throw differs('incident count', check.count, all.length);
	if (check.version !== meta.version) throw differs('meta.version', check.version, meta.version);
	if (check.updated !== meta.updated) throw differs('meta.updated', check.updated, meta.updated);
	if (check.revision !== revision) throw differs('dataset version', check.revision, revision);
	for (const [row, id] of check.probes) {
		const found = all[row]?.id;
		if (found !== id) throw differs(`incident at row ${row}`, id, found ?? null);
	}
}

/** The incidents at `rows` of `all`, in that order; throws on a row outside it. */
export function pickRows(all: readonly IncidentFeature[], rows: Int32Array): IncidentFeature[] {
	const picked = new Array<IncidentFeature>(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const feature = all[rows[i]];
		if (!feature)
			throw new Error(`Row ${rows[i]} is outside the dataset's ${all.length} incidents`);
		picked[i] = feature;
	}
	return picked;
}
