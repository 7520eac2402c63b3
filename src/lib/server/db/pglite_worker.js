// PGlite on a thread of its own (`openPgliteThread` in pglite_db.ts starts this file and talks to it).
// Plain JavaScript, no imports but Node's: the built server runs it from its text as a `data:`
// URL, where neither relative nor bare specifiers resolve, so PGlite comes by the file URL the
// main thread found (`workerData.pglite`).
import { parentPort as maybePort, workerData } from 'node:worker_threads';

/** @typedef {import('@electric-sql/pglite').PGlite} PGlite */
/** @typedef {import('@electric-sql/pglite').Transaction} Transaction */

if (!maybePort)
	throw new Error('pglite_worker.js runs as a worker thread (pglite_db.ts starts it)');
const parentPort = maybePort;
/** @type {{ PGlite: typeof import('@electric-sql/pglite').PGlite }} */
const { PGlite } = await import(workerData.pglite);

/**
 * An error as plain data: its message, name and every own field of a primitive value (a
 * `DatabaseError`'s code, detail, constraint, table, column, severity, position, …).
 */
/** @param {unknown} error */
function plainError(error) {
	if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
	/** @type {Record<string, unknown>} */
	const fields = {};
	for (const [key, value] of Object.entries(error)) {
		if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value))
			fields[key] = value;
	}
	return { name: error.name, message: error.message, fields };
}

/** @type {PGlite} */
let pg;
try {
	const { dir, loadDataDir, sharedBuffers } = workerData.options;
	pg = await PGlite.create(dir, {
		loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined,
		...(sharedBuffers
			? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] }
			: {})
	});
	parentPort.postMessage({ type: 'ready' });
} catch (error) {
	parentPort.postMessage({ type: 'failed', error: plainError(error) });
}

/**
 * Open transactions by number: the PGlite transaction and how to end it.
 * @type {Map<number, { tx: Transaction, commit: (value?: unknown) => void, rollback: (error: Error) => void, done: Promise<unknown> }>}
 */
const transactions = new Map();
/**
 * Listeners by number: how to stop each.
 * @type {Map<number, () => Promise<void>>}
 */
const listeners = new Map();

/** @param {number | undefined} tx */
function target(tx) {
	if (tx === undefined) return pg;
	const open = transactions.get(tx);
	if (!open) throw new Error(`PGlite thread: transaction ${tx} is not open`);
	return open.tx;
}

/**
 * What each message asks for; its answer is what the handler returns.
 * @type {Record<string, (message: any) => Promise<unknown>>}
 */
const handlers = {
	async query({ sql, params, tx }) {
		return (await target(tx).query(sql, params)).rows;
	},
	async exec({ sql, tx }) {
		await target(tx).exec(sql);
	},
	begin({ tx: number }) {
		return new Promise((/** @type {(value?: unknown) => void} */ begun, failed) => {
			const done = pg.transaction(
				(tx) =>
					new Promise((commit, rollback) => {
						transactions.set(number, { tx, commit, rollback, done });
						begun();
					})
			);
			// Before the transaction began (BEGIN refused) this is the answer; after, `end` waits on it.
			done.catch(failed);
		});
	},
	async end({ tx: number, commit }) {
		const open = transactions.get(number);
		if (!open) throw new Error(`PGlite thread: transaction ${number} is not open`);
		transactions.delete(number);
		if (commit) {
			open.commit();
			await open.done;
			return;
		}
		const rolledBack = new Error('rolled back');
		open.rollback(rolledBack);
		try {
			await open.done;
		} catch (error) {
			if (error !== rolledBack) throw error;
		}
	},
	async listen({ channel, listener }) {
		const stop = await pg.listen(channel, (payload) =>
			parentPort.postMessage({ type: 'notify', listener, payload })
		);
		listeners.set(listener, stop);
	},
	async unlisten({ listener }) {
		const stop = listeners.get(listener);
		listeners.delete(listener);
		await stop?.();
	},
	async close() {
		await pg.close();
	}
};

parentPort.on('message', async (message) => {
	try {
		const result = await handlers[message.type](message);
		parentPort.postMessage({ type: 'answer', id: message.id, result });
	} catch (error) {
		parentPort.postMessage({ type: 'answer', id: message.id, error: plainError(error) });
	}
});
