import { createHash } from 'node:crypto';
import type { DraftIncidentFeature, Extent } from '../data/schema';
import { EVENT_TYPES } from '../data/vocabulary';
import type { ImportItem, Rejection } from './types';

/** What the database holds that an import is compared with (read once, not per row). */
export interface Existing {
	/** Latest body of each record by `kind/id`. */
	bodies: Map<string, unknown>;
	/** Incident id by external id, `acled:AZE1234` / `ucdp:990001`. */
	byExternalId: Map<string, string>;
	/** Incidents that might be repeated by an imported row (see {@link findDuplicates}). */
	candidates: DuplicateCandidate[];
}

export interface DuplicateCandidate {
	id: string;
	date: string;
	date_end?: string;
	date_precision: string;
	type: string;
	position: [number, number];
	uncertainty_m: number;
	external_ids?: Record<string, string>;
}

export type RowStatus = 'new' | 'updated' | 'unchanged';

export interface RowResult {
	row: number;
	id: string;
	status: RowStatus;
	/** Incidents this row may repeat (same type, nearby, overlapping dates). */
	duplicateOf: string[];
}

export interface Write {
	kind: 'incident' | 'source' | 'statement';
	id: string;
	body: unknown;
}

export interface Plan {
	results: RowResult[];
	writes: Write[];
}

/** JSON with object keys sorted, so two bodies compare equal whatever order their keys are in. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.keys(v)
						.sort()
						.map((k) => [k, v[k]])
				)
			: v
	);
}

/** The positions of an incident geometry. */
function positions(geometry: DraftIncidentFeature['geometry']): number[][] {
	switch (geometry.type) {
		case 'Point':
			return [geometry.coordinates];
		case 'LineString':
			return geometry.coordinates;
		case 'MultiLineString':
			return geometry.coordinates.flat();
	}
}

const inside = ([lon, lat]: number[], [minLon, minLat, maxLon, maxLat]: Extent) =>
	lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;

/**
 * The rejection of a row whose geometry leaves the dataset's extent (as `check:data` would refuse
 * it on publishing), saying when latitude and longitude look swapped; null when it is inside.
 */
export function extentRejection(item: ImportItem, extent: Extent): Rejection | null {
	const outside = positions(item.incident.geometry).find((p) => !inside(p, extent));
	if (!outside) return null;
	const swapped = inside([outside[1], outside[0]], extent);
	return {
		row: item.row,
		column: item.geometryColumn ?? 'geometry',
		reason: `longitude ${outside[0]}, latitude ${outside[1]} lies outside the dataset's extent [${extent.join(', ')}]${swapped ? ': latitude and longitude look swapped' : ''}`
	};
}

/** {@link extentRejection} over a whole file: the rows kept and those rejected. */
export function checkExtent(
	items: ImportItem[],
	extent: Extent
): { items: ImportItem[]; rejected: Rejection[] } {
	const kept: ImportItem[] = [];
	const rejected: Rejection[] = [];
	for (const item of items) {
		const rejection = extentRejection(item, extent);
		if (rejection) rejected.push(rejection);
		else kept.push(item);
	}
	return { items: kept, rejected };
}

