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

export interface PgliteOptions {
	loadDataDir?: Blob;
	/**
	 * PostgreSQL's `shared_buffers` (`16MB`), else PGlite's default (128MB). The buffers live in
	 * the process's own memory, so a one-off command that writes a lot (`npm run import`) passes a
	 * smaller value to keep its peak memory down; the server keeps the default.
	 */
	sharedBuffers?: string;
}

/** The embedded engine: PostgreSQL compiled to WebAssembly, its files in `dir` (in memory without one). */
export async function openPglite(dir?: string, options: PgliteOptions = {}): Promise<Db> {
	if (options.sharedBuffers !== undefined && !/^\d+(kB|MB|GB)$/.test(options.sharedBuffers))
		throw new Error(`openPglite: sharedBuffers "${options.sharedBuffers}" is not a size like 16MB`);
	const pg = await PGlite.create(dir, {
		loadDataDir: options.loadDataDir,
		...(options.sharedBuffers
			? {
					startParams: [
						...PGlite.defaultStartParams,
						'-c',
						`shared_buffers=${options.sharedBuffers}`
					]
				}
			: {})
	});
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
