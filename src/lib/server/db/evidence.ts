import { createHash } from 'node:crypto';
import { findExcerpt } from '../../evidence/find_excerpt';
import type { FieldProblem } from '../editing/record_check';
import type { Queryable } from './db';

/** Where a snapshot's text came from: pasted by an editor, or extracted from an uploaded page. */
export type SnapshotOrigin = 'pasted' | 'html';

/** A capture of a source's text, without the text. */
export interface SnapshotInfo {
	id: number;
	sourceId: string;
	capturedAt: string;
	/** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
	sha256: string;
	origin: SnapshotOrigin;
	/** `user:<id>` of the account that captured it. */
	author: string;
	/** The text's length in UTF-16 code units (the unit of excerpt ranges). */
	length: number;
}

export interface Snapshot extends SnapshotInfo {
	text: string;
}

/** Where a statement's excerpt is: a range of one snapshot of its source. */
export interface StoredExcerpt {
	statementId: string;
	version: number;
	start: number;
	end: number;
	/** The snapshot's text in the range: the excerpt as the source has it. */
	text: string;
	snapshot: SnapshotInfo;
}

/** The source a snapshot is put on does not exist (in any status). */
export class NoSuchSource extends Error {
	constructor(readonly sourceId: string) {
		super(`No source "${sourceId.slice(0, 120)}"`);
		this.name = 'NoSuchSource';
	}
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * What is wrong with a snapshot's text, as problems of the field `text`: empty, or holding what a
 * database text cannot (NUL) or what is not Unicode (a lone surrogate, which would not survive
 * UTF-8 and so would shift every range after it).
 */
export function snapshotTextProblems(text: unknown): FieldProblem[] {
	if (typeof text !== 'string') return [{ field: 'text', message: 'must be a string' }];
	if (text.trim() === '') return [{ field: 'text', message: 'must not be empty' }];
	if (text.includes('\u0000')) return [{ field: 'text', message: 'must not contain NUL' }];
	if (!text.isWellFormed()) {
		return [{ field: 'text', message: 'must be well-formed Unicode (a lone surrogate)' }];
	}
	return [];
}

interface SnapshotRow {
	id: number | string;
	source_id: string;
	captured_at: Date | string;
	sha256: string;
	origin: SnapshotOrigin;
	author: string;
}

const COLUMNS = `id, source_id, captured_at, sha256, origin, author`;

function infoOf(row: SnapshotRow, length: number): SnapshotInfo {
	return {
		id: Number(row.id),
		sourceId: row.source_id,
		capturedAt: new Date(row.captured_at).toISOString(),
		sha256: row.sha256,
		origin: row.origin,
		author: row.author,
		length
	};
}

/**
 * Stores a new snapshot of source `sourceId` (which must exist, in any status), the newest from
 * now on; earlier ones stay, as do the excerpt ranges that point into them. `text` must pass
 * {@link snapshotTextProblems}. The capture time is the database's clock.
 */
export async function putSnapshot(
	db: Queryable,
	sourceId: string,
	snapshot: { text: string; origin: SnapshotOrigin; author: string }
): Promise<SnapshotInfo> {
	const [source] = await db.query(`select 1 from heads where kind = 'source' and id = $1`, [
		sourceId
	]);
	if (!source) throw new NoSuchSource(sourceId);
	const [row] = await db.query<SnapshotRow>(
		`insert into source_snapshots (source_id, sha256, text, origin, author)
		 values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
		[sourceId, sha256Hex(snapshot.text), snapshot.text, snapshot.origin, snapshot.author]
	);
	return infoOf(row, snapshot.text.length);
}

/** The newest snapshot of a source, with its text; `null` if it has none. */
export async function latestSnapshot(db: Queryable, sourceId: string): Promise<Snapshot | null> {
	const [row] = await db.query<SnapshotRow & { text: string }>(
		`select ${COLUMNS}, text from source_snapshots where source_id = $1 order by id desc limit 1`,
		[sourceId]
	);
	return row ? { ...infoOf(row, row.text.length), text: row.text } : null;
}

/** The excerpt range of a statement about to be saved, or the problem that refuses the save. */
export type LocatedExcerpt =
	| { ok: true; range: { snapshot: Snapshot; start: number; end: number } | null }
	| { ok: false; problem: FieldProblem };

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * For a statement (a valid body of kind `statement`) whose source has a snapshot: the range of its
 * `quote.text` in the newest snapshot (see `findExcerpt`: verbatim up to runs of whitespace), or a
 * problem of the field `quote.text` when it is not there. `range: null` for any other record, and
 * for a statement whose source has no snapshot (there is nothing to check it against yet).
 */
export async function locateExcerpt(
	tx: Queryable,
	kind: string,
	body: unknown
): Promise<LocatedExcerpt> {
	if (kind !== 'statement' || !isObject(body) || typeof body.source_id !== 'string') {
		return { ok: true, range: null };
	}
	const snapshot = await latestSnapshot(tx, body.source_id);
	if (!snapshot) return { ok: true, range: null };
	const quote = isObject(body.quote) && typeof body.quote.text === 'string' ? body.quote.text : '';
	const found = findExcerpt(snapshot.text, quote);
	if (!found) {
		return {
			ok: false,
			problem: {
				field: 'quote.text',
				message: `is not in the newest snapshot of source "${body.source_id}" (sha256 ${snapshot.sha256}, captured ${snapshot.capturedAt}): an excerpt must be verbatim, only runs of whitespace may differ`
			}
		};
	}
	return { ok: true, range: { snapshot, ...found } };
}

/** Records the excerpt range of statement `id` at `version` (in the transaction that saves it). */
export async function recordExcerpt(
	tx: Queryable,
	id: string,
	version: number,
	range: { snapshot: SnapshotInfo; start: number; end: number }
): Promise<void> {
	await tx.query(
		`insert into statement_excerpts (statement_id, version, snapshot_id, start_offset, end_offset)
		 values ($1, $2, $3, $4, $5)`,
		[id, version, range.snapshot.id, range.start, range.end]
	);
}

/**
 * The excerpt range stored with the newest version of statement `id`; `null` when the statement
 * does not exist or its newest version was saved while its source had no snapshot.
 */
export async function readExcerpt(db: Queryable, id: string): Promise<StoredExcerpt | null> {
	const [row] = await db.query<
		SnapshotRow & { version: number; start_offset: number; end_offset: number; text: string }
	>(
		`select e.version, e.start_offset, e.end_offset, s.id, s.source_id, s.captured_at, s.sha256,
		        s.origin, s.author, s.text
		 from heads h join statement_excerpts e on e.statement_id = h.id and e.version = h.latest_version
		 join source_snapshots s on s.id = e.snapshot_id
		 where h.kind = 'statement' and h.id = $1`,
		[id]
	);
	if (!row) return null;
	const [start, end] = [Number(row.start_offset), Number(row.end_offset)];
	return {
		statementId: id,
		version: Number(row.version),
		start,
		end,
		text: row.text.slice(start, end),
		snapshot: infoOf(row, row.text.length)
	};
}
