import { error, fail } from '@sveltejs/kit';
import { diffRecords, fieldsOf } from '$lib/editing/diff';
import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { authorOf } from '$lib/server/auth/user';
import { awaitDatasetVersion, getStore } from '$lib/server/dataset';
import {
	NoSuchRecord,
	PublishRefused,
	StaleVersion,
	StatusRefused,
	changeStatus,
	readLatest,
	readPublished
} from '$lib/server/db/editing';
import { recordHistory } from '$lib/server/db/review';
import { kindOfCollection, type TargetStatus } from '$lib/server/editing/policy';
import { requireReviewer } from '$lib/server/editing/review_access';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params, setHeaders }) => {
	requireReviewer(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const { db } = getStore();
	const kind = kindOfCollection(params.collection);
	const latest = await readLatest(db, kind, params.id);
	if (!latest) error(404, `No ${kind} "${params.id.slice(0, 120)}"`);
	const published = await readPublished(db, kind, params.id);
	const history = await recordHistory(db, kind, params.id, { publicOnly: false });
	const lang = url.searchParams.get('lang');
	return {
		lang: isLang(lang) ? lang : DEFAULT_LANG,
		collection: params.collection,
		id: params.id,
		version: latest.version,
		status: latest.status,
		fields: fieldsOf(latest.body),
		publishedVersion: published?.version ?? null,
		changes: published ? diffRecords(published.body, latest.body) : null,
		submitted: history.findLast((h) => h.version === latest.version && h.status === 'in_review')
	};
};

/**
 * Publish, send back or retract, as `POST /api/<collection>/<id>/status` does: the same store call and
 * policy, for the version the reviewer read (`version`; a newer one is 409, never published
 * unseen). A refused move answers with the policy's status and message, the form kept.
 */
async function move(event: RequestEvent, to: TargetStatus) {
	const { locals, params, request } = event;
	const form = await request.formData();
	const reason = String(form.get('reason') ?? '').slice(0, 2000);
	if (!locals.user) return fail(401, { error: 'Sign in to review', reason, action: to });
	const version = Number(form.get('version'));
	if (!Number.isInteger(version) || version < 1)
		return fail(400, {
			error: 'version must be the version number you reviewed',
			reason,
			action: to
		});
	try {
		const done = await changeStatus(
			getStore().db,
			kindOfCollection(params.collection),
			params.id,
			to,
			locals.user.role,
			{ author: authorOf(locals.user), reason },
			version
		);
		if (done.datasetVersion !== undefined) await awaitDatasetVersion(done.datasetVersion);
		return { done: to, alsoPublished: done.alsoPublished };
	} catch (e) {
		if (e instanceof StatusRefused)
			return fail(e.refusal.status, { error: e.refusal.message, reason, action: to });
		if (e instanceof StaleVersion)
			return fail(409, {
				error: `${e.message}: read the newest version before you decide`,
				reason,
				action: to
			});
		if (e instanceof PublishRefused) return fail(409, { error: e.message, reason, action: to });
		if (e instanceof NoSuchRecord) return fail(404, { error: e.message, reason, action: to });
		throw e;
	}
}

export const actions: Actions = {
	publish: (event) => move(event, 'published'),
	sendBack: (event) => move(event, 'draft'),
	/** Withdraws the published version (a reason is required); its permalink then says so. */
	retract: (event) => move(event, 'retracted')
};
