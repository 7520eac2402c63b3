import type { ClientInit } from '@sveltejs/kit';
import { fetchDatasetEarly } from '$lib/data/early_dataset';

/** Runs once as the app starts, before the first page's data is asked for. */
export const init: ClientInit = () => {
	fetchDatasetEarly(location.pathname);
};
