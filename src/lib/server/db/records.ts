import type { Dataset } from '../../data/schema';
import type { Db, Queryable } from './db';
import {
	checkedKindsToDataset,
	checkedRecords,
	datasetToRecords,
	kindsToDataset,
	recordSchemaOf,
	recordsToDataset,
	singleRecordKinds,
	type CheckedKinds,
	type DatasetRecord,
	type StoredKinds
} from './dataset_records';

export type RecordStatus = 'draft' | 'in_review' | 'published' | 'retracted';

/** The statuses anonymous readers may see in the history: what was made public, and its withdrawal. */
export const PUBLIC_STATUSES: readonly RecordStatus[] = ['published', 'retracted'];

/** The `NOTIFY` channel every published change is announced on (payload: the dataset version). */
export const CHANGES_CHANNEL = 'atlas_changes';

export interface Revision {
	revision: number;
	kind: string;
	id: string;
	version: number;
	status: RecordStatus;
	author: string;
	at: string;
	reason: string;
	body: unknown;
}

export interface ApplyReport {
	created: number;
	changed: number;
	retracted: number;
	unchanged: number;
	/** The dataset version after the write. */
	datasetVersion: number;
}

/** Who made a change and why: `system:seed`, `cli:db:import`, later a user id. */
export interface Change {
	author: string;
	reason?: string;
}

const CHUNK = 2000;
/** Positions per text in {@link readPublishedKinds}. */
const JOIN_CHUNK = 10_000;
const PUBLIC = `status in ('published', 'retracted')`;

/**
 * Serialises writers: revision numbers are handed out under this lock, so they are gapless and
 * committed in order (a reader polling `since=N` never misses one that commits late).
 */
export async function lockForWrite(tx: Queryable): Promise<number> {
	await tx.query('lock table revisions in exclusive mode');
	const [row] = await tx.query<{ n: string | number }>(
		'select coalesce(max(revision), 0) as n from revisions'
	);
	return Number(row.n);
}

/** Announces the dataset version to every server following `CHANGES_CHANNEL`; returns it. */
export async function announce(tx: Queryable): Promise<number> {
	const version = await datasetVersion(tx);
	await tx.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, String(version)]);
	return version;
}

/** The number of the last published (or retracted) revision; 0 for an empty database. */
export async function datasetVersion(db: Queryable): Promise<number> {
	const [row] = await db.query<{ n: string | number }>(
		`select coalesce(max(revision), 0) as n from revisions where ${PUBLIC}`
	);
	return Number(row.n);
}

/** True when no record has ever been written (the database is seeded only then). */
export async function isEmpty(db: Queryable): Promise<boolean> {
	const rows = await db.query('select 1 from revisions limit 1');
	return rows.length === 0;
}

/** The published version of every record, bodies as JSON text, in file order. */
export async function readPublishedRows(
	db: Queryable
): Promise<{ kind: string; id: string; body: string }[]> {
	return db.query(
		`select h.kind, h.id, r.body::text as body
		 from heads h join records r
		   on r.kind = h.kind and r.id = h.id and r.version = h.published_version
		 order by h.kind, h.position, h.id`
	);
}

/** One text of published bodies as {@link readPublishedKinds} hands it over. */
export interface StoredText {
	kind: string;
	/** The record's id for a kind stored one record per file; else the text joins several bodies. */
	id?: string;
	text: string;
}

/**
 * The published version of every record, as {@link readPublishedRows} but a few texts per kind:
 * the bodies of a kind stored as a list or as features are joined by commas in file order by the
 * database, `chunk` positions to a text (so 100,000 incidents cross to the server as ten values,
 * not as 100,000 rows decoded one by one, nor as one value of 90 MB held twice), and the texts
 * joined here; the few records that are files of their own (`meta`, the layers) come one by one.
 * Each text is a query of its own, all sent at once: `onText` has each as soon as it arrives, in
 * file order (the next is being read meanwhile). The heads are put in file order before their
 * bodies are fetched (`offset 0` keeps the body lookup a nested loop by primary key), so no sort
 * ever carries the bodies themselves.
 */
