import { loadMessages } from '$lib/i18n';
import type { PageLoad } from './$types';

/** The page's UI strings load before it renders, on the server and in the browser alike. */
export const load: PageLoad = async ({ data }) => {
	await loadMessages(data.lang);
	return data;
};
