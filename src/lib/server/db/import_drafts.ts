import type { Extent, Organization } from '../../data/schema';
import { buildReport, type ImportReport } from '../../import/report';
import {
	ImportPlanner,
	candidateOf,
	extentRejection,
	type DuplicateCandidate,
	type Existing
} from '../../import/plan';
import { RowResults } from '../../import/compact';
import { parsedSource, type ImportSource } from '../../import/stream';
import {
	ImportFileError,
	type ImportItem,
	type ParseResult,
	type Rejection
} from '../../import/types';
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
	/** Told how far the import has got (`wrote 3232 records from 1000 of 30000 rows`), for stderr. */
	onProgress?: (message: string) => void;
}

/** Rows planned, looked up and written together: what the import holds in memory at a time. */
const BATCH = 1000;
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

/** What the first pass over a file learns: everything but the plan, in a few values per row. */
interface Scan {
	rows: number;
	notes: string[];
	/** The file's rejections and those of rows outside the extent. */
	rejected: Rejection[];
	/** Rows that became items inside the extent (the second pass must find as many). */
	kept: number;
	/** Their incident ids and external ids (see {@link ImportPlanner}). */
	own: { ids: Set<string>; external: Set<string> };
	/** The earliest date and the latest (end) date of those rows. */
	first: string;
	last: string;
}

/**
 * The first pass: reads the whole file (as a stream for tables) keeping only each row's ids,
 * dates and rejections. A file that cannot be read at all is one rejection of row 0.
 */
async function scanFile(source: ImportSource, extent: Extent | null): Promise<Scan> {
	const scan: Scan = {
		rows: 0,
		notes: [],
		rejected: [],
		kept: 0,
		own: { ids: new Set(), external: new Set() },
		first: '',
		last: ''
	};
	const pass = source.read();
	try {
		for (;;) {
			const next = await pass.next();
			if (next.done) {
				scan.rows = next.value.rows;
				scan.notes = next.value.notes;
				return scan;
			}
			const event = next.value;
			if ('rejected' in event) {
				for (const r of event.rejected) scan.rejected.push(r);
				continue;
			}
			const outside = extent ? extentRejection(event.item, extent) : null;
			if (outside) {
				scan.rejected.push(outside);
				continue;
			}
			scan.kept++;
			const p = event.item.incident.properties;
			scan.own.ids.add(p.id);
			for (const [k, v] of Object.entries(p.external_ids ?? {})) scan.own.external.add(`${k}:${v}`);
			if (!scan.first || p.date < scan.first) scan.first = p.date;
			const end = p.date_end ?? p.date;
			if (!scan.last || end > scan.last) scan.last = end;
		}
	} catch (error) {
		if (!(error instanceof ImportFileError)) throw error;
		return {
			...scan,
			rows: 0,
			notes: [],
			rejected: [{ row: 0, column: '', reason: error.message }],
			kept: 0
		};
	}
}

/**
 * The incidents rows dated `first`…`last` might repeat (a year either side), as compact
 * candidates: read once per import, one query.
 */
async function readCandidates(
	tx: Queryable,
	first: string,
	last: string
): Promise<DuplicateCandidate[]> {
	if (!first) return [];
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
	return rows.map((row) => {
		const feature = JSON.parse(row.body);
		for (const key of ['date_end', 'external_ids'])
			if (feature.properties[key] === null) delete feature.properties[key];
		return candidateOf(feature);
	});
}

/**
 * The query that finds the incidents holding the external ids `$1` (`text[]`) of source `name`:
 * each one's id, the external id and its latest body. One probe of the `records_incident_<name>`
 * index per external id (migration 4), then only the latest version: a batch's cost, whatever the
 * number of records. The probe is a lateral subquery kept apart (`offset 0`) so that it stays a
 * probe: PGlite never analyzes its tables, and without statistics the planner joined the ids to
 * every incident instead (reading and sorting all of them once per batch: 3.4 s a batch at
 * 100,000 incidents, most of a 100,000-row import's time).
 */
