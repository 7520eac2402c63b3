import {
	collectionOfKind,
	statusChangeRefusal,
	type Actor,
	type EditableKind,
	type Refusal,
	type TargetStatus
} from '../editing/policy';
import {
	idProblems,
	linksOf,
	problemsOfRecord,
	schemaProblems,
	type FieldProblem
} from '../editing/record_check';
import type { Db, Queryable } from './db';
import { recordsToDataset } from './dataset_records';
import { locateExcerpt, recordExcerpt } from './evidence';
import {
	announce,
	insertDraftVersion,
	lockForWrite,
	readPublishedRows,
	type Change,
	type RecordStatus
} from './records';

/** The newest version of a record, whatever its status, and the version readers see (if any). */
export interface LatestRecord {
	kind: string;
	id: string;
	version: number;
	status: RecordStatus;
	body: unknown;
	/** The published version; `null` before the first publication and after a retraction. */
	publishedVersion: number | null;
}

/** A save expected version `expected` but the record is at `currentVersion` now. */
export class StaleVersion extends Error {
	constructor(readonly currentVersion: number) {
		super(`The record has changed: it is at version ${currentVersion}`);
		this.name = 'StaleVersion';
	}
}

/** A create named an id that is taken (by a record of any status, retracted ones included). */
export class RecordExists extends Error {
	constructor(
		readonly id: string,
		readonly currentVersion: number
	) {
		super(`A record with the id "${id}" exists already (version ${currentVersion})`);
		this.name = 'RecordExists';
	}
}

export class NoSuchRecord extends Error {
	constructor(kind: string, id: string) {
		super(`No ${kind} "${id}"`);
		this.name = 'NoSuchRecord';
	}
}

/** A record that does not validate; `problems` name each field as `check:data` does. */
export class InvalidRecord extends Error {
	constructor(readonly problems: FieldProblem[]) {
		super(problems.map((p) => [p.field, p.message].filter(Boolean).join(' ')).join('; '));
		this.name = 'InvalidRecord';
	}
}

/** A status change the caller may not make (role, reason or current status): see the policy. */
export class StatusRefused extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.message);
		this.name = 'StatusRefused';
	}
}

/**
 * A publication or retraction that would leave the published dataset invalid, or an incident
 * linking records that cannot be published with it; `problems` name the records, one line each.
 */
export class PublishRefused extends Error {
	constructor(readonly problems: string[]) {
		super(`Refused: ${problems.join('; ')}`);
		this.name = 'PublishRefused';
	}
}

const PREFIX = 'database:';

async function latestOf(tx: Queryable, kind: string, id: string): Promise<LatestRecord | null> {
	const [row] = await tx.query<{
		version: number;
		status: RecordStatus;
		body: unknown;
		published_version: number | null;
	}>(
		`select r.version, r.status, r.body, h.published_version from heads h join records r
		   on r.kind = h.kind and r.id = h.id and r.version = h.latest_version
		 where h.kind = $1 and h.id = $2`,
		[kind, id]
	);
	if (!row) return null;
	return {
		kind,
		id,
		version: Number(row.version),
		status: row.status,
		body: row.body,
		publishedVersion: row.published_version === null ? null : Number(row.published_version)
	};
}

/** The newest version of a record (draft, in review, published or retracted); `null` if none. */
export function readLatest(db: Queryable, kind: string, id: string): Promise<LatestRecord | null> {
	return latestOf(db, kind, id);
}

/** The version of a record readers see; `null` if it is not published (never, or retracted). */
export async function readPublished(
	db: Queryable,
	kind: string,
	id: string
): Promise<{ version: number; body: unknown } | null> {
	const [row] = await db.query<{ version: number; body: unknown }>(
		`select r.version, r.body from heads h join records r
		   on r.kind = h.kind and r.id = h.id and r.version = h.published_version
		 where h.kind = $1 and h.id = $2`,
		[kind, id]
	);
	return row ? { version: Number(row.version), body: row.body } : null;
}

/**
 * What editors work on: the newest version of every record that is not retracted, bodies as JSON
 * text, in file order. Drafts may link to drafts, so a draft is checked against this.
 */
async function readWorkingRows(
	tx: Queryable
): Promise<{ kind: string; id: string; body: string }[]> {
	return tx.query(
		`select h.kind, h.id, r.body::text as body
		 from heads h join records r
		   on r.kind = h.kind and r.id = h.id and r.version = h.latest_version
		 where r.status <> 'retracted'
		 order by h.kind, h.position, h.id`
	);
}

