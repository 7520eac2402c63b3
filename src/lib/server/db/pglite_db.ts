import { PGlite } from '@electric-sql/pglite';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db, Queryable } from './db';

export interface PgliteOptions {
	loadDataDir?: Blob;
	/**
	 * PostgreSQL's `shared_buffers` (`16MB`), else PGlite's default (128MB). The buffers live in
	 * the process's own memory, so a one-off command that writes a lot (`npm run import`) passes a
	 * smaller value to keep its peak memory down; the server keeps the default.
	 */
	sharedBuffers?: string;
}

/**
 * The embedded engine: PostgreSQL compiled to WebAssembly, its files in `dir` (in memory without
 * one). It runs on a worker thread of its own, so its WebAssembly work overlaps this thread's: the
 * server's start reads the published records there while this thread parses and checks each text
 * as it arrives.
 */
export async function openPglite(dir?: string, options: PgliteOptions = {}): Promise<Db> {
	if (options.sharedBuffers !== undefined && !/^\d+(kB|MB|GB)$/.test(options.sharedBuffers))
		throw new Error(`openPglite: sharedBuffers "${options.sharedBuffers}" is not a size like 16MB`);
	return openPgliteThread(dir, options);
}

/**
 * `pglite_worker.js`'s text, put here by the build (vite.config.ts): the built server is bundled,
 * so no file sits next to its chunk. Undefined when running from source (tsx).
 */
declare const __PGLITE_WORKER__: string | undefined;

/** The worker's code: its text in the built server, else the file beside this one. */
function workerUrl(): URL {
	if (typeof __PGLITE_WORKER__ === 'string')
		return new URL(`data:text/javascript,${encodeURIComponent(__PGLITE_WORKER__)}`);
	return new URL('./pglite_worker.js', import.meta.url);
}

/** PGlite's ES module entry as a file URL, for the worker (its code cannot resolve a package name). */
function pgliteUrl(): string {
	const entry = join(
		dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')),
		'index.js'
	);
	if (!existsSync(entry)) throw new Error(`openPglite: PGlite's module ${entry} is missing`);
	return pathToFileURL(entry).href;
}

/** An error the worker sent as data, rebuilt with its message, name and fields (`code`, …). */
interface PlainError {
	name: string;
	message: string;
	fields: Record<string, unknown>;
}

function rebuild(plain: PlainError): Error {
	const error = new Error(plain.message);
	Object.assign(error, plain.fields);
	error.name = plain.name;
	return error;
}

type FromWorker =
	| { type: 'ready' }
	| { type: 'failed'; error: PlainError }
	| { type: 'notify'; listener: number; payload: string }
	| { type: 'answer'; id: number; result?: unknown; error?: PlainError };

/**
 * PGlite on a worker thread (pglite_worker.js), every call a message answered by number. The
 * thread itself is there for tests that stop it; a thread that stops rejects every pending call.
 */
export async function openPgliteThread(
	dir: string | undefined,
	options: PgliteOptions = {}
): Promise<Db & { readonly worker: Worker }> {
	const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
	const worker = new Worker(workerUrl(), {
		workerData: {
			pglite: pgliteUrl(),
			options: { dir, loadDataDir, sharedBuffers: options.sharedBuffers }
		},
		transferList: loadDataDir ? [loadDataDir] : []
	});
	const pending = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (e: Error) => void }
	>();
	const listeners = new Map<number, (payload: string) => void>();
	let next = 0;
	/** Why the thread cannot answer any more, once it cannot. */
	let gone: Error | null = null;
	let ready: { resolve: () => void; reject: (e: Error) => void } | null = null;
	const started = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));

	/** Keeps the process alive while an answer is awaited, and only then (as PGlite in-thread). */
	const keepAlive = () => (pending.size > 0 || ready ? worker.ref() : worker.unref());

	const stop = (error: Error) => {
		gone ??= error;
		ready?.reject(gone);
		ready = null;
		for (const call of pending.values()) call.reject(gone);
		pending.clear();
		listeners.clear();
	};
	worker.on('message', (message: FromWorker) => {
		if (message.type === 'ready') {
			ready?.resolve();
			ready = null;
		} else if (message.type === 'failed') {
			ready?.reject(rebuild(message.error));
			ready = null;
			void worker.terminate();
		} else if (message.type === 'notify') {
			listeners.get(message.listener)?.(message.payload);
		} else {
			const call = pending.get(message.id);
			pending.delete(message.id);
			if (message.error) call?.reject(rebuild(message.error));
			else call?.resolve(message.result);
		}
		keepAlive();
	});
	worker.on('error', (error) =>
		stop(new Error(`PGlite's thread failed: ${error.message}`, { cause: error }))
	);
	worker.on('exit', (code) =>
		stop(new Error(`PGlite's thread stopped (exit code ${code}) before it answered`))
	);
	await started;
	keepAlive();

	const call = <T>(type: string, message: Record<string, unknown> = {}) =>
		new Promise<T>((resolve, reject) => {
			if (gone) return reject(gone);
			const id = next++;
			try {
				worker.postMessage({ type, id, ...message });
			} catch (error) {
				return reject(error as Error);
			}
			pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			keepAlive();
		});
	const queryableIn = (tx?: number): Queryable => ({
		query: (sql, params) => call('query', { sql, params, tx }),
		exec: (sql) => call('exec', { sql, tx })
	});
	let transactions = 0;
	let closing: Promise<void> | null = null;
	return {
		engine: 'pglite',
		worker,
		...queryableIn(),
		async transaction(fn) {
			const tx = ++transactions;
			await call('begin', { tx });
			let result;
			try {
				result = await fn(queryableIn(tx));
			} catch (error) {
				await call('end', { tx, commit: false }).catch(() => {});
				throw error;
			}
			await call('end', { tx, commit: true });
			return result;
		},
		async listen(channel, onPayload) {
			const listener = next++;
			listeners.set(listener, onPayload);
			try {
				await call('listen', { channel, listener });
			} catch (error) {
				listeners.delete(listener);
				throw error;
			}
			return async () => {
				if (!listeners.delete(listener) || gone) return;
				await call('unlisten', { listener });
			};
		},
		close() {
			closing ??= (async () => {
				try {
					if (!gone) await call('close');
				} finally {
					gone ??= new Error("PGlite's thread is closed");
					await worker.terminate();
				}
			})();
			return closing;
		}
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