export async function readPublishedKinds(
	db: Queryable,
	chunk: number = JOIN_CHUNK,
	onText: (text: StoredText) => void = () => {}
): Promise<StoredKinds> {
	if (!Number.isInteger(chunk) || chunk < 1)
		throw new Error(`readPublishedKinds: chunk ${chunk} is not a positive integer`);
	const single = singleRecordKinds().join(',');
	const bodies = (where: string) => `
		(select kind, id, position, published_version from heads
		 where published_version is not null and ${where}
		 order by kind, position, id) h
		cross join lateral (select body from records r
		 where r.kind = h.kind and r.id = h.id and r.version = h.published_version offset 0) r`;
	const spans = await db.query<{ kind: string; first: number; last: number }>(
		`select kind, min(position) / $2::integer as first, max(position) / $2::integer as last
		 from heads where published_version is not null and kind <> all(string_to_array($1, ','))
		 group by kind order by kind`,
		[single, chunk]
	);
	const texts: Promise<{ kind: string; id?: string; text: string | null }[]>[] = [];
	for (const { kind, first, last } of spans) {
		for (let n = Number(first); n <= Number(last); n++) {
			texts.push(
				db.query<{ kind: string; text: string | null }>(
					`select $1::text as kind, string_agg(r.body::text, ',' order by h.position, h.id) as text
					 from ${bodies('kind = $1 and position >= $2::integer and position < $3::integer')}`,
					[kind, n * chunk, (n + 1) * chunk]
				)
			);
		}
	}
	texts.push(
		db.query<{ kind: string; id: string; text: string }>(
			`select h.kind, h.id, r.body::text as text
			 from ${bodies(`kind = any(string_to_array($1, ','))`)}`,
			[single]
		)
	);
	const kinds: StoredKinds = { joined: new Map(), single: new Map() };
	for (const pending of texts) {
		for (const { kind, id, text } of await pending) {
			if (text === null) continue;
			onText(id === undefined ? { kind, text } : { kind, id, text });
			if (id === undefined) {
				const before = kinds.joined.get(kind);
				kinds.joined.set(kind, before === undefined ? text : before + ',' + text);
				continue;
			}
			let byId = kinds.single.get(kind);
			if (!byId) kinds.single.set(kind, (byId = new Map()));
			byId.set(id, text);
		}
	}
	return kinds;
}

/**
 * The published dataset, validated exactly as a dataset directory is; throws if it does not
 * validate. Each text is parsed and its records checked against their record schema as soon as
 * it arrives, while the database reads the next on its own core (a PostgreSQL server, or PGlite on
 * its thread); the checks across files then run on what the schemas gave back
 * (`checkedKindsToDataset`). A text or
 * record that does not pass: the texts are validated as a dataset directory is, for the same
 * error lines naming the record.
 */
export async function readPublishedDataset(db: Db): Promise<{ dataset: Dataset; version: number }> {
	const checked: CheckedKinds = { joined: new Map(), single: new Map() };
	let passed = true;
	const onText = ({ kind, id, text }: StoredText) => {
		if (!passed || !recordSchemaOf(kind)) return;
		const records = checkedRecords(kind, text);
		if (!records) {
			passed = false;
			return;
		}
		if (id !== undefined) {
			let byId = checked.single.get(kind);
			if (!byId) checked.single.set(kind, (byId = new Map()));
			byId.set(id, records[0]);
			return;
		}
		let list = checked.joined.get(kind);
		if (!list) checked.joined.set(kind, (list = []));
		for (const record of records) list.push(record);
	};
	const { kinds, version } = await db.transaction(async (tx) => {
		await tx.query('set transaction isolation level repeatable read');
		// The read is planned as costly enough for PostgreSQL's JIT, whose compiling took longer
		// than it saved (execution 1.5–1.9 s without, 2.1–2.2 s with, at 100,000 incidents).
		await tx.query('set local jit = off');
		return {
			version: await datasetVersion(tx),
			kinds: await readPublishedKinds(tx, JOIN_CHUNK, onText)
		};
	});
	const { dataset, errors } = passed ? checkedKindsToDataset(checked) : kindsToDataset(kinds);
	if (!dataset) throw new Error(`The stored dataset does not validate:\n${errors.join('\n')}`);
	return { dataset, version };
}

/**
 * Makes the published records equal to `dataset` (already validated by the caller, as
 * `check:data` does) in one transaction: a new or changed record becomes a new published version,
 * a record missing from `dataset` is retracted, an unchanged one makes no revision.
 */
