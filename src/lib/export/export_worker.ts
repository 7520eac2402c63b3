import type { Dataset } from '../data/schema';
import { PreparedDataset, type RowsRequest } from './prepared_dataset';
import { serialiseExportParts, type ExportRequest } from './serialise';

export type { RowsRequest };

/**
 * `load` fetches and parses the dataset ahead of the first export; `rows` exports rows of it (and
 * loads it first if needed); `features` exports the features and context it carries.
 */
export type WorkerRequest =
	| { kind: 'load'; url: string }
	| { kind: 'rows'; id: number; url: string; request: RowsRequest }
	| { kind: 'features'; id: number; request: ExportRequest };

export type WorkerReply =
	| { id: number; ok: true; blob: Blob; fileName: string }
	/** `unavailable`: the worker could not load the dataset, so the page may export by itself. */
	| { id: number; ok: false; error: string; unavailable?: boolean };

/** The worker's global scope, typed by hand: the app's TypeScript config has the DOM lib, not WebWorker. */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
	postMessage(message: WorkerReply): void;
};

let loading: Promise<PreparedDataset> | null = null;

/**
 * Fetches and parses the dataset, then encodes every incident's GeoJSON feature at once (the
 * format with a time budget; see `PreparedDataset`), all off the page's thread.
 */
async function fetchDataset(url: string): Promise<PreparedDataset> {
	const response = await fetch(url);
	if (!response.ok)
		throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
	const prepared = new PreparedDataset((await response.json()) as Dataset);
	void prepared.features;
	return prepared;
}

/** The dataset at `url`, fetched once (a failed load is retried by the next request). */
function load(url: string): Promise<PreparedDataset> {
	if (!loading) {
		loading = fetchDataset(url);
		loading.catch(() => (loading = null));
	}
	return loading;
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

async function exportRows(id: number, url: string, request: RowsRequest): Promise<WorkerReply> {
	let prepared: PreparedDataset;
	try {
		prepared = await load(url);
	} catch (error) {
		return { id, ok: false, error: errorText(error), unavailable: true };
	}
	const result = prepared.exportRows(request);
	return {
		id,
		ok: true,
		blob: new Blob(result.parts as BlobPart[], { type: result.type }),
		fileName: result.fileName
	};
}

/**
 * Serialises exports off the main thread and answers with a Blob, which `postMessage` passes by
 * reference: the page neither serialises, copies nor encodes the file.
 */
scope.onmessage = async (event) => {
	const message = event.data;
	if (message.kind === 'load') {
		load(message.url).catch(() => {});
		return;
	}
	const { id } = message;
	try {
		if (message.kind === 'rows') {
			scope.postMessage(await exportRows(id, message.url, message.request));
		} else {
			const result = serialiseExportParts(message.request);
			scope.postMessage({
				id,
				ok: true,
				blob: new Blob(result.parts, { type: result.type }),
				fileName: result.fileName
			});
		}
	} catch (error) {
		scope.postMessage({ id, ok: false, error: errorText(error) });
	}
};
