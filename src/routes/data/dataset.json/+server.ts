import { getDatasetJson } from '$lib/server/dataset';
import { ifNoneMatchMatches, strongEtag } from '$lib/server/etag';

let cached: { json: string; bytes: Uint8Array<ArrayBuffer>; etag: string } | null = null;

/** The dataset's bytes and their ETag, made once per served dataset (it never changes at runtime). */
function body() {
	const json = getDatasetJson();
	if (cached?.json !== json) {
		const bytes = new TextEncoder().encode(json);
		cached = { json, bytes, etag: strongEtag(bytes) };
	}
	return cached;
}

/**
 * The whole validated dataset, as the dashboard (and its export worker) loads it. `no-cache` makes
 * browsers revalidate every time, so a changed dataset is never served stale; the ETag makes that
 * revalidation a 304 without a body while it has not changed.
 */
export function GET({ request }: { request: Request }) {
	const { bytes, etag } = body();
	const headers = { etag, 'cache-control': 'no-cache' };
	if (ifNoneMatchMatches(request.headers.get('if-none-match'), etag))
		return new Response(null, { status: 304, headers });
	return new Response(bytes, {
		headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }
	});
}
