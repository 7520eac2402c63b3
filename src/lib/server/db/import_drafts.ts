import type { Extent } from '../../data/schema';
import { buildReport, type ImportReport } from '../../import/report';
import {
	candidateOf,
	checkExtent,
	planImport,
	type DuplicateCandidate,
	type Existing,
	type Write
} from '../../import/plan';
import type { ParseResult } from '../../import/types';
import type { Db, Queryable } from './db';
import { recordsToDataset } from './dataset_records';
import {
	CHANGES_CHANNEL,
	RecordRejected,
	datasetVersion,
	lockForWrite,
	readPublishedRows,
	type Change
} from './records';

export interface ImportOptions extends Change {
	/** Report what would happen; write nothing. */
	dryRun?: boolean;
	/** Import the valid rows of a file that has invalid ones (by default such a file imports nothing). */
	skipRejected?: boolean;
	/**
	 * Submit the incidents written for review (status `in_review`, one more revision each by the
	 * same author), so they wait in the reviewers' queue; by default they stay drafts.
	 */
	submit?: boolean;
	/** Told how far the write has got (`wrote 2000 of 30000 records`), for the command's stderr. */
	onProgress?: (message: string) => void;
}

const CHUNK = 2000;
/** How far around the file's dates the duplicate check looks (a year's event may be anywhere in it). */
const CANDIDATE_SLACK_DAYS = 400;

const LATEST = `heads h join records r on r.kind = h.kind and r.id = h.id and r.version = h.latest_version`;

/** The published dataset's extent, if the database has a `meta` record. */
async function publishedExtent(tx: Queryable): Promise<Extent | null> {
	const [row] = await tx.query<{ extent: string | null }>(
		`select (r.body -> 'extent')::text as extent from heads h join records r
		   on r.kind = h.kind and r.id = h.id and r.version = h.published_version
		 where h.kind = 'meta'`
	);
	return row?.extent ? (JSON.parse(row.extent) as Extent) : null;
}