export async function applyDataset(db: Db, dataset: Dataset, change: Change): Promise<ApplyReport> {
	const incoming = datasetToRecords(dataset);
	return db.transaction(async (tx) => {
		let revision = await lockForWrite(tx);
		await tx.exec(
			`create temp table incoming (kind text, id text, position integer, body json) on commit drop`
		);
		for (let i = 0; i < incoming.length; i += CHUNK) {
			await tx.query(
				`insert into incoming select * from json_to_recordset($1::text::json)
				 as x(kind text, id text, position integer, body json)`,
				[JSON.stringify(incoming.slice(i, i + CHUNK) satisfies DatasetRecord[])]
			);
		}
		await tx.exec(`create temp table changes on commit drop as
			select i.kind, i.id, i.position, i.body, coalesce(h.latest_version, 0) + 1 as version,
			       h.kind is null as created,
			       row_number() over (order by i.kind, i.position, i.id) as n
			from incoming i
			left join heads h on h.kind = i.kind and h.id = i.id
			left join records r on r.kind = h.kind and r.id = h.id and r.version = h.published_version
			where r.body is null or r.body::jsonb <> i.body::jsonb`);
		const [counts] = await tx.query<{ created: number; changed: number; total: number }>(
			`select count(*) filter (where created)::int as created,
			        count(*) filter (where not created)::int as changed,
			        (select count(*)::int from incoming) as total
			 from changes`
		);
		await tx.query(
			`insert into records (kind, id, version, status, body, revision)
			 select kind, id, version, 'published', body, $1::bigint + n from changes`,
			[revision]
		);
		await tx.query(
			`insert into revisions (revision, kind, id, version, status, author, reason, body)
			 select $1::bigint + n, kind, id, version, 'published', $2, $3, body from changes`,
			[revision, change.author, change.reason ?? '']
		);
		await tx.exec(`insert into heads (kind, id, position, published_version, latest_version)
			select kind, id, position, version, version from changes
			on conflict (kind, id) do update set published_version = excluded.published_version,
			  latest_version = excluded.latest_version, position = excluded.position`);
		await tx.exec(`update heads h set position = i.position from incoming i
			where h.kind = i.kind and h.id = i.id and h.position <> i.position`);
		revision += counts.created + counts.changed;

		await tx.exec(`create temp table gone on commit drop as
			select h.kind, h.id, h.latest_version + 1 as version, r.body,
			       row_number() over (order by h.kind, h.position, h.id) as n
			from heads h join records r
			  on r.kind = h.kind and r.id = h.id and r.version = h.published_version
			where not exists (select 1 from incoming i where i.kind = h.kind and i.id = h.id)`);
		const [{ retracted }] = await tx.query<{ retracted: number }>(
			'select count(*)::int as retracted from gone'
		);
		await tx.query(
			`insert into records (kind, id, version, status, body, revision)
			 select kind, id, version, 'retracted', body, $1::bigint + n from gone`,
			[revision]
		);
		await tx.query(
			`insert into revisions (revision, kind, id, version, status, author, reason, body)
			 select $1::bigint + n, kind, id, version, 'retracted', $2, $3, body from gone`,
			[revision, change.author, change.reason ?? '']
		);
		await tx.exec(`update heads h set published_version = null, latest_version = g.version
			from gone g where h.kind = g.kind and h.id = g.id`);

		const datasetVersion = await announce(tx);
		return {
			created: counts.created,
			changed: counts.changed,
			retracted,
			unchanged: counts.total - counts.created - counts.changed,
			datasetVersion
		};
	});
}

/** Thrown when a write would leave a dataset that does not validate; lists every error. */
export class RecordRejected extends Error {
	constructor(readonly errors: string[]) {
		super(`Refused: the record would not validate:\n${errors.join('\n')}`);
		this.name = 'RecordRejected';
	}
}

/** Checks that the published dataset with `body` in place of record `kind/id` validates. */
async function assertValidWith(tx: Queryable, kind: string, id: string, body: unknown) {
	const rows = await readPublishedRows(tx);
	const text = JSON.stringify(body);
	let found = false;
	const next = rows.map((row) => {
		if (row.kind !== kind || row.id !== id) return row;
		found = true;
		return { ...row, body: text };
	});
	if (!found) next.push({ kind, id, body: text });
	const { errors } = recordsToDataset(next);
	if (errors.length) throw new RecordRejected(errors);
}

/**
 * Saves a new draft version of a record (a new record or an edit of a published one). Readers keep
 * seeing the published version until {@link publishLatest}. Returns the draft's version.
 */
export async function saveDraft(
	db: Db,
	kind: string,
	id: string,
	body: unknown,
	change: Change
): Promise<number> {
	return db.transaction(async (tx) => {
		const revision = (await lockForWrite(tx)) + 1;
		await assertValidWith(tx, kind, id, body);
		const [head] = await tx.query<{ latest_version: number }>(
			'select latest_version from heads where kind = $1 and id = $2',
			[kind, id]
		);
		const version = (head?.latest_version ?? 0) + 1;
		await insertDraftVersion(tx, { kind, id, version, body, revision }, change);
		return version;
	});
}

