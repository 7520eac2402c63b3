import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { requireEditor } from '$lib/server/auth/require_editor';
import { getDataset } from '$lib/server/dataset';
import { editorReference } from '../editor_data';
import type { PageServerLoad } from './$types';

/** A new incident: for signed-in editors only (a reader is sent to sign in). */
export const load: PageServerLoad = ({ locals, url }) => {
	requireEditor(locals.user, url);
	const lang = url.searchParams.get('lang');
	return {
		lang: isLang(lang) ? lang : DEFAULT_LANG,
		reference: editorReference(getDataset()),
		record: null
	};
};
