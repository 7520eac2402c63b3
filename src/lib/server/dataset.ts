import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASEMAP_FILES, type Dataset } from '$lib/data/schema';
import { datasetDir, loadDataset } from './load';

/**
 * The dataset the server serves: read and validated once, at start (`hooks.server.ts`), and
 * read-only afterwards. It is process-wide on purpose: every request sees the same files.
 */
let current: {
	dataset: Dataset;
	basemap: Map<string, string>;
	dir: string;
	json?: string;
} | null = null;

/** Loads `GEODATA_DIR` (or `geodata/`); throws a `DatasetError` if it does not validate. */
export function initDataset(env: Record<string, string | undefined> = process.env): Dataset {
	const dir = datasetDir(env);
	const dataset = loadDataset(dir);
	current = { dataset, basemap: readBasemap(join(dir, 'basemap')), dir };
	return dataset;
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
	if (!current) initDataset();
	return current!;
}

/** The validated dataset. Loads it on first use where the start hook has not run (e.g. `vite dev`). */
export function getDataset(): Dataset {
	return loaded().dataset;
}

/** A generated basemap file (`geodata/basemap/*.geojson`) as text, or `undefined`. */
export function getBasemapFile(name: string): string | undefined {
	return loaded().basemap.get(name);
}

/** The dataset as JSON text, serialised on first use and kept: every dashboard load gets the same bytes. */
export function getDatasetJson(): string {
	const state = loaded();
	state.json ??= JSON.stringify(state.dataset);
	return state.json;
}
