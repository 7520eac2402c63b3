import type { Handle } from '@sveltejs/kit';
import { errorResponse, toResponse } from './ogc/response';

/** What any request may send, as the editing API's JSON bodies: 1 MB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** What a source snapshot may be (pasted text as JSON, or an HTML page): 5 MB. */
export const SNAPSHOT_BODY_LIMIT = 5 * 1024 * 1024;

/** What a file uploaded for import may be (`POST /api/import`): 32 MB; larger files go through `npm run import`. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

const SNAPSHOT_ROUTE = /^\/api\/sources\/[^/]+\/snapshot\/?$/;
/** The article page's actions carry an article's text or its saved page, as a snapshot does. */
const INGEST_ROUTE = /^\/edit\/ingest\/?$/;
const IMPORT_ROUTE = /^\/api\/import\/?$/;

/**
 * The largest body a request may send. The server's `BODY_SIZE_LIMIT` (`scripts/start.js`) is the
 * largest of these, since the Node adapter has one limit for every route; this hook brings every
 * other route back to {@link DEFAULT_BODY_LIMIT}.
 */
export function bodyLimitOf(method: string, pathname: string): number {
	if (method === 'PUT' && SNAPSHOT_ROUTE.test(pathname)) return SNAPSHOT_BODY_LIMIT;
	if (method === 'POST' && INGEST_ROUTE.test(pathname)) return SNAPSHOT_BODY_LIMIT;
	if (method === 'POST' && IMPORT_ROUTE.test(pathname)) return IMPORT_BODY_LIMIT;
	return DEFAULT_BODY_LIMIT;
}

export const tooLarge = (limit: number) =>
	toResponse(errorResponse(413, 'PayloadTooLarge', `The body is larger than ${limit} bytes`));

/**
 * Reads and drops the rest of a body, until its end or until the server's own limit
 * (`BODY_SIZE_LIMIT`) stops it. Cancelling instead would make the Node adapter destroy the
 * connection, and the client would see a reset instead of the 413.
 */
export async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
	try {
		while (!(await reader.read()).done);
	} catch {
		// The server's limit ended the body: nothing more to read.
	}
}

/**
 * The bytes of `body`, read until its end or until more than `limit` bytes have come (then
 * `null`, and the rest is read and dropped: see {@link drain}).
 */
export async function readUpTo(
	body: ReadableStream<Uint8Array>,
	limit: number
): Promise<Uint8Array | null> {
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return Buffer.concat(chunks, size);
		size += value.byteLength;
		if (size > limit) {
			await drain(reader);
			return null;
		}
		chunks.push(value);
	}
}

/**
 * Refuses with `413` a request whose body is over its route's limit (see {@link bodyLimitOf}):
 * from its declared `Content-Length` before anything reads it; a body without a length (chunked)
 * on a route with the default limit is read here up to that limit (413 beyond it) and handed on
 * with its length, so no route behind reads more. The snapshot and import routes count their own
 * bodies as they stream in.
 */
export const bodyLimit: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const limit = bodyLimitOf(request.method, url.pathname);
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit) return tooLarge(limit);
	if (request.body && !Number.isFinite(declared) && limit === DEFAULT_BODY_LIMIT) {
		let bytes: Uint8Array | null;
		try {
			bytes = await readUpTo(request.body, limit);
		} catch {
			bytes = null;
		}
		if (!bytes) return tooLarge(limit);
		const headers = new Headers(request.headers);
		headers.delete('transfer-encoding');
		headers.set('content-length', String(bytes.byteLength));
		event.request = new Request(request.url, {
			method: request.method,
			headers,
			body: new Blob([new Uint8Array(bytes)]),
			signal: request.signal
		});
	}
	return resolve(event);
};
