/** Paths whose GET and HEAD answers any site may read: the exports, the OGC API and the data files. */
const READ_ONLY = /^\/(api|ogc|data)(\/|$)/;

export const CORS_METHODS = 'GET, HEAD, OPTIONS';
/** Request headers another site's map or QGIS-in-the-browser may send with a read. */
export const CORS_REQUEST_HEADERS =
	'Accept, Accept-Language, Content-Language, If-Match, If-None-Match, If-Modified-Since, Range';
/** Response headers a cross-origin script may read besides the CORS-safelisted ones. */
export const CORS_EXPOSED_HEADERS = 'ETag, Link, Content-Disposition, Content-Length';

export const isReadOnlyPath = (pathname: string): boolean => READ_ONLY.test(pathname);

/**
 * The answer to a CORS preflight (`OPTIONS`) on a read-only path: 204 allowing GET and HEAD from
 * any origin. Write methods are never listed, so a browser refuses to send them cross-origin.
 * `null` for any other request.
 */
export function preflightResponse(method: string, url: URL): Response | null {
	if (method !== 'OPTIONS' || !isReadOnlyPath(url.pathname)) return null;
	return new Response(null, {
		status: 204,
		headers: {
			'access-control-allow-origin': '*',
			'access-control-allow-methods': CORS_METHODS,
			'access-control-allow-headers': CORS_REQUEST_HEADERS,
			'access-control-max-age': '86400',
			allow: CORS_METHODS
		}
	});
}

/**
 * Marks a GET or HEAD answer on a read-only path as readable from any origin (errors included, so
 * another site sees the JSON 400). Answers to other methods are left alone: no write is ever
 * allowed cross-origin.
 */
export function withCors(method: string, url: URL, response: Response): Response {
	if ((method !== 'GET' && method !== 'HEAD') || !isReadOnlyPath(url.pathname)) return response;
	try {
		response.headers.set('access-control-allow-origin', '*');
		response.headers.set('access-control-expose-headers', CORS_EXPOSED_HEADERS);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		copy.headers.set('access-control-allow-origin', '*');
		copy.headers.set('access-control-expose-headers', CORS_EXPOSED_HEADERS);
		return copy;
	}
}
