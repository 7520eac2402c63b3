import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { Db } from './db';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { openPglite } from './pglite_db';
import { openPostgres } from './postgres_db';

/**
 * The engines every store test runs on: PGlite always, and the PostgreSQL server at
 * `TEST_DATABASE_URL` (a fresh database per call). Without that URL the server half is skipped,
 * said once; under `CI=true` it is a failure instead.
 */
export interface Engine {
	name: 'pglite' | 'postgres';
	/** A fresh database, migrated (by `migrations`: all of them unless said); `drop` removes it. */
	open(
		migrations?: typeof MIGRATIONS
	): Promise<{ db: Db; url?: string; drop: () => Promise<void> }>;
}

const pgliteEngine: Engine = {
	name: 'pglite',
	async open(migrations = MIGRATIONS) {
		const db = await openPglite();
		await migrate(db, migrations);
		return { db, drop: () => db.close() };
	}
};

/** A fresh empty database on the server at `baseUrl`, and how to drop it. */
export async function freshDatabase(
	baseUrl: string
): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `atlas_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			const again = postgres(baseUrl, { max: 1, onnotice: () => {} });
			await again.unsafe(`drop database if exists ${name} with (force)`);
			await again.end();
		}
	};
}

const postgresEngine = (baseUrl: string): Engine => ({
	name: 'postgres',
	async open(migrations = MIGRATIONS) {
		const fresh = await freshDatabase(baseUrl);
		const db = await openPostgres(fresh.url);
		await migrate(db, migrations);
		return {
			db,
			url: fresh.url,
			drop: async () => {
				await db.close();
				await fresh.drop();
			}
		};
	}
});

let said = false;

/** The engines to run on here; prints once when the PostgreSQL half is skipped. */
export function engines(env: Record<string, string | undefined> = process.env): Engine[] {
	if (env.TEST_DATABASE_URL) return [pgliteEngine, postgresEngine(env.TEST_DATABASE_URL)];
	if (env.CI === 'true') {
		throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL half cannot run');
	}
	if (!said) {
		said = true;
		console.log('store tests: TEST_DATABASE_URL not set, skipped the PostgreSQL half');
	}
	return [pgliteEngine];
}
