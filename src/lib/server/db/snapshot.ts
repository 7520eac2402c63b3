import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadDataset } from '../load';
import type { Db } from './db';
import { datasetToFiles } from './dataset_records';
import { applyDataset, readPublishedDataset, type ApplyReport } from './records';

/**
 * `db:import`: validates `dir` exactly as `check:data` does (throws a `DatasetError` listing every
 * problem before anything is written) and applies it in one transaction as published revisions.
 */
export async function importDir(
	db: Db,
	dir: string,
	author = 'cli:db:import'
): Promise<ApplyReport> {
	const dataset = loadDataset(dir);
	return applyDataset(db, dataset, { author, reason: `import from ${dir}` });
}

/** `db:export`: the published records written to `dir` in the `geodata/` format. */
export async function exportDir(
	db: Db,
	dir: string
): Promise<{ version: number; files: string[] }> {
	const { dataset, version } = await readPublishedDataset(db);
	const files = datasetToFiles(dataset);
	for (const [path, text] of files) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return { version, files: [...files.keys()] };
}
