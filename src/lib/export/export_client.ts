import { serialiseExport, type ExportRequest } from './serialise';
import type { WorkerReply, WorkerRequest } from './export_worker';

export interface ExportFile {
	blob: Blob;
	fileName: string;
}

export interface Exporter {
	run(request: ExportRequest): Promise<ExportFile>;
	destroy(): void;
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

function onMainThread(request: ExportRequest): Promise<ExportFile> {
	try {
		const result = serialiseExport(request);
		return Promise.resolve({
			blob: new Blob([result.text], { type: result.type }),
			fileName: result.fileName
		});
	} catch (error) {
		return Promise.reject(error instanceof Error ? error : new Error(String(error)));
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
		{ request: ExportRequest; resolve: (f: ExportFile) => void; reject: (e: Error) => void }
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
			if (reply.ok)
				entry.resolve({
					blob: new Blob([reply.bytes], { type: reply.type }),
					fileName: reply.fileName
				});
			else entry.reject(new Error(reply.error));
		};
		// The worker could not load or crashed: finish what was asked on the main thread instead.
		worker.onerror = () => {
			worker?.terminate();
			worker = null;
			failed = true;
			for (const entry of pending.values())
				onMainThread(entry.request).then(entry.resolve, entry.reject);
			pending.clear();
		};
		return worker;
	};

	return {
		run(request) {
			const w = ensureWorker();
			if (!w) return onMainThread(request);
			const id = nextId++;
			return new Promise<ExportFile>((resolve, reject) => {
				pending.set(id, { request, resolve, reject });
				const message: WorkerRequest = { id, request };
				try {
					w.postMessage(message);
				} catch {
					try {
						w.postMessage({ id, request: options.snapshot ? options.snapshot(request) : request });
					} catch (error) {
						pending.delete(id);
						reject(error instanceof Error ? error : new Error(String(error)));
					}
				}
			});
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
