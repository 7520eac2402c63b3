import { Worker } from 'node:worker_threads';
import { recordSchemaOf } from './dataset_records';

/**
 * Checking the published records on a second thread while the first reads them (the store's read
 * at start, {@link readPublishedDataset} in records.ts): each text the store hands over (bodies
 * of one kind joined by commas) is parsed and checked here against its record schema, record by
 * record, while the reading thread parses the same text for the read model and goes on reading.
 */

/** What checking one text of records found. */
export interface RecordVerdict {
	/** Every record parsed and passed its schema. */
	valid: boolean;
	/**
	 * When valid, the records (by index in the text) whose schema gives back something else than
	 * the parsed record (a trimmed text, a dropped unknown field, fields in another order): the
	 * read model takes the schema's value for those.
	 */
	differs: number[];
}

/** Whether `a` and `b` are the same JSON value, object keys in the same order. */
export function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
		return true;
	}
	if (Array.isArray(b)) return false;
	const keysA = Object.keys(a);
	const keysB = Object.keys(b);
	if (keysA.length !== keysB.length) return false;
	for (let i = 0; i < keysA.length; i++) {
		const key = keysA[i];
		if (key !== keysB[i]) return false;
		if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
			return false;
	}
	return true;
}

/**
 * Parses `text` (the bodies of records of `kind`, joined by commas) and checks each record
 * against its schema. Invalid (any record, or the text, or a kind no file holds) says only that:
 * the caller then validates the whole dataset as a dataset directory is, for its error lines.
 */
export function checkRecordText(kind: string, text: string): RecordVerdict {
	const schema = recordSchemaOf(kind);
	if (!schema) return { valid: false, differs: [] };
	let records: unknown[];
	try {
		records = JSON.parse(`[${text}]`);
	} catch {
		return { valid: false, differs: [] };
	}
	const differs: number[] = [];
	for (let i = 0; i < records.length; i++) {
		const result = schema.safeParse(records[i]);
		if (!result.success) return { valid: false, differs: [] };
		if (!sameJson(result.data, records[i])) differs.push(i);
	}
	return { valid: true, differs };
}

/** `workerData.role` of the thread {@link RecordChecker} starts (read_check_worker.ts). */
export const RECORD_CHECK_ROLE = 'incident-atlas:record-check';

export interface RecordCheckRequest {
	n: number;
	kind: string;
	text: string;
}

export type RecordCheckReply = { n: number } & RecordVerdict;

/**
 * The checking thread, started once per process and kept for later reads (a refresh after
 * another instance's write); it keeps the process alive only while a check is pending. A thread
 * that fails (cannot start, or dies) fails every pending check with one error, and the next
 * check starts another.
 */
export class RecordChecker {
	#worker: Promise<Worker>;
	#started: Worker | null = null;
	#pending = new Map<number, { resolve: (v: RecordVerdict) => void; reject: (e: Error) => void }>();
	#next = 0;
	#failed: Error | null = null;

	constructor() {
		this.#worker = this.#start();
		// An error here reaches the checks awaiting the thread.
		this.#worker.catch(() => {});
	}

	async #start(): Promise<Worker> {
		// Imported, never spawned by path: the build emits the module as a chunk of its own and
		// the chunk says where it is (`import.meta.url`); in development it is the source file.
		const { READ_CHECK_WORKER_URL } = await import('./read_check_worker');
		const url = new URL(READ_CHECK_WORKER_URL);
		const workerData = { role: RECORD_CHECK_ROLE };
		// The build is JavaScript; the source (TypeScript: tests, `vite dev`) runs through tsx,
		// registered in the thread itself (a worker does not take `--import` from `execArgv`).
		const worker = url.pathname.endsWith('.ts')
			? new Worker(
					`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`,
					{ eval: true, workerData }
				)
			: new Worker(url, { workerData, execArgv: [] });
		worker.unref();
		this.#started = worker;
		worker.on('message', (reply: RecordCheckReply) => {
			const pending = this.#pending.get(reply.n);
			if (!pending) return;
			this.#pending.delete(reply.n);
			if (this.#pending.size === 0) worker.unref();
			pending.resolve({ valid: reply.valid, differs: reply.differs });
		});
		const fail = (error: Error) => {
			this.#failed = new Error(
				`could not check the stored records on a second thread: ${error.message}`
			);
			for (const { reject } of this.#pending.values()) reject(this.#failed);
			this.#pending.clear();
			if (shared === this) shared = null;
		};
		worker.on('error', fail);
		worker.on('exit', (code) => {
			if (!this.#failed) fail(new Error(`the thread exited (${code})`));
		});
		return worker;
	}

	/** Checks one text of records of `kind` ({@link checkRecordText}) on the checking thread. */
	check(kind: string, text: string): Promise<RecordVerdict> {
		if (this.#failed) return Promise.reject(this.#failed);
		const n = this.#next++;
		const verdict = new Promise<RecordVerdict>((resolve, reject) =>
			this.#pending.set(n, { resolve, reject })
		);
		const send = (worker: Worker) => {
			if (!this.#pending.has(n)) return;
			worker.ref();
			worker.postMessage({ n, kind, text } satisfies RecordCheckRequest);
		};
		// Sent at once when the thread is up, not a tick later: the caller goes on with other work.
		if (this.#started) {
			send(this.#started);
			return verdict;
		}
		this.#worker.then(send, (error: Error) => {
			const pending = this.#pending.get(n);
			this.#pending.delete(n);
			pending?.reject(
				new Error(`could not start the thread that checks the stored records: ${error.message}`)
			);
		});
		return verdict;
	}

	/** Stops the thread (pending checks fail). */
	async close(): Promise<void> {
		if (shared === this) shared = null;
		const worker = await this.#worker.catch(() => null);
		this.#failed ??= new Error('the record checker was closed');
		for (const { reject } of this.#pending.values()) reject(this.#failed);
		this.#pending.clear();
		await worker?.terminate();
	}
}

let shared: RecordChecker | null = null;

/** The process's checking thread, started on first use. */
export function recordChecker(): RecordChecker {
	return (shared ??= new RecordChecker());
}
