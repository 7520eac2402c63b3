import type { Queryable } from './db';
import { publicHistory } from './records';

/** What readers are told about a record's corrections. */
export interface Corrections {
	/** Set when the record was withdrawn and nothing of it is published now. */
	retracted: { at: string; reason: string } | null;
	/** When the published version replaced an earlier published one; `null` if never. */
	updatedAt: string | null;
}

/**
 * The corrections of record `kind/id` as its public history shows them: a retraction that still
 * stands (its newest public revision is a retraction), or the time its published version
 * replaced an earlier published one (a correction is shown, never silent).
 */
export async function correctionsOf(db: Queryable, kind: string, id: string): Promise<Corrections> {
	const history = await publicHistory(db, kind, id);
	const last = history.at(-1);
	if (!last) return { retracted: null, updatedAt: null };
	if (last.status === 'retracted')
		return { retracted: { at: last.at, reason: last.reason }, updatedAt: null };
	const publications = history.filter((r) => r.status === 'published');
	const versions = new Set(publications.map((r) => r.version));
	return { retracted: null, updatedAt: versions.size > 1 ? last.at : null };
}
