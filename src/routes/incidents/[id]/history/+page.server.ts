import { error, fail } from '@sveltejs/kit';
import { diffRecords } from '$lib/editing/diff';
import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { authorOf } from '$lib/server/auth/user';
import { getStore } from '$lib/server/dataset';
import { InvalidRecord, NoSuchRecord, StaleVersion } from '$lib/server/db/editing';
import {
	NoSuchVersion,
	recordHistory,
	restoreVersion,
	type HistoryEntry
} from '$lib/server/db/review';
import { mayEdit, mayReadDrafts } from '$lib/server/editing/policy';
import type { Actions, PageServerLoad } from './$types';

/**
 * Who made a revision, as this reader may know it: the account's address for signed-in readers;
 * for anonymous readers only the role ("editor" when the account is gone), never the address.
 */
function authorLabel(entry: HistoryEntry, signedIn: boolean): { text: string; role: boolean } {
	if (!entry.author.startsWith('user:')) return { text: entry.author, role: false };
	if (signedIn && entry.authorEmail) return { text: entry.authorEmail, role: false };
	return { text: entry.authorRole ?? 'editor', role: true };
}

/** `?from=` / `?to=`: a version number shown on this page, or absent. */
function versionParam(url: URL, name: string, versions: Set<number>): number | null {
	const value = url.searchParams.get(name);
	if (value === null || value === '') return null;
	const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
	if (!versions.has(n))
		error(400, `${name} must be one of the versions listed (${[...versions].join(', ')})`);
	return n;
}

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	const signedIn = locals.user ? mayReadDrafts(locals.user.role) : false;
	const history = await recordHistory(getStore().db, 'incident', params.id, {
		publicOnly: !signedIn
	});
	if (history.length === 0)
		error(404, `No incident "${params.id.slice(0, 120)}" has been published`);
	setHeaders({ 'cache-control': signedIn ? 'private, no-store' : 'no-cache', vary: 'Cookie' });
	const bodies = new Map(history.map((h) => [h.version, h.body]));
	const versions = [...bodies.keys()];
	const known = new Set(versions);
	const latest = versions[versions.length - 1];
	const to = versionParam(url, 'to', known) ?? latest;
	const from = versionParam(url, 'from', known) ?? versions[Math.max(0, versions.indexOf(to) - 1)];
	const lastOfVersion = new Map(history.map((h) => [h.version, h.revision]));
	const lang = url.searchParams.get('lang');
	const body = history[history.length - 1].body as {
		properties?: { title?: Record<string, string> };
	};
	return {
		lang: isLang(lang) ? lang : DEFAULT_LANG,
		id: params.id,
		title: body.properties?.title ?? {},
		signedIn,
		mayRestore: locals.user ? mayEdit(locals.user.role) : false,
		latestVersion: latest,
		entries: history.map((h) => ({
			revision: h.revision,
			version: h.version,
			status: h.status,
			author: authorLabel(h, signedIn),
			at: h.at,
			reason: h.reason,
			restorable: lastOfVersion.get(h.version) === h.revision && h.version !== latest
		})),
		versions,
		from,
		to,
		diff: from === to ? [] : diffRecords(bodies.get(from), bodies.get(to))
	};
};

export const actions: Actions = {
	restore: async ({ request, locals, params }) => {
		if (!locals.user) return fail(401, { error: 'Sign in to restore a version' });
		if (!mayEdit(locals.user.role)) return fail(403, { error: 'Your role may not edit' });
		const form = await request.formData();
		const version = Number(form.get('version'));
		const expected = Number(form.get('expected'));
		if (!Number.isInteger(version) || version < 1)
			return fail(400, { field: 'version', error: 'version must be a version number' });
		if (!Number.isInteger(expected) || expected < 1)
			return fail(400, { field: 'expected', error: 'expected must be a version number' });
		try {
			const saved = await restoreVersion(getStore().db, 'incident', params.id, version, expected, {
				author: authorOf(locals.user)
			});
			return { restored: version, version: saved.version };
		} catch (e) {
			if (e instanceof StaleVersion) return fail(409, { stale: true, error: e.message });
			if (e instanceof NoSuchVersion || e instanceof NoSuchRecord)
				return fail(404, { field: 'version', error: e.message });
			if (e instanceof InvalidRecord) return fail(400, { error: e.message });
			throw e;
		}
	}
};
