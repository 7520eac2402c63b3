import { error } from '@sveltejs/kit';
import { DATASET_URL, takeEarlyDataset } from '$lib/data/early_dataset';
import type { Dataset } from '$lib/data/schema';
import { isLang, loadMessages } from '$lib/i18n';
import type { PageLoad } from './$types';

/** The dashboard runs in the browser only: the map, the URL state and 100,000 incidents live there. */
export const ssr = false;

/**
 * The validated dataset the server holds (`/data/dataset.json`; on the first load, the request
 * the app started as it started: `early_dataset.ts`); never re-validated here. The UI strings of
 * `?lang` load alongside, so the first render is already in that language.
 */
export const load: PageLoad = async ({ fetch, url, untrack }) => {
	const lang = untrack(() => url.searchParams.get('lang'));
	const [response, timeline] = await Promise.all([
		takeEarlyDataset() ?? fetch(DATASET_URL),
		// The timeline (with d3's time scales) is a chunk of its own, fetched alongside the data the
		// page waits for anyway, so it adds nothing to the JS loaded before the data is asked for.
		import('./Timeline.svelte'),
		// Should they fail to load, the page shows English rather than an error.
		isLang(lang) ? loadMessages(lang).catch(() => undefined) : undefined
	]);
	if (!response.ok) {
		error(response.status, `GET ${DATASET_URL} answered ${response.status} ${response.statusText}`);
	}
	const dataset = (await response.json()) as Dataset;
	return { dataset, Timeline: timeline.default };
};
