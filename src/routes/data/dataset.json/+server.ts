import { getDatasetJson } from '$lib/server/dataset';

/** The whole validated dataset, as the dashboard loads it: serialised once, then served from memory. */
export function GET() {
	return new Response(getDatasetJson(), {
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }
	});
}
