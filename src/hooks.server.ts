import type { Handle, ServerInit } from '@sveltejs/kit';
import { malformedPathResponse } from '$lib/server/api/malformed';
import { preflightResponse, withCors } from '$lib/server/cors';
import { initDataset } from '$lib/server/dataset';

/** Reads and validates the dataset before the server answers anything: an invalid dataset is never served. */
export const init: ServerInit = () => {
	try {
		initDataset();
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		console.error('Incident Atlas: refusing to start with an invalid dataset.');
		process.exit(1);
	}
};

/**
 * `/api` and `/ogc` answer JSON even when the path cannot be decoded (SvelteKit cannot route it).
 * Pages get `<html lang>` from the `lang` query parameter, so a Vietnamese page says so to
 * screen readers before any script runs. `/api`, `/ogc` and `/data` are readable from any origin
 * (GET, HEAD and their preflight), never writable.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const early = preflightResponse(request.method, url) ?? malformedPathResponse(url);
	const response =
		early ??
		(await resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%lang%', url.searchParams.get('lang') === 'vi' ? 'vi' : 'en')
		}));
	return withCors(request.method, url, response);
};
