/** A response as plain data, so the OGC and API logic can be tested without a server. */
export interface HttpResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
	/**
	 * The body as UTF-8 byte ranges to send one after another, when it was assembled from stored
	 * bytes; `body` then decodes them on first read.
	 */
	parts?: Uint8Array[];
}

export const JSON_TYPE = 'application/json';
export const GEOJSON_TYPE = 'application/geo+json';
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

const COMMON = { 'access-control-allow-origin': '*', vary: 'Accept' };

export function textResponse(status: number, type: string, body: string): HttpResponse {
	return { status, headers: { 'content-type': type, ...COMMON }, body };
}

/** Below this size, parts are joined and sent as one write. */
const JOIN_BELOW = 64 * 1024;

/**
 * A response whose body is UTF-8 bytes already (a page of stored feature JSON). They go to the
 * socket as they are, without a copy, a string check or an encoding: each of those costs time
 * and memory (and garbage collection) in proportion to the page.
 */
export function bytesResponse(status: number, type: string, parts: Uint8Array[]): HttpResponse {
	let size = 0;
	for (const part of parts) size += part.byteLength;
	const sent = size < JOIN_BELOW && parts.length > 1 ? [Buffer.concat(parts, size)] : parts;
	let text: string | undefined;
	return {
		status,
		headers: { 'content-type': type, ...COMMON },
		parts: sent,
		get body() {
			text ??= Buffer.concat(sent, size).toString('utf8');
			return text;
		}
	};
}

export function jsonResponse(status: number, value: unknown, type = JSON_TYPE): HttpResponse {
	return textResponse(status, type, JSON.stringify(value));
}

/** An error as OGC API – Features shows it: `{ code, description }` with the HTTP status. */
export function errorResponse(status: number, code: string, description: string): HttpResponse {
	return jsonResponse(status, { code, description });
}

export function badRequest(description: string): HttpResponse {
	return errorResponse(400, 'InvalidParameterValue', description);
}

export function notFound(description: string): HttpResponse {
	return errorResponse(404, 'NotFound', description);
}

/** The response when a handler throws: logged server-side, a generic JSON 500 to the client. */
export function serverError(error: unknown): HttpResponse {
	console.error(error);
	return errorResponse(500, 'ServerError', 'The server failed to answer this request.');
}

/** The web `Response` for a route to return. */
export function toResponse(response: HttpResponse): Response {
	const { parts } = response;
	const body = parts
		? new ReadableStream<Uint8Array>({
				start(controller) {
					for (const part of parts) controller.enqueue(part);
					controller.close();
				}
			})
		: response.body;
	return new Response(body, { status: response.status, headers: response.headers });
}
