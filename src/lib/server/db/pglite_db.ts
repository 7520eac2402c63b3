import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

type PGliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function queryable(target: PGliteLike): Queryable {
	return {
		async query<T>(sql: string, params?: unknown[]) {
			return (await target.query<T>(sql, params)).rows;
		},
		async exec(sql: string) {
			await target.exec(sql);
		}
	};
}

/** The embedded engine: PostgreSQL compiled to WebAssembly, its files in `dir` (in memory without one). */
export async function openPglite(dir?: string, options: { loadDataDir?: Blob } = {}): Promise<Db> {
	const pg = await PGlite.create(dir, { loadDataDir: options.loadDataDir });
	return {
		engine: 'pglite',
		...queryable(pg),
		transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
		async listen(channel, onPayload) {
			const stop = await pg.listen(channel, onPayload);
			return async () => stop();
		},
		close: () => pg.close()
	};
}

/** The embedded database's files as one gzipped tar (drafts, history and all). */
export async function dumpPglite(dir: string): Promise<Uint8Array> {
	const pg = await PGlite.create(dir);
	try {
		const blob = await pg.dumpDataDir('gzip');
		return new Uint8Array(await blob.arrayBuffer());
	} finally {
		await pg.close();
	}
}
