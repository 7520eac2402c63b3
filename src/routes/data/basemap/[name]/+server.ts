import { json } from '@sveltejs/kit';
import { getBasemapFile } from '$lib/server/dataset';

/** A generated basemap layer (`geodata/basemap/<name>`), read at start; 404 JSON if there is none. */
export function GET({ params }) {
	const text = getBasemapFile(params.name);
	if (text === undefined) {
		return json(
			{ code: 'NotFound', description: `no basemap file named "${params.name}"` },
			{ status: 404 }
		);
	}
	return new Response(text, {
		headers: { 'content-type': 'application/geo+json', 'cache-control': 'public, max-age=3600' }
	});
}
