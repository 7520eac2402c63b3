import { browser } from '$app/environment';
import { error } from '@sveltejs/kit';
import type { Dataset } from '$lib/data/schema';
import { isLang, loadMessages } from '$lib/i18n';
import type { PageLoad } from './$types';

/** The dashboard runs in the browser only: the map, the URL state and 100,000 incidents live there. */
export const ssr = false;

/**
 * The timeline (with d3's time scales) is a chunk of its own, so it adds nothing to the JS loaded
 * before the data is asked for. Its download starts when this module runs, while the router still
 * waits for the layout's server data, not when `load` runs after it: the dataset is preloaded by
 * the page's `<head>` (`src/lib/server/preload.ts`), and this chunk would otherwise be the last
 * thing the page waits for (issue 16). The copy with a no-op handler keeps a failed download from
 * being reported as unhandled before `load` awaits it (which then fails the navigation as before).
 */
const timelineModule = browser ? import('./Timeline.svelte') : null;
timelineModule?.catch(() => {});

/**
 * The validated dataset the server holds (`/data/dataset.json`); never re-validated here. The UI
 * strings of `?lang` load alongside, so the first render is already in that language.
 */
export const load: PageLoad = async ({ fetch, url, untrack }) => {
	const lang = untrack(() => url.searchParams.get('lang'));
	const [response, timeline] = await Promise.all([
		fetch('/data/dataset.json'),
		timelineModule ?? import('./Timeline.svelte'),
		// Should they fail to load, the page shows English rather than an error.
		isLang(lang) ? loadMessages(lang).catch(() => undefined) : undefined
	]);
	if (!response.ok) {
		error(
			response.status,
			`GET /data/dataset.json answered ${response.status} ${response.statusText}`
		);
	}
	const dataset = (await response.json()) as Dataset;
	return { dataset, Timeline: timeline.default };
};
