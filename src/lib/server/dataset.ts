import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASEMAP_FILES, type Dataset } from '$lib/data/schema';
import { CHANGES_CHANNEL, applyDataset, isEmpty, readPublishedDataset } from './db/records';
import { openStore, type Store } from './db/store';
import { checkBasemapDir, datasetDir, loadDataset } from './load';

/**
 * The read model the server serves: the published records, read from the store at start
 * (`hooks.server.ts`) and replaced whole when another process publishes a change (NOTIFY).
 * Process-wide on purpose: every request sees the same published state.
 */
let current: {
	dataset: Dataset;
	version: number;
	basemap: Map<string, string>;
	json?: string;
} | null = null;

let store: Store | null = null;

/**
 * Opens the store, seeds an empty one from `GEODATA_DIR` (validated as `check:data` does; throws
 * a `DatasetError` if it does not validate), builds the read model from the published records and
 * follows later changes. The basemap is generated reference data, not records: it is read from
 * `GEODATA_DIR/basemap`.
 */
export async function initDataset(
	env: Record<string, string | undefined> = process.env
): Promise<Dataset> {
	const dir = datasetDir(env);
	store = await openStore(env);
	const { db } = store;
	let dataset: Dataset;
	let version: number;
	if (await isEmpty(db)) {
		dataset = loadDataset(dir);
		version = (
			await applyDataset(db, dataset, { author: 'system:seed', reason: `seed from ${dir}` })
		).datasetVersion;
	} else {
		checkBasemapDir(dir);
		({ dataset, version } = await readPublishedDataset(db));
	}
	current = {
		dataset: { ...dataset, revision: version },
		version,
		basemap: readBasemap(join(dir, 'basemap'))
	};
	await db.listen(CHANGES_CHANNEL, (payload) => void refresh(Number(payload)));
	return dataset;
}

let refreshing: Promise<void> | null = null;
let wanted = 0;

/**
 * Re-reads the published records once the store announces a version newer than the one served.
 * Nothing to read (an announcement of a version already served, such as this server's own after
 * `awaitDatasetVersion`) starts nothing: an async function with nothing to await would run its
 * `finally` before `refreshing` is assigned, leaving a settled promise there for good, and every
 * later refresh (the next publication's `awaitDatasetVersion`, other servers' announcements)
 * would return it without reading, `awaitDatasetVersion` spinning on it.
 */
function refresh(version: number): Promise<void> {
	wanted = Math.max(wanted, version);
	if (!store || !current || wanted <= current.version) return refreshing ?? Promise.resolve();
	refreshing ??= (async () => {
		try {
			while (store && current && wanted > current.version) {
				const next = await readPublishedDataset(store.db);
				current = {
					dataset: { ...next.dataset, revision: next.version },
					version: next.version,
					basemap: current.basemap
				};
			}
		} catch (error) {
			console.error('Incident Atlas: could not refresh the dataset:', error);
		} finally {
			refreshing = null;
		}
	})();
	return refreshing;
}

/**
 * Resolves once the read model serves `version` or later: a change this server has just
 * published is visible to the next reader once its answer has gone out.
 */
export async function awaitDatasetVersion(version: number): Promise<void> {
	while (store && current && current.version < version) await refresh(version);
}

/** Closes the store (the server calls this on shutdown, so the embedded database's lock is freed). */
export async function closeDataset(): Promise<void> {
	const open = store;
	store = null;
	await open?.close();
}

function readBasemap(dir: string): Map<string, string> {
	const files = new Map<string, string>();
	let names: string[] = [];
	try {
		names = readdirSync(dir);
	} catch {
		return files;
	}
	for (const name of names) {
		if (BASEMAP_FILES.includes(name)) files.set(name, readFileSync(join(dir, name), 'utf8'));
	}
	return files;
}

function loaded() {
	if (!current) throw new Error('The dataset is not loaded: initDataset() runs in hooks.server.ts');
	return current;
}

/** The published dataset. */
export function getDataset(): Dataset {
	return loaded().dataset;
}

/** The dataset version: the number of the last published revision. */
export function getDatasetVersion(): number {
	return loaded().version;
}

/** A generated basemap file (`geodata/basemap/*.geojson`) as text, or `undefined`. */
export function getBasemapFile(name: string): string | undefined {
	return loaded().basemap.get(name);
}

/** The dataset as JSON text, serialised on first use and kept until the dataset changes. */
export function getDatasetJson(): string {
	const state = loaded();
	state.json ??= JSON.stringify(state.dataset);
	return state.json;
}

/** The open store, for the revision endpoints. */
export function getStore(): Store {
	if (!store) throw new Error('The store is not open: initDataset() runs in hooks.server.ts');
	return store;
}
