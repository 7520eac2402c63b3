import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { requireEditor } from '$lib/server/auth/require_editor';
import { IMPORT_BODY_LIMIT } from '$lib/server/body_limit';
import type { PageServerLoad } from './$types';

/** Importing a file: for signed-in editors only (a reader is sent to sign in). */
export const load: PageServerLoad = ({ locals, url, setHeaders }) => {
	requireEditor(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const lang = url.searchParams.get('lang');
	return { lang: isLang(lang) ? lang : DEFAULT_LANG, limit: IMPORT_BODY_LIMIT };
};
