import { StoreError } from '../src/lib/server/db/db';
import { openStore, type Store } from '../src/lib/server/db/store';
import type { PgliteOptions } from '../src/lib/server/db/pglite_db';
import { DatasetError } from '../src/lib/server/load';

/**
 * Runs a store command line: opens the store the environment names (the embedded one only when no
 * server holds its lock), runs `fn`, closes it; known failures are printed as their lines, exit 1.
 * `options` are the embedded database's (see {@link PgliteOptions}).
 */
export async function runWithStore(
	name: string,
	fn: (store: Store) => Promise<void>,
	options: Pick<PgliteOptions, 'sharedBuffers'> = {}
) {
	let store: Store | null = null;
	try {
		store = await openStore(process.env, options);
		await fn(store);
	} catch (error) {
		if (error instanceof DatasetError) {
			for (const line of error.errors) console.error(line);
			console.error(`${name}: ${error.errors.length} error(s); the database is unchanged`);
		} else if (error instanceof StoreError) {
			console.error(error.message);
		} else {
			console.error(`${name}:`, error);
		}
		process.exitCode = 1;
	} finally {
		await store?.close();
	}
}

/** The one positional argument a store command needs, or a usage line and exit 2. */
export function argument(usage: string): string {
	const value = process.argv[2];
	if (!value || value.startsWith('-')) {
		console.error(`usage: ${usage}`);
		process.exit(2);
	}
	return value;
}
