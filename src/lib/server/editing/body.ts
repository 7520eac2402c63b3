import { errorResponse, type HttpResponse } from '../ogc/response';

/**
 * The largest JSON body the editing API reads: 1 MB. The server's own `BODY_SIZE_LIMIT` must be
 * at least this (`scripts/start.js` sets it), or bodies between the two are refused before here.
 */
export const MAX_JSON_BYTES = 1024 * 1024;

/** `application/json` and its `+json` relatives (`application/geo+json`), any parameters. */
export function isJsonType(header: string | null): boolean {
	const mime = (header ?? '').split(';')[0].trim().toLowerCase();
	return mime === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(mime);
}

const tooLarge = () =>
	errorResponse(413, 'PayloadTooLarge', `The JSON body is larger than ${MAX_JSON_BYTES} bytes`);

/**
 * Reads a request's JSON body: `415` unless it says it is JSON, `413` over `limit` bytes (from
 * `Content-Length` before anything is read, and by counting while reading a chunked body, which
 * is cancelled at the limit), `400` when it is not UTF-8 JSON.
 */
export async function readJsonBody(
	request: Request,
	limit = MAX_JSON_BYTES
): Promise<{ ok: true; value: unknown } | { ok: false; response: HttpResponse }> {
	if (!isJsonType(request.headers.get('content-type'))) {
		return {
			ok: false,
			response: errorResponse(
				415,
				'UnsupportedMediaType',
				'Send the body as JSON: Content-Type: application/json (or application/geo+json)'
			)
		};
	}
	const length = Number(request.headers.get('content-length') ?? NaN);
	if (length > limit) return { ok: false, response: tooLarge() };
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.body.getReader();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				size += value.byteLength;
				if (size > limit) {
					await reader.cancel().catch(() => {});
					return { ok: false, response: tooLarge() };
				}
				chunks.push(value);
			}
		} catch (error) {
			if ((error as { status?: number }).status === 413) return { ok: false, response: tooLarge() };
			return {
				ok: false,
				response: errorResponse(400, 'InvalidParameterValue', 'The body could not be read')
			};
		}
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size));
	} catch {
		return {
			ok: false,
			response: errorResponse(400, 'InvalidParameterValue', 'The body is not valid UTF-8')
		};
	}
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return {
			ok: false,
			response: errorResponse(
				400,
				'InvalidParameterValue',
				`The body is not valid JSON: ${(error as Error).message.slice(0, 200)}`
			)
		};
	}
}
