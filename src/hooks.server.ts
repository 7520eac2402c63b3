import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { malformedPathResponse } from '$lib/server/api/malformed';
import { createAuthHandle } from '$lib/server/auth/hook';
import { bodyLimit } from '$lib/server/body_limit';
import { preflightResponse, withCors } from '$lib/server/cors';
import { closeDataset, getDatasetVersion, getStore, initDataset } from '$lib/server/dataset';
import { StoreError } from '$lib/server/db/db';
import { createPageCacheHandle } from '$lib/server/page_cache';
import { preloadFor } from '$lib/server/preload';
import { securityHeaders } from '$lib/server/security_headers';

/**
 * Opens the store and builds the read model before the server answers anything: an invalid seed
 * dataset is never served, and a store that cannot be opened is one line and exit code 1.
 */
export const init: ServerInit = async () => {
	try {
		await initDataset();
	} catch (error) {
		if (error instanceof StoreError) {
			console.error(error.message);
		} else {
			console.error(error instanceof Error ? error.message : error);
			console.error('Incident Atlas: refusing to start with an invalid dataset.');
		}
		process.exit(1);
	}
	process.once('sveltekit:shutdown', () => void closeDataset());
};

/**
 * `/api` and `/ogc` answer JSON even when the path cannot be decoded (SvelteKit cannot route it).
 * Pages get `<html lang>` from the `lang` query parameter, so a Vietnamese page says so to
 * screen readers before any script runs. `/api`, `/ogc` and `/data` are readable from any origin
 * (GET, HEAD and their preflight), never writable.
 */
const routing: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const early = preflightResponse(request.method, url) ?? malformedPathResponse(url);
	const lang = url.searchParams.get('lang') === 'vi' ? 'vi' : 'en';
	const response =
		early ??
		(await resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', lang),
			preload: preloadFor(event.route.id, lang)
		}));
	return withCors(request.method, url, response);
};

/**
 * Security headers wrap everything (the auth hook's own 401 and 403 included); the auth hook runs
 * inside the routing one, so malformed paths and CORS preflights never touch the store and its
 * 401s are readable cross-origin like every other `/api` answer. The shared incident page is
 * answered from the page cache for anyone not signed in (after the auth hook, which says who is;
 * see page_cache.ts). The body limit comes last: 1 MB for every route but the source snapshot's
 * 5 MB (the server's own limit is the larger one).
 */
export const handle: Handle = sequence(
	securityHeaders,
	routing,
	createAuthHandle(() => getStore().db),
	createPageCacheHandle({ routes: ['/incidents/[id]'], version: getDatasetVersion }),
	bodyLimit
);