/** `rows` with the bodies of `replace` in place of (or after) the records of the same kind and id. */
function overlay(
	rows: { kind: string; id: string; body: string }[],
	replace: { kind: string; id: string; body: unknown }[]
): { kind: string; id: string; body: string }[] {
	const key = (r: { kind: string; id: string }) => `${r.kind}\u0000${r.id}`;
	const bodies = new Map(replace.map((r) => [key(r), JSON.stringify(r.body)]));
	const next = rows.map((row) => {
		const body = bodies.get(key(row));
		if (body === undefined) return row;
		bodies.delete(key(row));
		return { ...row, body };
	});
	for (const r of replace) {
		const body = bodies.get(key(r));
		if (body !== undefined) next.push({ kind: r.kind, id: r.id, body });
	}
	return next;
}

/**
 * A draft must pass the same validation as `check:data` for its own fields, and its links must
 * point at records editors can see (published or not). Problems of other records are not its.
 */
async function assertValidDraft(tx: Queryable, kind: EditableKind, id: string, body: unknown) {
	await assertValidDrafts(tx, [{ kind, id, body }]);
}

/**
 * {@link assertValidDraft} for records saved together: each is checked against the records editors
 * see with all of them in place, so they may link to each other.
 */
async function assertValidDrafts(
	tx: Queryable,
	records: { kind: EditableKind; id: string; body: unknown }[]
) {
	for (const { kind, id, body } of records) {
		const own = [...idProblems(kind, id, body), ...schemaProblems(kind, body)];
		if (own.length) throw new InvalidRecord(own);
	}
	// A draft may be in English only; publishing asks for every language of the dataset.
	const { errors } = recordsToDataset(overlay(await readWorkingRows(tx), records), PREFIX, {
		requireLanguages: false
	});
	for (const { kind, id } of records) {
		const mine = problemsOfRecord(errors, kind, id, PREFIX);
		if (mine.length) throw new InvalidRecord(mine);
	}
}

/**
 * Saves a new version of a record as a draft. `expected` is the version the caller edited:
 * `null` to create a record (refused with {@link RecordExists} if the id is taken), else the
 * record's newest version, or {@link StaleVersion} with the current one. Editing a published
 * record makes a draft over it; readers keep the published version until the draft is published.
 * A statement whose source has a snapshot must quote it (else {@link InvalidRecord} naming
 * `quote.text`); the range it was found at is stored with the version.
 */
export async function saveVersion(
	db: Db,
	kind: EditableKind,
	id: string,
	body: unknown,
	expected: number | null,
	change: Change
): Promise<{ version: number; status: 'draft' }> {
	return db.transaction(async (tx) => {
		const revision = (await lockForWrite(tx)) + 1;
		const head = await latestOf(tx, kind, id);
		if (expected === null && head) throw new RecordExists(id, head.version);
		if (expected !== null && !head) throw new NoSuchRecord(kind, id);
		if (expected !== null && head && head.version !== expected)
			throw new StaleVersion(head.version);
		await assertValidDraft(tx, kind, id, body);
		const excerpt = await locateExcerpt(tx, kind, body);
		if (!excerpt.ok) throw new InvalidRecord([excerpt.problem]);
		const version = (head?.version ?? 0) + 1;
		await insertDraftVersion(tx, { kind, id, version, body, revision }, change);
		if (excerpt.range) await recordExcerpt(tx, id, version, excerpt.range);
		return { version, status: 'draft' as const };
	});
}

/** A new record of a set saved together by {@link saveNewDrafts}. */
export interface NewDraft {
	kind: EditableKind;
	id: string;
	body: unknown;
}

/**
 * Creates several records as drafts in one transaction, as {@link saveVersion} creates one (the
 * same checks, the same versions and revisions), so they may link to each other: all are saved or
 * none. `afterSource` runs once the sources are in, before the statements are checked against
 * their snapshots (it puts a source's snapshot in the same transaction).
 */