export function externalIdLookup(name: 'acled' | 'ucdp'): string {
	return `select h.id, k.value, r.body::text as body
		from unnest($1::text[]) as k(value)
		cross join lateral (select r.id, r.version, r.body from records r
		  where r.kind = 'incident' and r.body #>> '{properties,external_ids,${name}}' = k.value
		  offset 0) r
		join heads h on h.kind = 'incident' and h.id = r.id and h.latest_version = r.version`;
}

/**
 * The organisations an import matches actor names to: the newest version of every organisation
 * record an editor can see (drafts included, retracted ones left out), as the ingest's gazetteer
 * reads them; only their ids and names.
 */
export async function readOrganizations(
	tx: Queryable
): Promise<Pick<Organization, 'id' | 'names'>[]> {
	const rows = await tx.query<{ id: string; names: string | null }>(
		`select h.id, (r.body -> 'names')::text as names from ${LATEST}
		 where h.kind = 'organization' and r.status <> 'retracted'
		 order by h.position, h.id`
	);
	return rows.map((row) => {
		const names: unknown = row.names ? JSON.parse(row.names) : null;
		const object = typeof names === 'object' && names !== null && !Array.isArray(names);
		return { id: row.id, names: (object ? names : {}) as Organization['names'] };
	});
}

/** What the database holds for one batch of rows: bodies by `kind/id`, incidents by external id. */
async function readExisting(
	tx: Queryable,
	items: ImportItem[]
): Promise<Pick<Existing, 'bodies' | 'byExternalId'>> {
	const existing: Pick<Existing, 'bodies' | 'byExternalId'> = {
		bodies: new Map(),
		byExternalId: new Map()
	};
	const ids: Record<string, Set<string>> = {
		incident: new Set(),
		source: new Set(),
		statement: new Set()
	};
	const external: Record<'acled' | 'ucdp', Set<string>> = { acled: new Set(), ucdp: new Set() };
	for (const item of items) {
		const p = item.incident.properties;
		ids.incident.add(p.id);
		for (const s of item.sources) ids.source.add(s.id);
		for (const s of item.statements) ids.statement.add(s.id);
		if (p.external_ids?.acled) external.acled.add(p.external_ids.acled);
		if (p.external_ids?.ucdp) external.ucdp.add(p.external_ids.ucdp);
	}
	for (const name of ['acled', 'ucdp'] as const) {
		if (external[name].size === 0) continue;
		const rows = await tx.query<{ id: string; value: string; body: string }>(
			externalIdLookup(name),
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
	return existing;
}

/** The last position of each kind's heads (new heads are placed after them, in import order). */
async function lastPositions(tx: Queryable): Promise<Map<string, number>> {
	const rows = await tx.query<{ kind: string; position: number }>(
		'select kind, max(position) as position from heads group by kind'
	);
	return new Map(rows.map((r) => [r.kind, Number(r.position)]));
}

/**
 * How much JSON (in UTF-16 code units, about bytes) one statement of {@link writeBatch} sends: a
 * batch's records go in pieces of about this size. The embedded database parses each piece in its
 * own memory (the message, the text, the parsed JSON, the rows), memory it keeps once touched and
 * which counts in the import's: a whole batch at once (~5 MB at 1,000 ACLED rows) left ~80 MB of
 * it touched at 100,000 rows, pieces of 1 MB ~60 MB, of 0.5 MB ~48 MB (and the same CPU time).
 */
export const WRITE_PIECE_CHARS = 1 << 19;

/**
 * `rows` as JSON arrays of about `limit` characters each (at least one row each), in order, each
 * with the rows it holds (`rows[from…to)`): each row serialised once, by `json`, and one piece
 * made at a time.
 */
export function* jsonPieces<T>(
	rows: readonly T[],
	json: (row: T) => string,
	limit: number
): Generator<{ json: string; from: number; to: number }> {
	let parts: string[] = [];
	let size = 0;
	for (let i = 0; i < rows.length; i++) {
		const part = json(rows[i]);
		if (parts.length > 0 && size + part.length > limit) {
			yield { json: `[${parts.join(',')}]`, from: i - parts.length, to: i };
			parts = [];
			size = 0;
		}
		parts.push(part);
		size += part.length + 1;
	}
	if (parts.length > 0)
		yield { json: `[${parts.join(',')}]`, from: rows.length - parts.length, to: rows.length };
}

/**
 * Writes one batch's records as new draft versions, straight into the store (inside the import's
 * transaction, so nothing is visible, and nothing is left, unless it commits): numbered revisions
 * in the append-only log, a new head for a new record (after the others of its kind), the latest
 * version moved for one that exists; what readers see (the published version) is untouched. The
 * batch's rows go to the server as JSON parameters of about {@link WRITE_PIECE_CHARS} each; the
 * bodies are written twice (the record and its revision) and held nowhere else. `import_changes`
 * keeps each write's key, number and version (no body) for {@link submitWritten}. Rows are
 * inserted in key order, so that the indexes that lead with `(kind, id)` are filled a page at a
 * time rather than at random. A record is in `rows` once.
 */
async function writeBatch(
	tx: Queryable,
	rows: { kind: string; id: string; n: number; position: number; body: unknown }[],
	base: number,
	change: Change,
	first: boolean
) {
	if (first)
		await tx.exec(
			'create temp table import_changes (kind text, id text, n integer, version integer) on commit drop'
		);
	const sorted = [...rows].sort((a, b) =>
		a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
	);
	const pieces = jsonPieces(
		sorted,
		({ kind, id, n, body }) => JSON.stringify({ kind, id, n, body }),
		WRITE_PIECE_CHARS
	);
	for (const { json, from, to } of pieces) {
		await tx.query(
			`with x as (select * from json_to_recordset($1::text::json)
			   as x(kind text, id text, n integer, body json)),
			 v as (select x.kind, x.id, x.n, x.body, coalesce(h.latest_version, 0) + 1 as version
			   from x left join heads h on h.kind = x.kind and h.id = x.id),
			 r as (insert into records (kind, id, version, status, body, revision)
			   select kind, id, version, 'draft', body, $2::bigint + n from v order by kind, id),
			 c as (insert into import_changes select kind, id, n, version from v)
			 insert into revisions (revision, kind, id, version, status, author, reason, body)
			 select $2::bigint + n, kind, id, version, 'draft', $3, $4, body from v order by kind, id`,
			[json, base, change.author, change.reason ?? '']
		);
		// Each record is in the piece once: a new one gets version 1, one that exists the next version.
		const piece = sorted.slice(from, to);
		await tx.query(
			`insert into heads (kind, id, position, published_version, latest_version)
			 select x.kind, x.id, x.position, null, 1
			 from unnest($1::text[], $2::text[], $3::integer[]) as x(kind, id, position)
			 order by x.kind, x.id
			 on conflict (kind, id) do update set latest_version = heads.latest_version + 1`,
			[piece.map((r) => r.kind), piece.map((r) => r.id), piece.map((r) => r.position)]
		);
	}
}

/**
 * Submits the incidents an import wrote for review: each newest version written becomes
 * `in_review`, with one more revision each (numbered after the import's `count` drafts).
 */
async function submitWritten(tx: Queryable, base: number, count: number, change: Change) {
	await tx.exec(`create temp table import_submit on commit drop as
		select kind, id, version, row_number() over (order by n) as k
		from (select distinct on (id) kind, id, version, n from import_changes
		      where kind = 'incident' order by id, version desc) latest`);
	const next = base + count;
	await tx.query(
		`update records r set status = 'in_review', revision = $1::bigint + s.k from import_submit s
		 where r.kind = s.kind and r.id = s.id and r.version = s.version`,
		[next]
	);
	await tx.query(
		`insert into revisions (revision, kind, id, version, status, author, reason, body)
		 select $1::bigint + s.k, r.kind, r.id, r.version, 'in_review', $2, $3, r.body
		 from import_submit s join records r on r.kind = s.kind and r.id = s.id and r.version = s.version`,
		[next, change.author, change.reason ?? '']
	);
}

/**
 * Imports a file as drafts in ONE transaction: rows outside the dataset's extent are rejected; a
 * file with rejected rows writes nothing unless `skipRejected`; a row the database already holds
 * unchanged writes nothing; the rest become draft versions by `options.author`. A failure at any
 * point leaves the database as it was.
 *
 * The file is read twice and never held whole (for a table): a first pass learns every row's
 * ids, dates and rejections (so the duplicate check can leave the file's own records out, and
 * whether anything is to be written is known before writing); the second plans and writes
 * {@link BATCH} rows at a time, looking up only what the database holds for them.
 */
export async function importDrafts(
	db: Db,
	input: ImportSource | ParseResult,
	options: ImportOptions
): Promise<ImportReport> {
	const source = 'read' in input ? input : parsedSource(input);
	const progress = options.onProgress ?? (() => {});
	// The first pass runs before the transaction, so the write lock is not held while it reads.
	const extentBefore = await publishedExtent(db);
	const scanBefore = await scanFile(source, extentBefore);
	return db.transaction(async (tx) => {
		const base = options.dryRun ? 0 : await lockForWrite(tx);
		const extent = await publishedExtent(tx);
		const scan =
			JSON.stringify(extent) === JSON.stringify(extentBefore)
				? scanBefore
				: await scanFile(source, extent);
		const write = !options.dryRun && (scan.rejected.length === 0 || options.skipRejected === true);
		const results = new RowResults();
		let planner: ImportPlanner | null = new ImportPlanner(
			await readCandidates(tx, scan.first, scan.last),
			scan.own,
			await readOrganizations(tx)
		);
		scan.own = { ids: new Set(), external: new Set() };
		const positions = write ? await lastPositions(tx) : new Map<string, number>();
		let batch: ImportItem[] = [];
		let seen = 0;
		/** Records written so far: revision `base + n` is the n-th. */
		let written = 0;
		const flush = async () => {
			const { results: planned, writes } = planner!.plan(batch, await readExisting(tx, batch));
			for (const r of planned) results.push(r);
			batch = [];
			if (!write || writes.length === 0) return;
			// A record written twice in one batch is written once, with the later body; one written
			// again in a later batch gets another draft version (and revision) of its own.
			const byKey = new Map<string, { kind: string; id: string; body: unknown }>();
			for (const w of writes)
				byKey.set(`${w.kind}/${w.id}`, { kind: w.kind, id: w.id, body: w.body });
			const rows = [...byKey.values()].map((w) => {
				const position = (positions.get(w.kind) ?? -1) + 1;
				positions.set(w.kind, position);
				return { ...w, n: ++written, position };
			});
			await writeBatch(tx, rows, base, options, written === rows.length);
			progress(`wrote ${written} records from ${seen} of ${scan.kept} rows`);
		};
		if (scan.kept > 0) {
			for await (const event of source.read()) {
				if (!('item' in event) || (extent && extentRejection(event.item, extent))) continue;
				batch.push(event.item);
				seen++;
				if (batch.length >= BATCH) await flush();
			}
			if (batch.length) await flush();
			if (seen !== scan.kept)
				throw new Error(
					`the file changed while it was being imported (${scan.kept} rows, then ${seen}): nothing was written`
				);
		}
		// The duplicate index and the written records' numbers are done with: let them go before
		// the report is built (the most the import holds at once is at its end).
		planner = null;
		if (written && options.submit === true) await submitWritten(tx, base, written, options);
		if (written) progress(`wrote ${written} records and their revisions; committing`);
		return buildReport({
			format: source.format,
			rows: scan.rows,
			results,
			rejected: scan.rejected,
			written: written > 0,
			dryRun: options.dryRun === true,
			notes: scan.notes
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
			 join unnest($1::text[], $2::text[]) as k(kind, id) on k.kind = h.kind and k.id = h.id
			 order by h.kind, h.position`,
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
