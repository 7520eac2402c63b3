import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
	RECORD_CHECK_ROLE,
	checkRecordText,
	type RecordCheckReply,
	type RecordCheckRequest
} from './read_check';

/**
 * The checking thread of read_check.ts. Imported by the main thread only for its URL, so that
 * the build emits it as a chunk of its own; run as a worker thread, it checks each text it is sent.
 */
export const READ_CHECK_WORKER_URL = import.meta.url;

if (!isMainThread && parentPort && workerData?.role === RECORD_CHECK_ROLE) {
	const port = parentPort;
	port.on('message', ({ n, kind, text }: RecordCheckRequest) => {
		port.postMessage({ n, ...checkRecordText(kind, text) } satisfies RecordCheckReply);
	});
}