export async function saveNewDrafts(
	db: Db,
	records: NewDraft[],
	change: Change,
	afterSource?: (tx: Queryable) => Promise<void>
): Promise<void> {
	const order = (r: NewDraft) => (r.kind === 'source' ? 0 : r.kind === 'statement' ? 1 : 2);
	const sorted = [...records].sort((a, b) => order(a) - order(b));
	await db.transaction(async (tx) => {
		let revision = await lockForWrite(tx);
		for (const r of sorted) {
			const head = await latestOf(tx, r.kind, r.id);
			if (head) throw new RecordExists(r.id, head.version);
		}
		await assertValidDrafts(tx, sorted);
		let sourcesDone = false;
		for (const r of sorted) {
			if (!sourcesDone && r.kind !== 'source') {
				sourcesDone = true;
				await afterSource?.(tx);
			}
			const excerpt = await locateExcerpt(tx, r.kind, r.body);
			if (!excerpt.ok) throw new InvalidRecord([excerpt.problem]);
			revision += 1;
			await insertDraftVersion(
				tx,
				{ kind: r.kind, id: r.id, version: 1, body: r.body, revision },
				change
			);
			if (excerpt.range) await recordExcerpt(tx, r.id, 1, excerpt.range);
		}
		if (!sourcesDone) await afterSource?.(tx);
	});
}

/** The result of a status change. */
export interface StatusChanged {
	id: string;
	version: number;
	status: RecordStatus;
	/** Set when the published dataset changed: its new version, for the read model to catch up. */
	datasetVersion?: number;
	/** The linked records published with an incident, `collection/id` each. */
	alsoPublished: string[];
	/** The statements retracted with an incident (about it alone), `collection/id` each. */
	alsoRetracted: string[];
}

const label = (kind: string, id: string) => `${collectionOfKind(kind) ?? kind}/${id}`;

async function setStatus(
	tx: Queryable,
	record: { kind: string; id: string; version: number },
	status: RecordStatus,
	revision: number,
	change: Change
) {
	await tx.query(
		`update records set status = $4, revision = $5 where kind = $1 and id = $2 and version = $3`,
		[record.kind, record.id, record.version, status, revision]
	);
	await tx.query(
		`insert into revisions (revision, kind, id, version, status, author, reason, body)
		 select $1, kind, id, version, status, $2, $3, body from records
		 where kind = $4 and id = $5 and version = $6`,
		[revision, change.author, change.reason ?? '', record.kind, record.id, record.version]
	);
}

/**
 * The records publishing `root` publishes with it: those it links to (and they to theirs) that
 * have never been published or were retracted and have a draft or one in review. A linked record
 * that is published already stays as it is (an edit of it is reviewed on its own). Problems name
 * links to records that do not exist or are retracted with nothing to publish.
 */
async function publicationSet(
	tx: Queryable,
	root: LatestRecord
): Promise<{ records: LatestRecord[]; problems: string[] }> {
	const records: LatestRecord[] = [root];
	const problems: string[] = [];
	const seen = new Set([label(root.kind, root.id)]);
	for (let i = 0; i < records.length; i++) {
		const from = records[i];
		for (const link of linksOf(from.kind as EditableKind, from.body)) {
			const name = label(link.kind, link.id);
			if (seen.has(name)) continue;
			seen.add(name);
			const target = await latestOf(tx, link.kind, link.id);
			if (!target) {
				problems.push(`${name} (linked from ${label(from.kind, from.id)}) does not exist`);
			} else if (target.publishedVersion !== null) {
				continue;
			} else if (target.status === 'draft' || target.status === 'in_review') {
				records.push(target);
			} else {
				problems.push(
					`${name} (linked from ${label(from.kind, from.id)}) is ${target.status} with no version to publish`
				);
			}
		}
	}
	return { records, problems };
}

/** Refuses unless the published dataset, with `replace` in it and `remove` out of it, validates. */
async function assertPublishable(
	tx: Queryable,
	replace: { kind: string; id: string; body: unknown }[],
	remove: { kind: string; id: string }[] = []
) {
	const gone = new Set(remove.map((r) => label(r.kind, r.id)));
	const rows = overlay(await readPublishedRows(tx), replace).filter(
		(r) => !gone.has(label(r.kind, r.id))
	);
	const { errors } = recordsToDataset(rows, PREFIX);
	if (errors.length) throw new PublishRefused(errors);
}

/**
 * The published statements about incident `record` and no other: they leave with it, as they came
 * with it. A statement about other incidents too keeps its link, so the retraction is refused
 * naming it (its `incident_ids` must be edited first).
 */
