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
 * Exports the page can ask for, all run by the export worker (`export_worker.ts`): `run` sends the
 * features and their context (one incident); `runRows` sends only row numbers into the dataset at
 * `url`, which the worker loads itself, so "everything shown" costs the page an Int32Array
 * whatever the count. There is no second way: the page never serialises an export itself
 * (issue 11: one export pipeline; `bench/RESULTS.md`, "Export pipelines compared").
 */
export interface Exporter {
	/** Starts the worker and its load of the dataset at `url`, ahead of the first `runRows`. */
	preload(url: string): void;
	run(request: ExportRequest): Promise<ExportFile>;
	/**
	 * Exports `request.rows` of the dataset at `url`. Where the worker cannot load the dataset,
	 * `features` gives the same export as a full request, which the worker is sent instead. A
	 * worker whose dataset differs from the page's (see `verifyDataset`) rejects.
	 */
	runRows(url: string, request: RowsRequest, features: () => ExportRequest): Promise<ExportFile>;
	destroy(): void;
}

/** Said when no export worker can run: what failed, and where the same files are. */
export function noWorkerError(reason: string): Error {
	return new Error(
		`Exporting needs a Web Worker, which this browser could not run (${reason}). ` +
			'The same files are served at /api/incidents.geojson, /api/incidents.csv and /api/incidents.kml.'
	);
}

function defaultWorker(): Worker {
	return new Worker(new URL('./export_worker.ts', import.meta.url), { type: 'module' });
}

function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Runs exports in a module Web Worker so serialising thousands of incidents never blocks the page.
 * The worker starts on first use and stays for later exports. Where no worker can be made, or it
 * fails to load, exports reject with {@link noWorkerError}.
 */
export function createExporter(options: ExporterOptions = {}): Exporter {
	let worker: Worker | null = null;
	let failure: string | null = null;
	let nextId = 1;
	const pending = new Map<
		number,
		{
			features?: () => ExportRequest;
			resolve: (f: ExportFile) => void;
			reject: (e: Error) => void;
		}
	>();

	const ensureWorker = (): Worker | null => {
		if (worker || failure !== null) return worker;
		try {
			worker = (options.createWorker ?? defaultWorker)();
		} catch (error) {
			failure = reasonOf(error);
			return null;
		}
		worker.onmessage = (event: MessageEvent<WorkerReply>) => {
			const reply = event.data;
			const entry = pending.get(reply.id);
			if (!entry) return;
			pending.delete(reply.id);
			if (reply.ok) entry.resolve({ blob: reply.blob, fileName: reply.fileName });
			else if (reply.unavailable && entry.features) {
				// The worker could not load the dataset: send it the incidents themselves.
				const features = entry.features;
				new Promise<ExportRequest>((res) => res(features()))
					.then(runFeatures)
					.then(entry.resolve, entry.reject);
			} else entry.reject(new Error(reply.error));
		};
		// The worker could not load or crashed: what was asked fails, and says why.
		worker.onerror = (event: ErrorEvent) => {
			worker?.terminate();
			worker = null;
			failure = event.message || 'the export worker failed to load';
			for (const entry of pending.values()) entry.reject(noWorkerError(failure));
			pending.clear();
		};
		return worker;
	};

	const post = (
		build: (id: number) => { message: WorkerRequest; transfer?: Transferable[] },
		features?: () => ExportRequest,
		retry?: (id: number) => WorkerRequest
	): Promise<ExportFile> => {
		const w = ensureWorker();
		if (!w) return Promise.reject(noWorkerError(failure ?? 'no worker'));
		const id = nextId++;
		return new Promise<ExportFile>((resolve, reject) => {
			pending.set(id, { features, resolve, reject });
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

	function runFeatures(request: ExportRequest): Promise<ExportFile> {
		return post(
			(id) => ({ message: { kind: 'features', id, request } }),
			undefined,
			options.snapshot
				? (id) => ({ kind: 'features', id, request: options.snapshot!(request) })
				: undefined
		);
	}

	return {
		preload(url) {
			ensureWorker()?.postMessage({ kind: 'load', url } satisfies WorkerRequest);
		},
		run: runFeatures,
		runRows(url, request, features) {
			return post(
				(id) => ({
					message: { kind: 'rows', id, url, request },
					transfer: [request.rows.buffer]
				}),
				features
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