/**
 * Writes version `version` of a record as a draft, its revision, and points its head at it (a new
 * record goes after the others of its kind). The caller holds {@link lockForWrite} and has checked
 * the version and validated the body.
 */
export async function insertDraftVersion(
	tx: Queryable,
	draft: { kind: string; id: string; version: number; body: unknown; revision: number },
	change: Change
): Promise<void> {
	const { kind, id, version, revision } = draft;
	const json = JSON.stringify(draft.body);
	await tx.query(
		`insert into records (kind, id, version, status, body, revision)
		 values ($1, $2, $3, 'draft', $4::text::json, $5)`,
		[kind, id, version, json, revision]
	);
	await tx.query(
		`insert into revisions (revision, kind, id, version, status, author, reason, body)
		 values ($1, $2, $3, $4, 'draft', $5, $6, $7::text::jsonb)`,
		[revision, kind, id, version, change.author, change.reason ?? '', json]
	);
	await tx.query(
		`insert into heads (kind, id, position, published_version, latest_version)
		 values ($1, $2, (select coalesce(max(position), -1) + 1 from heads where kind = $1), null, $3)
		 on conflict (kind, id) do update set latest_version = excluded.latest_version`,
		[kind, id, version]
	);
}

/** Publishes a record's newest version (validated again against today's published dataset). */
export async function publishLatest(
	db: Db,
	kind: string,
	id: string,
	change: Change
): Promise<number> {
	return db.transaction(async (tx) => {
		const revision = (await lockForWrite(tx)) + 1;
		const [row] = await tx.query<{ version: number; status: RecordStatus; body: unknown }>(
			`select r.version, r.status, r.body from heads h join records r
			   on r.kind = h.kind and r.id = h.id and r.version = h.latest_version
			 where h.kind = $1 and h.id = $2`,
			[kind, id]
		);
		if (!row) throw new Error(`No record ${kind} ${id}`);
		if (row.status === 'published' || row.status === 'retracted') {
			throw new Error(`${kind} ${id} version ${row.version} is already ${row.status}`);
		}
		await assertValidWith(tx, kind, id, row.body);
		await tx.query(
			`update records set status = 'published', revision = $4
			 where kind = $1 and id = $2 and version = $3`,
			[kind, id, row.version, revision]
		);
		await tx.query(
			`insert into revisions (revision, kind, id, version, status, author, reason, body)
			 select $1, kind, id, version, 'published', $2, $3, body from records
			 where kind = $4 and id = $5 and version = $6`,
			[revision, change.author, change.reason ?? '', kind, id, row.version]
		);
		await tx.query('update heads set published_version = $3 where kind = $1 and id = $2', [
			kind,
			id,
			row.version
		]);
		await announce(tx);
		return revision;
	});
}

function toRevision(row: Record<string, unknown>): Revision {
	return {
		revision: Number(row.revision),
		kind: String(row.kind),
		id: String(row.id),
		version: Number(row.version),
		status: row.status as RecordStatus,
		author: String(row.author),
		at: new Date(row.at as string).toISOString(),
		reason: String(row.reason),
		body: row.body
	};
}

/** Published (and retracted) revisions after `since`, oldest first, at most `limit`. */
export async function publicRevisionsSince(
	db: Queryable,
	since: number,
	limit: number
): Promise<Revision[]> {
	const rows = await db.query(
		`select revision, kind, id, version, status, author, at, reason, body from revisions
		 where revision > $1 and ${PUBLIC} order by revision limit $2`,
		[since, limit]
	);
	return rows.map(toRevision);
}

/** Every public version of one record, oldest first; empty if it was never published. */
export async function publicHistory(db: Queryable, kind: string, id: string): Promise<Revision[]> {
	const rows = await db.query(
		`select revision, kind, id, version, status, author, at, reason, body from revisions
		 where kind = $1 and id = $2 and ${PUBLIC} order by revision`,
		[kind, id]
	);
	return rows.map(toRevision);
}

/** Every revision of one record, drafts included (for tests and, later, signed-in editors). */
export async function fullHistory(db: Queryable, kind: string, id: string): Promise<Revision[]> {
	const rows = await db.query(
		`select revision, kind, id, version, status, author, at, reason, body from revisions
		 where kind = $1 and id = $2 order by revision`,
		[kind, id]
	);
	return rows.map(toRevision);
}
