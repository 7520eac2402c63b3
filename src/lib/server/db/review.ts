import { collectionOfKind, type Collection, type EditableKind } from '../editing/policy';
import type { Db, Queryable } from './db';
import { NoSuchRecord, readLatest, saveVersion } from './editing';
import { PUBLIC_STATUSES, type Change, type RecordStatus } from './records';

/** A record waiting for review: its newest version is `in_review`. */
export interface QueueEntry {
	collection: Collection;
	kind: EditableKind;
	id: string;
	version: number;
	/** Who submitted it (`user:<id>`), and that account's address if it still exists. */
	submittedBy: string;
	submitterEmail: string | null;
	/** When it was submitted (ISO 8601). */
	since: string;
	/** The version readers see, if the record is published already (an edit waits then). */
	publishedVersion: number | null;
}

/**
 * Every record of every editable kind whose newest version is in review, the longest waiting
 * first, with who submitted it and when (the revision that moved that version to review).
 */
export async function reviewQueue(db: Queryable): Promise<QueueEntry[]> {
	const rows = await db.query<{
		kind: string;
		id: string;
		version: number;
		published_version: number | null;
		author: string;
		at: string | Date;
		email: string | null;
	}>(
		`select h.kind, h.id, h.latest_version as version, h.published_version, s.author, s.at, u.email
		 from heads h
		 join records r on r.kind = h.kind and r.id = h.id and r.version = h.latest_version
		 join lateral (
		   select v.author, v.at from revisions v
		   where v.kind = h.kind and v.id = h.id and v.version = h.latest_version and v.status = 'in_review'
		   order by v.revision desc limit 1
		 ) s on true
		 left join users u on 'user:' || u.id = s.author
		 where r.status = 'in_review'
		 order by s.at, h.kind, h.id`
	);
	return rows.flatMap((row) => {
		const collection = collectionOfKind(row.kind);
		if (!collection) return [];
		return [
			{
				collection,
				kind: row.kind as EditableKind,
				id: row.id,
				version: Number(row.version),
				submittedBy: row.author,
				submitterEmail: row.email,
				since: new Date(row.at).toISOString(),
				publishedVersion: row.published_version === null ? null : Number(row.published_version)
			}
		];
	});
}

/** How many records wait for review (the header's "Review queue (N)"). */
export async function reviewQueueSize(db: Queryable): Promise<number> {
	const [row] = await db.query<{ n: number | string }>(
		`select count(*) as n from heads h
		 join records r on r.kind = h.kind and r.id = h.id and r.version = h.latest_version
		 where r.status = 'in_review'`
	);
	return Number(row.n);
}

/** One entry of a record's history, with its author's account where there is one. */
export interface HistoryEntry {
	revision: number;
	version: number;
	status: RecordStatus;
	/** `user:<id>`, `system:seed`, `cli:db:import`. */
	author: string;
	/** The author's address and role when the author is an account that still exists. */
	authorEmail: string | null;
	authorRole: string | null;
	at: string;
	reason: string;
	body: unknown;
}

/**
 * The revisions of record `kind/id`, oldest first: all of them, or with `publicOnly` those
 * anonymous readers may see (published and retracted versions).
 */
export async function recordHistory(
	db: Queryable,
	kind: string,
	id: string,
	{ publicOnly }: { publicOnly: boolean }
): Promise<HistoryEntry[]> {
	const rows = await db.query<{
		revision: number | string;
		version: number;
		status: RecordStatus;
		author: string;
		at: string | Date;
		reason: string;
		body: unknown;
		email: string | null;
		role: string | null;
	}>(
		`select v.revision, v.version, v.status, v.author, v.at, v.reason, v.body, u.email, u.role
		 from revisions v left join users u on 'user:' || u.id = v.author
		 where v.kind = $1 and v.id = $2 and ($3::boolean = false or v.status = any($4::text[]))
		 order by v.revision`,
		[kind, id, publicOnly, [...PUBLIC_STATUSES]]
	);
	return rows.map((row) => ({
		revision: Number(row.revision),
		version: Number(row.version),
		status: row.status,
		author: row.author,
		authorEmail: row.email,
		authorRole: row.role,
		at: new Date(row.at).toISOString(),
		reason: row.reason,
		body: row.body
	}));
}

/** The version asked for does not exist. */
export class NoSuchVersion extends Error {
	constructor(kind: string, id: string, version: number) {
		super(`No version ${version} of ${kind} "${id}"`);
		this.name = 'NoSuchVersion';
	}
}

/**
 * Makes version `version` of a record its newest again: a new draft version holding that body,
 * with the reason "Restored version N" (validated and saved as any edit is; a record changed
 * since `expected` is refused as stale).
 */
export async function restoreVersion(
	db: Db,
	kind: EditableKind,
	id: string,
	version: number,
	expected: number,
	change: Pick<Change, 'author'>
): Promise<{ version: number; status: 'draft' }> {
	if (!(await readLatest(db, kind, id))) throw new NoSuchRecord(kind, id);
	const [row] = await db.query<{ body: unknown }>(
		'select body from records where kind = $1 and id = $2 and version = $3',
		[kind, id, version]
	);
	if (!row) throw new NoSuchVersion(kind, id, version);
	return saveVersion(db, kind, id, row.body, expected, {
		author: change.author,
		reason: `Restored version ${version}`
	});
}
