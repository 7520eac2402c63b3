import { redirect } from '@sveltejs/kit';
import { kindOfCollection } from '$lib/server/editing/policy';
import { historyPage, restoreFromForm } from '$lib/server/editing/history_page';
import { mayReview } from '$lib/server/editing/review_access';
import type { Actions, PageServerLoad } from './$types';

/**
 * The history of a source, statement, place or layer (an incident's is `/incidents/<id>/history`,
 * beside its permalink: it is sent there).
 */
export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	if (params.collection === 'incidents')
		redirect(308, `/incidents/${encodeURIComponent(params.id)}/history${url.search}`);
	const kind = kindOfCollection(params.collection);
	return {
		...(await historyPage(kind, params.id, { url, user: locals.user, setHeaders })),
		collection: params.collection,
		mayReview: locals.user ? mayReview(locals.user.role) : false
	};
};

export const actions: Actions = {
	restore: ({ request, locals, params }) =>
		restoreFromForm(kindOfCollection(params.collection), params.id, {
			request,
			user: locals.user
		})
};