async function retractedAlong(tx: Queryable, record: LatestRecord): Promise<LatestRecord[]> {
	if (record.kind !== 'incident') return [];
	const rows = await tx.query<{
		id: string;
		version: number;
		published: number;
		body: { incident_ids: string[] };
	}>(
		`select h.id, h.latest_version as version, h.published_version as published, r.body from heads h join records r
		   on r.kind = h.kind and r.id = h.id and r.version = h.published_version
		 where h.kind = 'statement' and (r.body->'incident_ids')::jsonb @> jsonb_build_array($1::text)`,
		[record.id]
	);
	return rows
		.filter((row) => row.body.incident_ids.every((id) => id === record.id))
		.map((row) => ({
			kind: 'statement',
			id: row.id,
			version: Number(row.version),
			status: 'published' as const,
			body: row.body,
			publishedVersion: Number(row.published)
		}));
}

/** A new version of `record` holding its published body as retracted; readers no longer see it. */
async function retract(tx: Queryable, record: LatestRecord, revision: number, change: Change) {
	const { kind, id } = record;
	const version = record.version + 1;
	await tx.query(
		`insert into records (kind, id, version, status, body, revision)
		 select r.kind, r.id, $3, 'retracted', r.body, $4 from heads h join records r
		   on r.kind = h.kind and r.id = h.id and r.version = h.published_version
		 where h.kind = $1 and h.id = $2`,
		[kind, id, version, revision]
	);
	await tx.query(
		`insert into revisions (revision, kind, id, version, status, author, reason, body)
		 select revision, kind, id, version, status, $4, $5, body from records
		 where kind = $1 and id = $2 and version = $3`,
		[kind, id, version, change.author, change.reason ?? '']
	);
	await tx.query(
		`update heads set published_version = null, latest_version = $3 where kind = $1 and id = $2`,
		[kind, id, version]
	);
}

/**
 * Moves record `kind/id` to `to` for a caller with `role`, as the policy allows (else
 * {@link StatusRefused}), in one transaction:
 * - `in_review` / `draft` (send back): the newest version's status, with a revision and reason;
 * - `published`: the version in review, and with it every linked record that has never been
 *   published (see {@link publicationSet}), or nothing and {@link PublishRefused} naming them;
 * - `retracted`: a new version holding the withdrawn published body, so readers no longer see the
 *   record (an incident takes the statements about it alone along); refused, naming them, if
 *   published records still link to it.
 * A publication or retraction is announced on `CHANGES_CHANNEL` for every server's read model.
 * With `expected`, the move applies only to that version (a reviewer publishes what they read):
 * else {@link StaleVersion}.
 */
export async function changeStatus(
	db: Db,
	kind: EditableKind,
	id: string,
	to: TargetStatus,
	role: Actor,
	change: Change & { reason: string },
	expected: number | null = null
): Promise<StatusChanged> {
	return db.transaction(async (tx) => {
		let revision = await lockForWrite(tx);
		const record = await latestOf(tx, kind, id);
		if (!record) throw new NoSuchRecord(kind, id);
		const refusal = statusChangeRefusal(
			role,
			{ latest: record.status, published: record.publishedVersion !== null },
			to,
			change.reason
		);
		if (refusal) throw new StatusRefused(refusal);
		if (expected !== null && record.version !== expected) throw new StaleVersion(record.version);
		if (to === 'in_review' || to === 'draft') {
			await setStatus(tx, record, to, revision + 1, change);
			return { id, version: record.version, status: to, alsoPublished: [], alsoRetracted: [] };
		}
		if (to === 'published') {
			const { records, problems } = await publicationSet(tx, record);
			if (problems.length) throw new PublishRefused(problems);
			await assertPublishable(tx, records);
			for (const r of records) {
				await setStatus(tx, r, 'published', ++revision, change);
				await tx.query('update heads set published_version = $3 where kind = $1 and id = $2', [
					r.kind,
					r.id,
					r.version
				]);
			}
			return {
				id,
				version: record.version,
				status: 'published',
				datasetVersion: await announce(tx),
				alsoPublished: records.slice(1).map((r) => label(r.kind, r.id)),
				alsoRetracted: []
			};
		}
		const records = [record, ...(await retractedAlong(tx, record))];
		await assertPublishable(tx, [], records);
		for (const r of records) await retract(tx, r, ++revision, change);
		return {
			id,
			version: record.version + 1,
			status: 'retracted',
			datasetVersion: await announce(tx),
			alsoPublished: [],
			alsoRetracted: records.slice(1).map((r) => label(r.kind, r.id))
		};
	});
}
