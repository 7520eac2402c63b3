import { error } from '@sveltejs/kit';
import type { Dataset } from '$lib/data/schema';
import type { PageLoad } from './$types';

/** The dashboard runs in the browser only: the map, the URL state and 100,000 incidents live there. */
export const ssr = false;

/** The validated dataset the server holds (`/data/dataset.json`); never re-validated here. */
export const load: PageLoad = async ({ fetch }) => {
	const response = await fetch('/data/dataset.json');
	if (!response.ok) {
		error(
			response.status,
			`GET /data/dataset.json answered ${response.status} ${response.statusText}`
		);
	}
	const dataset = (await response.json()) as Dataset;
	return { dataset };
};
