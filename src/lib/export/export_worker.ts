import { serialiseExport, type ExportRequest } from './serialise';

export interface WorkerRequest {
	id: number;
	request: ExportRequest;
}

export type WorkerReply =
	| { id: number; ok: true; bytes: ArrayBuffer; type: string; fileName: string }
	| { id: number; ok: false; error: string };

/** The worker's global scope, typed by hand: the app's TypeScript config has the DOM lib, not WebWorker. */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
	postMessage(message: WorkerReply, transfer?: Transferable[]): void;
};

/**
 * Serialises exports off the main thread. The text comes back UTF-8 encoded in a transferred
 * ArrayBuffer, so the page neither serialises nor copies it.
 */
scope.onmessage = (event) => {
	const { id, request } = event.data;
	try {
		const result = serialiseExport(request);
		const bytes = new TextEncoder().encode(result.text).buffer as ArrayBuffer;
		scope.postMessage({ id, ok: true, bytes, type: result.type, fileName: result.fileName }, [
			bytes
		]);
	} catch (error) {
		scope.postMessage({
			id,
			ok: false,
			error: error instanceof Error ? error.message : String(error)
		});
	}
};
