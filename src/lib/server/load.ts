import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Dataset } from '../data/schema';
import { validateBasemap, validateDataset, type ReadFile } from '../data/validate';

/** Thrown when the dataset directory does not validate; the message lists every error, one per line. */
export class DatasetError extends Error {
	constructor(readonly errors: string[]) {
		super(`Invalid dataset:\n${errors.join('\n')}`);
		this.name = 'DatasetError';
	}
}

/** The dataset directory: `GEODATA_DIR`, else `geodata/` in the working directory. */
export function datasetDir(env: Record<string, string | undefined> = process.env): string {
	return resolve(env.GEODATA_DIR || 'geodata');
}

/** How error lines name a dataset directory: relative to the working directory where it is inside it. */
function prefixOf(dir: string): string {
	const shown = relative(process.cwd(), dir) || '.';
	return shown.startsWith('..') ? `${dir}/` : `${shown}/`;
}

/** Reads a dataset directory: a missing file is `undefined`, a missing folder lists nothing. */
export function reader(dir: string): ReadFile {
	const read = (path: string) => {
		try {
			return readFileSync(join(dir, path), 'utf8');
		} catch {
			return undefined;
		}
	};
	const list = (sub: string) => {
		try {
			return readdirSync(join(dir, sub)).map((name) => `${sub}/${name}`);
		} catch {
			return [];
		}
	};
	return Object.assign(read, { list });
}

/** Reads and validates a dataset directory; throws a {@link DatasetError} listing every problem. */
export function loadDataset(dir: string): Dataset {
	const { dataset, errors } = validateDataset(reader(dir), prefixOf(dir));
	if (!dataset) throw new DatasetError(errors);
	return dataset;
}

/**
 * Validates only the basemap of a dataset directory (a store that is already seeded still serves
 * its basemap from files); throws a {@link DatasetError} listing every problem.
 */
export function checkBasemapDir(dir: string): void {
	const errors = validateBasemap(reader(dir), prefixOf(dir));
	if (errors.length > 0) throw new DatasetError(errors);
}
