import { error } from '@sveltejs/kit';
import type { IncidentFeature } from '$lib/data/schema';
import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { requireEditor } from '$lib/server/auth/require_editor';
import { getDataset } from '$lib/server/dataset';
import type { Source, Statement } from '$lib/data/schema';
import {
	editorReference,
	sourceChoice,
	statementChoice,
	unlisted,
	type EditedRecord
} from '../editor_data';
import type { PageServerLoad } from './$types';

/**
 * An incident to edit, read through the editing API as a script would (the request carries the
 * session): its newest version, draft or not, with the version its `ETag` names.
 */
export const load: PageServerLoad = async ({ locals, url, params, fetch }) => {
	requireEditor(locals.user, url);
	const lang = url.searchParams.get('lang');
	const response = await fetch(`/api/incidents/${encodeURIComponent(params.id)}`);
	if (response.status === 404) error(404, 'No incident with this id');
	if (!response.ok) error(response.status, `GET /api/incidents/<id> answered ${response.status}`);
	const version = Number(/\d+/.exec(response.headers.get('etag') ?? '')?.[0]);
	const feature = (await response.json()) as IncidentFeature;
	const reference = editorReference(getDataset());
	const missing = unlisted(reference, feature);
	/** A linked record's newest version, or `null` when it is gone (the editor shows its id). */
	const newest = async <T>(collection: string, id: string): Promise<T | null> => {
		const answer = await fetch(`/api/${collection}/${encodeURIComponent(id)}`);
		return answer.ok ? ((await answer.json()) as T) : null;
	};
	const [sources, statements] = await Promise.all([
		Promise.all(missing.sources.map((id) => newest<Source>('sources', id))),
		Promise.all(missing.statements.map((id) => newest<Statement>('statements', id)))
	]);
	const record: EditedRecord = {
		feature,
		version,
		status: response.headers.get('x-record-status') ?? 'draft',
		linked: {
			sources: sources.filter((s) => s !== null).map(sourceChoice),
			statements: statements.filter((s) => s !== null).map(statementChoice)
		}
	};
	return { lang: isLang(lang) ? lang : DEFAULT_LANG, reference, record };
};
