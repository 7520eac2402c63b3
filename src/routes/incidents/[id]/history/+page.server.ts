import { historyPage, restoreFromForm } from '$lib/server/editing/history_page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals, setHeaders }) =>
	historyPage('incident', params.id, { url, user: locals.user, setHeaders });

export const actions: Actions = {
	restore: ({ request, locals, params }) =>
		restoreFromForm('incident', params.id, { request, user: locals.user })
};
