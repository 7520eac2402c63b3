import { error, fail } from '@sveltejs/kit';
import { diffRecords } from '$lib/editing/diff';
import { recordTitle } from '$lib/editing/record_title';
import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { authorOf, type SessionUser } from '../auth/user';
import { getStore } from '../dataset';
import { InvalidRecord, NoSuchRecord, StaleVersion } from '../db/editing';
import { NoSuchVersion, recordHistory, restoreVersion, type HistoryEntry } from '../db/review';
import { mayEdit, mayReadDrafts, type EditableKind } from './policy';

/**
 * Who made a revision, as this reader may know it: the account's address for signed-in readers;
 * for anonymous readers only the role ("editor" when the account is gone), never the address.
 */
export function authorLabel(
	entry: Pick<HistoryEntry, 'author' | 'authorEmail' | 'authorRole'>,
	signedIn: boolean
): { text: string; role: boolean } {
	if (!entry.author.startsWith('user:')) return { text: entry.author, role: false };
	if (signedIn && entry.authorEmail) return { text: entry.authorEmail, role: false };
	return { text: entry.authorRole ?? 'editor', role: true };
}

/** `?from=` / `?to=`: a version number shown on this page, or absent; anything else is a 400. */
function versionParam(url: URL, name: string, versions: Set<number>): number | null {
	const value = url.searchParams.get(name);
	if (value === null || value === '') return null;
	const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
	if (!versions.has(n))
		error(400, `${name} must be one of the versions listed (${[...versions].join(', ')})`);
	return n;
}

/**
 * A record's history page, for any kind: every version for accounts that may read drafts; for
 * anonymous readers only the published and retracted ones (a record never published is a 404,
 * as if it did not exist), and authors by role only. Two versions are compared field by field.
 */
export async function historyPage(
	kind: EditableKind,
	id: string,
	{
		url,
		user,
		setHeaders
	}: { url: URL; user: SessionUser | null; setHeaders: (headers: Record<string, string>) => void }
) {
	const signedIn = user ? mayReadDrafts(user.role) : false;
	const history = await recordHistory(getStore().db, kind, id, { publicOnly: !signedIn });
	if (history.length === 0) error(404, `No ${kind} "${id.slice(0, 120)}" has been published`);
	setHeaders({ 'cache-control': signedIn ? 'private, no-store' : 'no-cache', vary: 'Cookie' });
	const bodies = new Map(history.map((h) => [h.version, h.body]));
	const versions = [...bodies.keys()];
	const known = new Set(versions);
	const latest = versions[versions.length - 1];
	const to = versionParam(url, 'to', known) ?? latest;
	const from = versionParam(url, 'from', known) ?? versions[Math.max(0, versions.indexOf(to) - 1)];
	const lastOfVersion = new Map(history.map((h) => [h.version, h.revision]));
	const langParam = url.searchParams.get('lang');
	const lang = isLang(langParam) ? langParam : DEFAULT_LANG;
	return {
		lang,
		kind,
		id,
		title: recordTitle(kind, history[history.length - 1].body, id, lang),
		signedIn,
		mayRestore: user ? mayEdit(user.role) : false,
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
}

/**
 * "Restore this version" from a history page's form: a new draft version holding the old body
 * (see {@link restoreVersion}), for accounts that may edit, and only over the version the page
 * showed as the newest (`expected`); else 409 and nothing changes.
 */
export async function restoreFromForm(
	kind: EditableKind,
	id: string,
	{ request, user }: { request: Request; user: SessionUser | null }
) {
	if (!user) return fail(401, { error: 'Sign in to restore a version' });
	if (!mayEdit(user.role)) return fail(403, { error: 'Your role may not edit' });
	const form = await request.formData();
	const version = Number(form.get('version'));
	const expected = Number(form.get('expected'));
	if (!Number.isInteger(version) || version < 1)
		return fail(400, { field: 'version', error: 'version must be a version number' });
	if (!Number.isInteger(expected) || expected < 1)
		return fail(400, { field: 'expected', error: 'expected must be a version number' });
	try {
		const saved = await restoreVersion(getStore().db, kind, id, version, expected, {
			author: authorOf(user)
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
