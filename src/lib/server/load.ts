import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Dataset } from '../data/schema';
import { validateDataset } from '../data/validate';

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

/** Reads and validates a dataset directory; throws a {@link DatasetError} listing every problem. */
export function loadDataset(dir: string): Dataset {
	const shown = relative(process.cwd(), dir) || '.';
	const prefix = shown.startsWith('..') ? `${dir}/` : `${shown}/`;
	const { dataset, errors } = validateDataset((path) => {
		try {
			return readFileSync(join(dir, path), 'utf8');
		} catch {
			return undefined;
		}
	}, prefix);
	if (!dataset) throw new DatasetError(errors);
	return dataset;
}
