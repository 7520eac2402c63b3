import type { RowsRequest, WorkerReply, WorkerRequest } from './export_worker';
import type { ExportRequest } from './serialise';

export interface ExportFile {
	blob: Blob;
	fileName: string;
}

export interface ExporterOptions {
	/**
	 * Makes a plain copy of a request that `postMessage` refused (Svelte state proxies cannot be
	 * cloned); the component passes `$state.snapshot`.
	 */
	snapshot?: (request: ExportRequest) => ExportRequest;
	/** Creates the worker; tests pass a fake. */
	createWorker?: () => Worker;
}

/**
 * Exports the page can ask for: `run` sends the features and their context (fine for a few
 * incidents); `runRows` sends only row numbers into the dataset at `url`, which the worker loads
 * itself, so "everything shown" costs the page an Int32Array whatever the count.
 */
export interface Exporter {
	/** Starts the worker and its load of the dataset at `url`, ahead of the first `runRows`. */
	preload(url: string): void;
	run(request: ExportRequest): Promise<ExportFile>;
	/**
	 * Exports `request.rows` of the dataset at `url`. `fallback` gives the same export as a full
	 * request, run on the main thread where no worker can be made or it cannot load the dataset.
	 * A worker whose dataset differs from the page's (see `verifyDataset`) rejects instead.
	 */
	runRows(url: string, request: RowsRequest, fallback: () => ExportRequest): Promise<ExportFile>;
	destroy(): void;
}

/**
 * The fallback when no worker can run. The serialisers (tokml, d3-dsv) load only then, so they
 * stay out of the page's first download: the worker has its own copy.
 */
async function onMainThread(request: ExportRequest): Promise<ExportFile> {
	try {
		const { serialiseExportParts } = await import('./serialise');
		const result = serialiseExportParts(request);
		return { blob: new Blob(result.parts, { type: result.type }), fileName: result.fileName };
	} catch (error) {
		throw error instanceof Error ? error : new Error(String(error));
	}
}

function defaultWorker(): Worker {
	return new Worker(new URL('./export_worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs exports in a module Web Worker so serialising thousands of incidents never blocks the page.
 * The worker starts on first use and stays for later exports. Where no worker can be made, or it
 * fails to load, the export runs on the main thread rather than not at all.
 */
export function createExporter(options: ExporterOptions = {}): Exporter {
	let worker: Worker | null = null;
	let failed = false;
	let nextId = 1;
	const pending = new Map<
		number,
		{ fallback: () => ExportRequest; resolve: (f: ExportFile) => void; reject: (e: Error) => void }
	>();

	const ensureWorker = (): Worker | null => {
		if (worker || failed) return worker;
		try {
			worker = (options.createWorker ?? defaultWorker)();
		} catch {
			failed = true;
			return null;
		}
		worker.onmessage = (event: MessageEvent<WorkerReply>) => {
			const reply = event.data;
			const entry = pending.get(reply.id);
			if (!entry) return;
			pending.delete(reply.id);
			if (reply.ok) entry.resolve({ blob: reply.blob, fileName: reply.fileName });
			else if (reply.unavailable)
				new Promise<ExportRequest>((res) => res(entry.fallback()))
					.then(onMainThread)
					.then(entry.resolve, entry.reject);
			else entry.reject(new Error(reply.error));
		};
		// The worker could not load or crashed: finish what was asked on the main thread instead.
		worker.onerror = () => {
			worker?.terminate();
			worker = null;
			failed = true;
			for (const entry of pending.values())
				new Promise<ExportRequest>((res) => res(entry.fallback()))
					.then(onMainThread)
					.then(entry.resolve, entry.reject);
			pending.clear();
		};
		return worker;
	};

	const post = (
		build: (id: number) => { message: WorkerRequest; transfer?: Transferable[] },
		fallback: () => ExportRequest,
		retry?: (id: number) => WorkerRequest
	): Promise<ExportFile> => {
		const w = ensureWorker();
		if (!w) return new Promise<ExportRequest>((res) => res(fallback())).then(onMainThread);
		const id = nextId++;
		return new Promise<ExportFile>((resolve, reject) => {
			pending.set(id, { fallback, resolve, reject });
			try {
				const { message, transfer } = build(id);
				w.postMessage(message, transfer ?? []);
			} catch (error) {
				try {
					if (!retry) throw error;
					w.postMessage(retry(id));
				} catch (again) {
					pending.delete(id);
					reject(again instanceof Error ? again : new Error(String(again)));
				}
			}
		});
	};

	return {
		preload(url) {
			ensureWorker()?.postMessage({ kind: 'load', url } satisfies WorkerRequest);
		},
		run(request) {
			return post(
				(id) => ({ message: { kind: 'features', id, request } }),
				() => request,
				options.snapshot
					? (id) => ({ kind: 'features', id, request: options.snapshot!(request) })
					: undefined
			);
		},
		runRows(url, request, fallback) {
			return post(
				(id) => ({
					message: { kind: 'rows', id, url, request },
					transfer: [request.rows.buffer]
				}),
				fallback
			);
		},
		destroy() {
			worker?.terminate();
			worker = null;
			for (const entry of pending.values()) entry.reject(new Error('Export cancelled'));
			pending.clear();
		}
	};
}

/** Saves a Blob under a file name through a temporary `<a download>`. */
export function downloadFile(file: ExportFile, doc: Document = document): void {
	const url = URL.createObjectURL(file.blob);
	const a = doc.createElement('a');
	a.href = url;
	a.download = file.fileName;
	a.rel = 'noopener';
	a.style.display = 'none';
	doc.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
