import { join, resolve } from 'node:path';
import { StoreError, type Db } from './db';
import { acquireLock } from './lock';
import { migrate } from './migrate';
import { openPglite, type PgliteOptions } from './pglite_db';
import { openPostgres } from './postgres_db';

export interface Store {
	db: Db;
	/** Where the data lives, for messages: the data directory or the server URL without password. */
	location: string;
	close(): Promise<void>;
}

/** `DATA_DIR`, else `data/` in the working directory. */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
	return resolve(env.DATA_DIR || 'data');
}

/** The embedded database's files inside `DATA_DIR` (the lock file sits beside them). */
export function pgliteDir(env: Record<string, string | undefined> = process.env): string {
	return join(dataDir(env), 'pglite');
}

/**
 * Opens the store the environment names and brings its schema up to date: the PostgreSQL server
 * at `DATABASE_URL` if set, else the embedded database in `DATA_DIR`, locked to this process.
 * Throws a one-line {@link StoreError} when it cannot. `options` apply to the embedded database only.
 */
export async function openStore(
	env: Record<string, string | undefined> = process.env,
	options: Pick<PgliteOptions, 'sharedBuffers'> = {}
): Promise<Store> {
	if (env.DATABASE_URL) {
		const db = await openPostgres(env.DATABASE_URL);
		await migrateOrClose(db);
		return { db, location: 'DATABASE_URL', close: () => db.close() };
	}
	const dir = dataDir(env);
	const release = acquireLock(dir);
	let db: Db;
	try {
		db = await openPglite(pgliteDir(env), options);
	} catch (error) {
		release();
		throw new StoreError(`cannot open the database in ${dir}: ${String(error)}`);
	}
	try {
		await migrateOrClose(db);
	} catch (error) {
		release();
		throw error;
	}
	return {
		db,
		location: dir,
		close: async () => {
			try {
				await db.close();
			} finally {
				release();
			}
		}
	};
}

async function migrateOrClose(db: Db) {
	try {
		await migrate(db);
	} catch (error) {
		await db.close().catch(() => {});
		throw new StoreError(`cannot migrate the database: ${(error as Error).message ?? error}`);
	}
}
