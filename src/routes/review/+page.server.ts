import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { getStore } from '$lib/server/dataset';
import { reviewQueue } from '$lib/server/db/review';
import { requireReviewer } from '$lib/server/editing/review_access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	requireReviewer(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const lang = url.searchParams.get('lang');
	return {
		lang: isLang(lang) ? lang : DEFAULT_LANG,
		queue: await reviewQueue(getStore().db)
	};
};