function shiftDay(day: string, days: number): string {
	return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Everything the plan compares the file with, in a handful of queries whatever the file's size. */
async function readExisting(tx: Queryable, parsed: ParseResult): Promise<Existing> {
	const existing: Existing = { bodies: new Map(), byExternalId: new Map(), candidates: [] };
	const ids: Record<string, Set<string>> = {
		incident: new Set(),
		source: new Set(),
		statement: new Set()
	};
	const external: Record<'acled' | 'ucdp', Set<string>> = { acled: new Set(), ucdp: new Set() };
	let first = '';
	let last = '';
	for (const item of parsed.items) {
		const p = item.incident.properties;
		ids.incident.add(p.id);
		for (const s of item.sources) ids.source.add(s.id);
		for (const s of item.statements) ids.statement.add(s.id);
		if (p.external_ids?.acled) external.acled.add(p.external_ids.acled);
		if (p.external_ids?.ucdp) external.ucdp.add(p.external_ids.ucdp);
		if (!first || p.date < first) first = p.date;
		const end = p.date_end ?? p.date;
		if (!last || end > last) last = end;
	}
	for (const name of ['acled', 'ucdp'] as const) {
		if (external[name].size === 0) continue;
		const rows = await tx.query<{ id: string; value: string; body: string }>(
			`select h.id, r.body #>> '{properties,external_ids,${name}}' as value, r.body::text as body
			 from ${LATEST}
			 where h.kind = 'incident' and r.body #>> '{properties,external_ids,${name}}' = any($1::text[])`,
			[[...external[name]]]
		);
		for (const row of rows) {
			existing.byExternalId.set(`${name}:${row.value}`, row.id);
			existing.bodies.set(`incident/${row.id}`, JSON.parse(row.body));
		}
	}
	for (const [kind, set] of Object.entries(ids)) {
		if (set.size === 0) continue;
		const rows = await tx.query<{ id: string; body: string }>(
			`select h.id, r.body::text as body from ${LATEST} where h.kind = $1 and h.id = any($2::text[])`,
			[kind, [...set]]
		);
		for (const row of rows) existing.bodies.set(`${kind}/${row.id}`, JSON.parse(row.body));
	}
	if (first) {
		const rows = await tx.query<{ body: string }>(
			`select jsonb_build_object('type', 'Feature', 'geometry', r.body -> 'geometry',
			   'properties', jsonb_build_object(
			     'id', h.id, 'date', r.body #> '{properties,date}', 'date_end', r.body #> '{properties,date_end}',
			     'date_precision', r.body #> '{properties,date_precision}', 'type', r.body #> '{properties,type}',
			     'uncertainty_m', r.body #> '{properties,uncertainty_m}',
			     'external_ids', r.body #> '{properties,external_ids}'))::text as body
			 from ${LATEST}
			 where h.kind = 'incident' and r.status <> 'retracted'
			   and r.body #>> '{properties,date}' between $1 and $2`,
			[shiftDay(first, -CANDIDATE_SLACK_DAYS), shiftDay(last, CANDIDATE_SLACK_DAYS)]
		);
		for (const row of rows) {
			const feature = JSON.parse(row.body);
			for (const key of ['date_end', 'external_ids'])
				if (feature.properties[key] === null) delete feature.properties[key];
			existing.candidates.push(candidateOf(feature) as DuplicateCandidate);
		}
	}
	return existing;
}

/**
 * Writes the records of `writes` as new draft versions, in one pass: numbered revisions in the
 * append-only log, a new head for a new record (after the others of its kind), the latest version
 * moved for one that exists; what readers see (the published version) is untouched.
 */
async function writeDrafts(
	tx: Queryable,
	writes: Write[],
	base: number,
	change: Change,
	submit = false,
	onProgress: (message: string) => void = () => {}
) {
	await tx.exec(
		'create temp table import_writes (kind text, id text, n integer, body jsonb) on commit drop'
	);
	for (let i = 0; i < writes.length; i += CHUNK) {
		await tx.query(
			`insert into import_writes select * from jsonb_to_recordset($1::text::jsonb)
			 as x(kind text, id text, n integer, body jsonb)`,
			[
				JSON.stringify(
					writes
						.slice(i, i + CHUNK)
						.map((w, j) => ({ kind: w.kind, id: w.id, n: i + j + 1, body: w.body }))
				)
			]
		);
		onProgress(`staged ${Math.min(i + CHUNK, writes.length)} of ${writes.length} records`);
	}
	await tx.exec(`create temp table import_changes on commit drop as
		select w.kind, w.id, w.n, w.body, coalesce(h.latest_version, 0) + 1 as version
		from import_writes w left join heads h on h.kind = w.kind and h.id = w.id`);
	await tx.query(
		`insert into records (kind, id, version, status, body, revision)
		 select kind, id, version, 'draft', body, $1::bigint + n from import_changes`,
		[base]
	);
	await tx.query(
		`insert into revisions (revision, kind, id, version, status, author, reason, body)
		 select $1::bigint + n, kind, id, version, 'draft', $2, $3, body from import_changes order by n`,
		[base, change.author, change.reason ?? '']
	);
	onProgress(`wrote ${writes.length} records and their revisions; committing`);
	await tx.exec(`insert into heads (kind, id, position, published_version, latest_version)
		select c.kind, c.id, coalesce(m.position, -1) + row_number() over (partition by c.kind order by c.n),
		       null, c.version
		from import_changes c
		left join (select kind, max(position) as position from heads group by kind) m on m.kind = c.kind
		on conflict (kind, id) do update set latest_version = excluded.latest_version`);
	if (!submit) return;
	await tx.exec(`create temp table import_submit on commit drop as
		select kind, id, version, row_number() over (order by n) as k
		from import_changes where kind = 'incident'`);
	const next = base + writes.length;
	await tx.query(
		`update records r set status = 'in_review', revision = $1::bigint + s.k from import_submit s
		 where r.kind = s.kind and r.id = s.id and r.version = s.version`,
		[next]
	);
	await tx.query(
		`insert into revisions (revision, kind, id, version, status, author, reason, body)
		 select $1::bigint + s.k, r.kind, r.id, r.version, 'in_review', $2, $3, r.body
		 from import_submit s join records r on r.kind = s.kind and r.id = s.id and r.version = s.version
		 order by s.k`,
		[next, change.author, change.reason ?? '']
	);
}

/**
 * Imports a parsed file as drafts in ONE transaction: rows outside the dataset's extent are
 * rejected; a file with rejected rows writes nothing unless `skipRejected`; a row the database
 * already holds unchanged writes nothing; the rest become draft versions by `options.author`.
 * A failure at any point leaves the database as it was.
 */
export async function importDrafts(
	db: Db,
	parsed: ParseResult,
	options: ImportOptions
): Promise<ImportReport> {
	return db.transaction(async (tx) => {
		const base = options.dryRun ? 0 : await lockForWrite(tx);
		const extent = await publishedExtent(tx);
		const { items, rejected: outside } = extent
			? checkExtent(parsed.items, extent)
			: { items: parsed.items, rejected: [] };
		const rejected = [...parsed.rejected, ...outside];
		const plan = planImport(items, await readExisting(tx, { ...parsed, items }));
		const write = !options.dryRun && (rejected.length === 0 || options.skipRejected === true);
		if (write && plan.writes.length)
			await writeDrafts(
				tx,
				plan.writes,
				base,
				options,
				options.submit === true,
				options.onProgress
			);
		return buildReport({
			format: parsed.format,
			rows: parsed.rows,
			results: plan.results,
			rejected,
			written: write && plan.writes.length > 0,
			dryRun: options.dryRun === true,
			notes: parsed.notes
		});
	});
}

/**
 * Publishes the newest (draft) version of each record in `keys` together, validated once against
 * the published dataset with all of them in place: records that refer to each other (a statement
 * and its incident) can only be published that way. All or nothing; returns the dataset version.
 */
export async function publishDrafts(
	db: Db,
	keys: { kind: string; id: string }[],
	change: Change
): Promise<number> {
	return db.transaction(async (tx) => {
		const base = await lockForWrite(tx);
		const drafts = await tx.query<{
			kind: string;
			id: string;
			version: number;
			body: string;
			status: string;
		}>(
			`select h.kind, h.id, r.version, r.status, r.body::text as body
			 from ${LATEST}
			 join unnest($1::text[], $2::text[]) as k(kind, id) on k.kind = h.kind and k.id = h.id`,
			[keys.map((k) => k.kind), keys.map((k) => k.id)]
		);
		if (drafts.length !== keys.length) throw new Error('publishDrafts: some records do not exist');
		const done = drafts.find((d) => d.status === 'published' || d.status === 'retracted');
		if (done)
			throw new Error(`${done.kind} ${done.id} version ${done.version} is already ${done.status}`);
		const byKey = new Map(drafts.map((d) => [`${d.kind}/${d.id}`, d.body]));
		const rows = (await readPublishedRows(tx)).map((row) => {
			const key = `${row.kind}/${row.id}`;
			const body = byKey.get(key);
			if (body === undefined) return row;
			byKey.delete(key);
			return { ...row, body };
		});
		for (const [key, body] of byKey) {
			const [kind, ...id] = key.split('/');
			rows.push({ kind, id: id.join('/'), body });
		}
		const { errors } = recordsToDataset(rows);
		if (errors.length) throw new RecordRejected(errors);
		await tx.exec(
			'create temp table publishing (kind text, id text, version integer, n integer) on commit drop'
		);
		await tx.query(
			`insert into publishing select * from jsonb_to_recordset($1::text::jsonb)
			 as x(kind text, id text, version integer, n integer)`,
			[
				JSON.stringify(
					drafts.map((d, i) => ({ kind: d.kind, id: d.id, version: d.version, n: i + 1 }))
				)
			]
		);
		await tx.query(
			`update records r set status = 'published', revision = $1::bigint + p.n from publishing p
			 where r.kind = p.kind and r.id = p.id and r.version = p.version`,
			[base]
		);
		await tx.query(
			`insert into revisions (revision, kind, id, version, status, author, reason, body)
			 select $1::bigint + p.n, r.kind, r.id, r.version, 'published', $2, $3, r.body
			 from publishing p join records r on r.kind = p.kind and r.id = p.id and r.version = p.version
			 order by p.n`,
			[base, change.author, change.reason ?? '']
		);
		await tx.exec(`update heads h set published_version = p.version from publishing p
			where h.kind = p.kind and h.id = p.id`);
		const version = await datasetVersion(tx);
		await tx.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, String(version)]);
		return version;
	});
}

/** The records an import left as drafts (newest version not yet published), for review. */
export async function draftKeys(db: Queryable): Promise<{ kind: string; id: string }[]> {
	return db.query(
		`select h.kind, h.id from ${LATEST} where r.status = 'draft' order by h.kind, h.position, h.id`
	);
}