/** Metres between two lon/lat positions (haversine). */
export function metres(a: readonly number[], b: readonly number[]): number {
	const rad = Math.PI / 180;
	const dLat = (b[1] - a[1]) * rad;
	const dLon = (b[0] - a[0]) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

const DAY = 86_400_000;
/** Days a date may be off by at each precision: a week's event may sit on any of its days. */
const SLACK_DAYS: Record<string, number> = { day: 0, week: 6, month: 30, year: 365 };

/** The days an incident may have happened on, widened by its date precision. */
function window(date: string, end: string | undefined, precision: string): [number, number] {
	const slack = (SLACK_DAYS[precision] ?? 0) * DAY;
	return [Date.parse(date) - slack, Date.parse(end ?? date) + slack];
}

/** The least distance at which two incidents count as the same place: ~1 km, or their stated radius. */
export const DUPLICATE_RADIUS_M = 1_000;

/**
 * `type` as the vocabulary's own string: a type read from a file is a slice of the text it was
 * read from, and keeping the slice in the duplicate index would keep that whole piece of text.
 */
function ownType(type: string): string {
	return EVENT_TYPES.find((t) => t === type) ?? type;
}

export function candidateOf(incident: DraftIncidentFeature): DuplicateCandidate {
	const p = incident.properties;
	return {
		id: p.id,
		date: p.date,
		...(p.date_end ? { date_end: p.date_end } : {}),
		date_precision: p.date_precision,
		type: ownType(p.type),
		position: positions(incident.geometry)[0] as [number, number],
		uncertainty_m: p.uncertainty_m,
		...(p.external_ids ? { external_ids: p.external_ids as Record<string, string> } : {})
	};
}

/**
 * The incidents `incident` may repeat: same event type, dates that overlap once each is widened by
 * its precision, and points within the larger of ~1 km and either's stated uncertainty. An
 * incident with the same external id is the same record, not a duplicate.
 */
export function findDuplicates(
	incident: DraftIncidentFeature,
	candidates: Iterable<DuplicateCandidate>
): string[] {
	const me = candidateOf(incident);
	const [from, to] = window(me.date, me.date_end, me.date_precision);
	const out: string[] = [];
	for (const c of candidates) {
		if (c.id === me.id || c.type !== me.type) continue;
		if (
			me.external_ids &&
			c.external_ids &&
			Object.entries(me.external_ids).some(([k, v]) => c.external_ids![k] === v)
		)
			continue;
		const [cFrom, cTo] = window(c.date, c.date_end, c.date_precision);
		if (cTo < from || cFrom > to) continue;
		const radius = Math.max(DUPLICATE_RADIUS_M, me.uncertainty_m, c.uncertainty_m);
		if (metres(me.position, c.position) <= radius) out.push(c.id);
	}
	return out.sort();
}

/** A window wider than this many days is kept in one list that every look-up scans. */
const WIDE_DAYS = 62;

/** One event type's candidates: by the first day of their window, and those too wide for that. */
interface TypeBucket {
	byFirstDay: Map<number, DuplicateCandidate[]>;
	wide: DuplicateCandidate[];
}

/**
 * Candidates by event type and by the first day of their window (each stored once), so each row of
 * a file of 100,000 is checked against the incidents of its own type whose windows may overlap
 * its own (those starting at most {@link WIDE_DAYS} days before it) rather than against every
 * incident (which would be quadratic): the work per row is the number of such incidents, whatever
 * the file's size.
 */
export class CandidateIndex {
	#byType = new Map<string, TypeBucket>();

	constructor(candidates: Iterable<DuplicateCandidate> = []) {
		for (const c of candidates) this.add(c);
	}

	add(c: DuplicateCandidate) {
		let bucket = this.#byType.get(c.type);
		if (!bucket) this.#byType.set(c.type, (bucket = { byFirstDay: new Map(), wide: [] }));
		const [from, to] = window(c.date, c.date_end, c.date_precision).map((t) => Math.floor(t / DAY));
		if (to - from > WIDE_DAYS) {
			bucket.wide.push(c);
			return;
		}
		const list = bucket.byFirstDay.get(from);
		if (list) list.push(c);
		else bucket.byFirstDay.set(from, [c]);
	}

	/** Every candidate of `incident`'s type whose window may overlap its (a superset; {@link findDuplicates} decides). */
	*near(incident: DraftIncidentFeature): Generator<DuplicateCandidate> {
		const p = incident.properties;
		const bucket = this.#byType.get(p.type);
		if (!bucket) return;
		const [from, to] = window(p.date, p.date_end, p.date_precision).map((t) => Math.floor(t / DAY));
		yield* bucket.wide;
		if (to - from > WIDE_DAYS) {
			for (const list of bucket.byFirstDay.values()) yield* list;
			return;
		}
		// A window of at most WIDE_DAYS days that overlaps [from, to] starts in [from - WIDE_DAYS, to].
		for (let day = from - WIDE_DAYS; day <= to; day++) {
			const list = bucket.byFirstDay.get(day);
			if (list) yield* list;
		}
	}
}

/** `incident` under another id (the one an existing record with its external id has). */
function withId(incident: DraftIncidentFeature, id: string): DraftIncidentFeature {
	return { ...incident, id, properties: { ...incident.properties, id } };
}

/** The keys `acled:AZE1234` of an incident's external ids. */
export function externalKeys(incident: DraftIncidentFeature): string[] {
	return Object.entries(incident.properties.external_ids ?? {}).map(([k, v]) => `${k}:${v}`);
}

/**
 * The first 64 bits of the SHA-1 of a canonical body, as two 32-bit words: what the planner keeps
 * of each record it has written, rather than the body itself, so planning 100,000 rows does not
 * hold 100,000 bodies. Only ever compared with the digest of another body of the same record, so
 * a chance collision (2^-64 per comparison) is negligible.
 */
export function digest(text: string): [number, number] {
	const hash = createHash('sha1').update(text).digest();
	return [hash.readUInt32LE(0), hash.readUInt32LE(4)];
}

/** A write the planner decided, numbered in the order the records are first written (from 1). */
export interface NumberedWrite extends Write {
	n: number;
	/** The same record was written earlier in this import: this body replaces that one. */
	again: boolean;
}

/**
 * Decides, row by row, what an import writes, a batch of rows at a time (so a file of any size
 * is planned with only its current batch in memory): a row whose incident (by external id, else
 * by id) exists with the same body and sources is `unchanged` and writes nothing; one that exists
 * with another body is `updated` (a new draft version of what changed); any other is `new`.
 * Possible duplicates (of existing incidents or of earlier rows of the same file) are flagged on
 * the incident itself (`possible_duplicate_of`), so the reviewer sees them.
 *
 * The file's own incidents are compared in file order only (each with the rows before it), as on
 * the first import, so that importing the file again finds the same duplicates: existing
 * candidates that are the file's own rows (`own`: by id or external id) are left out.
 */
export class ImportPlanner {
	readonly #index: CandidateIndex;
	/** The number of each record this import writes, by `kind/id` (from 1, in first-write order). */
	readonly #written = new Map<string, number>();
	/** The {@link digest} of each written record's body, two words per number. */
	#digests = new Uint32Array(2 * 4096);
	#n = 0;

	#digestOf(n: number): [number, number] {
		return [this.#digests[2 * n], this.#digests[2 * n + 1]];
	}

	#setDigest(n: number, [a, b]: [number, number]) {
		if (2 * n + 1 >= this.#digests.length) {
			const grown = new Uint32Array(this.#digests.length * 2);
			grown.set(this.#digests);
			this.#digests = grown;
		}
		this.#digests[2 * n] = a;
		this.#digests[2 * n + 1] = b;
	}

	constructor(
		candidates: Iterable<DuplicateCandidate>,
		own: { ids: Set<string>; external: Set<string> }
	) {
		const mine = (c: DuplicateCandidate) =>
			own.ids.has(c.id) ||
			Object.entries(c.external_ids ?? {}).some(([k, v]) => own.external.has(`${k}:${v}`));
		this.#index = new CandidateIndex([...candidates].filter((c) => !mine(c)));
	}

	/** Records written so far (distinct). */
	get written(): number {
		return this.#n;
	}

	/**
	 * Plans the next rows of the file, given what the database holds for them (`bodies` by
	 * `kind/id`, `byExternalId`): their results, and the writes they add (a record written again
	 * keeps its number, `again`).
	 */
	plan(
		items: ImportItem[],
		existing: Pick<Existing, 'bodies' | 'byExternalId'>
	): { results: RowResult[]; writes: NumberedWrite[] } {
		const results: RowResult[] = [];
		const writes: NumberedWrite[] = [];
		for (const item of items) {
			const matched = externalKeys(item.incident)
				.map((key) => existing.byExternalId.get(key))
				.find((id) => id !== undefined);
			let incident = matched ? withId(item.incident, matched) : item.incident;
			const id = incident.properties.id;
			const duplicateOf = findDuplicates(incident, this.#index.near(incident));
			const { possible_duplicate_of: _drop, ...properties } = incident.properties;
			void _drop;
			incident = {
				...incident,
				properties: duplicateOf.length
					? { ...properties, possible_duplicate_of: duplicateOf }
					: properties
			};
			this.#index.add(candidateOf(incident));

			const before = existing.bodies.get(`incident/${id}`);
			const records: Write[] = [
				...item.sources.map((s) => ({ kind: 'source' as const, id: s.id, body: s })),
				...item.statements.map((s) => ({ kind: 'statement' as const, id: s.id, body: s })),
				{ kind: 'incident', id, body: incident }
			];
			let changed = false;
			for (const record of records) {
				const key = `${record.kind}/${record.id}`;
				const old = existing.bodies.get(key);
				const mine = this.#written.get(key);
				if (item.partial && record.kind !== 'incident' && (old !== undefined || mine)) continue;
				const body = digest(canonical(record.body));
				const earlier =
					mine !== undefined
						? this.#digestOf(mine)
						: old === undefined
							? undefined
							: digest(canonical(old));
				if (earlier && earlier[0] === body[0] && earlier[1] === body[1]) continue;
				changed = true;
				const n = mine ?? ++this.#n;
				writes.push({ ...record, n, again: mine !== undefined });
				this.#written.set(key, n);
				this.#setDigest(n, body);
			}
			results.push({
				row: item.row,
				id,
				status: before === undefined ? 'new' : changed ? 'updated' : 'unchanged',
				duplicateOf
			});
		}
		return { results, writes };
	}
}

/** The file's own ids and external ids (see {@link ImportPlanner}). */
export function ownKeys(items: Iterable<ImportItem>): { ids: Set<string>; external: Set<string> } {
	const own = { ids: new Set<string>(), external: new Set<string>() };
	for (const item of items) {
		own.ids.add(item.incident.properties.id);
		for (const key of externalKeys(item.incident)) own.external.add(key);
	}
	return own;
}

/** {@link ImportPlanner} over a whole file at once: its results and its writes, in order. */
export function planImport(items: ImportItem[], existing: Existing): Plan {
	const planner = new ImportPlanner(existing.candidates, ownKeys(items));
	const { results, writes: numbered } = planner.plan(items, existing);
	const writes: Write[] = [];
	for (const { n, again: _again, ...write } of numbered) {
		void _again;
		writes[n - 1] = write;
	}
	return { results, writes };
}
