import { badRequest, toResponse } from '../ogc/response';

/**
 * A JSON 400 for a request to `/api` or `/ogc` whose path is not valid percent-encoding (such as
 * `/ogc/collections/%E0%A4%A`). SvelteKit cannot route such a path, so without this the client
 * would get an HTML error page instead of the JSON error these APIs promise.
 */
export function malformedPathResponse(url: URL): Response | null {
	const path = url.pathname;
	if (!/^\/(api|ogc)(\/|$)/.test(path)) return null;
	try {
		decodeURI(path);
		for (const segment of path.split('/')) decodeURIComponent(segment);
		return null;
	} catch {
		return toResponse(
			badRequest(`The path ${JSON.stringify(path.slice(0, 200))} is not valid percent-encoding`)
		);
	}
}
