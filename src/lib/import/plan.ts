import { ActorMatcher } from '../atlas/actors';
import type { DraftIncidentFeature, Extent, Organization } from '../data/schema';
import { EVENT_TYPES } from '../data/vocabulary';
import { KeyNumbers, grown, hash128 } from './compact';
import type { ImportItem, Rejection } from './types';

/** What the database holds that an import is compared with (read once, not per row). */
export interface Existing {
	/** Latest body of each record by `kind/id`. */
	bodies: Map<string, unknown>;
	/** Incident id by external id, `acled:AZE1234` / `ucdp:990001`. */
	byExternalId: Map<string, string>;
	/** Incidents that might be repeated by an imported row (see {@link findDuplicates}). */
	candidates: DuplicateCandidate[];
	/**
	 * The organisations an actor name may be matched to (see {@link ImportPlanner}): the newest
	 * version of every organisation record the import can see, drafts included.
	 */
	organizations?: Iterable<Pick<Organization, 'id' | 'names'>>;
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

/**
 * JSON with object keys sorted, so two bodies compare equal whatever order their keys are in:
 * what `JSON.stringify` writes once every object's keys are sorted (`undefined` and functions
 * left out of objects, `null` in arrays; `toJSON` honoured), written directly rather than by
 * copying each object with its keys sorted (the import digests some 320,000 bodies at 100,000 rows).
 */
export function canonical(value: unknown): string {
	return canonicalPart(value) as string;
}

function canonicalPart(value: unknown): string | undefined {
	if (value === null) return 'null';
	switch (typeof value) {
		case 'object':
			break;
		case 'undefined':
		case 'function':
		case 'symbol':
			return undefined;
		default:
			// Strings, numbers (NaN and infinities as null), booleans; a bigint throws as it would.
			return JSON.stringify(value);
	}
	const v = value as Record<string, unknown> & { toJSON?: () => unknown };
	if (typeof v.toJSON === 'function') return canonicalPart(v.toJSON());
	if (Array.isArray(v)) {
		let out = '[';
		for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + (canonicalPart(v[i]) ?? 'null');
		return out + ']';
	}
	let out = '{';
	for (const key of Object.keys(v).sort()) {
		const part = canonicalPart(v[key]);
		if (part === undefined) continue;
		out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + part;
	}
	return out + '}';
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
	return metresBetween(a[0], a[1], b[0], b[1]);
}

function metresBetween(lon1: number, lat1: number, lon2: number, lat2: number): number {
	const rad = Math.PI / 180;
	const dLat = (lat2 - lat1) * rad;
	const dLon = (lon2 - lon1) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
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

/** An incident as the duplicate rule compares it: its window as numbers, its first position. */
interface Probe {
	id: string;
	type: string;
	/** Its window (ms), widened by its date precision; NaN when a date cannot be read. */
	from: number;
	to: number;
	lon: number;
	lat: number;
	uncertainty: number;
	/** Its external ids (see {@link externalKey}), or undefined without any. */
	external: string | undefined;
}

/**
 * An incident's external ids as one string, `source\0value` pairs in key order joined by `\u0001`
 * (a value that is not a string marked and written as JSON); undefined when there are none.
 */
function externalKey(ids: Record<string, unknown> | undefined): string | undefined {
	if (!ids) return undefined;
	const keys = Object.keys(ids).sort();
	if (keys.length === 0) return undefined;
	return keys
		.map((k) => {
			const v = ids[k];
			return `${k}\0${typeof v === 'string' ? v : `\u0002${JSON.stringify(v)}`}`;
		})
		.join('\u0001');
}

/** Whether two {@link externalKey}s share a source and value (the same record, then). */
function sameExternal(a: string | undefined, b: string | undefined): boolean {
	if (a === undefined || b === undefined) return false;
	if (a === b) return true;
	if (!a.includes('\u0001') && !b.includes('\u0001')) return false;
	const mine = new Set(a.split('\u0001'));
	return b.split('\u0001').some((pair) => mine.has(pair));
}

function probeOf(c: DuplicateCandidate): Probe {
	const [from, to] = window(c.date, c.date_end, c.date_precision);
	return {
		id: c.id,
		type: c.type,
		from,
		to,
		lon: c.position?.[0],
		lat: c.position?.[1],
		uncertainty: c.uncertainty_m,
		external: externalKey(c.external_ids)
	};
}

/**
 * The duplicate rule: another record (by id and by external id) of the same type, whose window
 * overlaps `me`'s, within the larger of ~1 km and either's stated uncertainty.
 */
function repeats(
	me: Probe,
	id: string,
	type: string,
	from: number,
	to: number,
	lon: number,
	lat: number,
	uncertainty: number,
	external: string | undefined
): boolean {
	if (id === me.id || type !== me.type) return false;
	if (sameExternal(me.external, external)) return false;
	if (to < me.from || from > me.to) return false;
	const radius = Math.max(DUPLICATE_RADIUS_M, me.uncertainty, uncertainty);
	return metresBetween(me.lon, me.lat, lon, lat) <= radius;
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
	const me = probeOf(candidateOf(incident));
	const out: string[] = [];
	for (const candidate of candidates) {
		const c = probeOf(candidate);
		if (repeats(me, c.id, c.type, c.from, c.to, c.lon, c.lat, c.uncertainty, c.external))
			out.push(c.id);
	}
	return out.sort();
}

/** Degrees of latitude and of longitude per cell of the {@link CandidateIndex} grid (~28 km). */
export const CELL_DEG = 0.25;
/** Days per date bucket of the {@link CandidateIndex}. */
export const BUCKET_DAYS = 16;
/**
 * The largest stated uncertainty kept in the grid (ACLED's widest, geo_precision 3): a candidate
 * stated less precisely than this is kept in a list every look-up of its type scans, so that one
 * such incident does not widen every look-up.
 */
export const GRID_MAX_UNCERTAINTY_M = 50_000;
/** A window over more date buckets than this (years of date range) is kept in that list too. */
const MAX_BUCKETS = 64;
const EARTH_M = 6_371_008.8;
const LAT_CELLS = 180 / CELL_DEG + 1;
const LON_CELLS = 360 / CELL_DEG;

/** Candidates of one event type and one band of stated uncertainty, by cell and date bucket. */
interface Cells {
	/** Cell and bucket ({@link cellKey}) → the first link of the list of candidates in it. */
	grid: Map<number, number>;
	/** Every candidate of the band, each once (for a look-up that is cheaper as a scan). */
	all: number[];
	/** The largest uncertainty among them: how far around a row a look-up must reach. */
	maxUncertainty: number;
}

/**
 * The bands of stated uncertainty (metres, each up to and including its value) the grid keeps
 * apart, so the many precise incidents are looked up within a few kilometres and only the few
 * imprecise ones within 50.
 */
const BANDS = [DUPLICATE_RADIUS_M, 2_000, 10_000, GRID_MAX_UNCERTAINTY_M];

/** One event type's candidates: by band of uncertainty, and those every look-up scans. */
interface TypeCells {
	bands: (Cells | undefined)[];
	/** Stated too imprecisely for the grid, over too long a window, or with unreadable values. */
	always: number[];
}

const latCell = (lat: number) => Math.floor((lat + 90) / CELL_DEG);
const lonCell = (lon: number) => {
	const cell = Math.floor((((lon % 360) + 540) % 360) / CELL_DEG);
	return cell === LON_CELLS ? 0 : cell;
};
const cellKey = (bucket: number, lat: number, lon: number) =>
	(bucket * LAT_CELLS + lat) * LON_CELLS + lon;

/** The date buckets a window (ms) spans, or null when its dates cannot be read. */
function buckets(from: number, to: number): [number, number] | null {
	if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
	return [Math.floor(from / DAY / BUCKET_DAYS), Math.floor(to / DAY / BUCKET_DAYS)];
}

/** A position the grid can place: finite, latitude within ±90°. */
const placeable = (lon: number, lat: number) =>
	Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90;

/** Numbers the index keeps per candidate, in {@link CandidateIndex}'s `#numbers`. */
const FROM = 0;
const TO = 1;
const LON = 2;
const LAT = 3;
const UNCERTAINTY = 4;
const NUMBERS = 5;

/**
 * Candidates by event type, by a {@link CELL_DEG}° grid cell of their position and by the
 * {@link BUCKET_DAYS}-day buckets their (precision-widened) window spans, so each row of a file of
 * 100,000 is checked only against the incidents of its type that are near it in place and time,
 * rather than against every incident of its type in a two-month window (which grows with the
 * file). Candidates are kept apart by band of stated uncertainty; a look-up covers, in each band,
 * every cell a point within the rule's radius (the largest of ~1 km, the row's uncertainty and
 * the band's largest uncertainty) may lie in, and every bucket of the row's window; it finds a
 * superset of the duplicates and applies the rule of {@link findDuplicates} to each, so it finds
 * what a scan of all candidates finds.
 *
 * Compact, for it holds every incident of a file and those it may repeat (100,000 and more): a
 * candidate is a number, its window, position and uncertainty in one typed array, its type a
 * small number, its id and external ids two strings; the grid's lists are chains of links in two
 * typed arrays (a candidate has one link per date bucket of its window). Some 100 bytes a
 * candidate and its id, where objects took some 600.
 */
export class CandidateIndex {
	/** Candidate i's id and {@link externalKey}. */
	#ids: string[] = [];
	#external: (string | undefined)[] = [];
	/** Candidate i's numbers at `NUMBERS * i` + `FROM`, `TO`, `LON`, `LAT`, `UNCERTAINTY`. */
	#numbers = new Float64Array(NUMBERS * 1024);
	/** Candidate i's event type (a number of `#typeNumbers`) and its first date bucket. */
	#types = new Uint32Array(1024);
	#firstBucket = new Int32Array(1024);
	#count = 0;
	/** Link k: candidate `#linkCandidate[k]`, then link `#linkNext[k]` (-1: the end). */
	#linkCandidate = new Int32Array(1024);
	#linkNext = new Int32Array(1024);
	#links = 0;
	#typeNumbers = new Map<string, number>();
	#byType: TypeCells[] = [];

	constructor(candidates: Iterable<DuplicateCandidate> = []) {
		for (const c of candidates) this.add(c);
	}

	/** Candidates held. */
	get size(): number {
		return this.#count;
	}

	add(candidate: DuplicateCandidate) {
		const c = probeOf(candidate);
		let type = this.#typeNumbers.get(c.type);
		if (type === undefined) {
			type = this.#byType.length;
			this.#typeNumbers.set(ownType(c.type), type);
			this.#byType.push({ bands: [], always: [] });
		}
		const i = this.#count++;
		if (i === this.#types.length) {
			this.#types = grown(this.#types, i + 1);
			this.#firstBucket = grown(this.#firstBucket, i + 1);
			this.#numbers = grown(this.#numbers, NUMBERS * (i + 1));
		}
		this.#ids.push(c.id);
		this.#external.push(c.external);
		this.#types[i] = type;
		const at = NUMBERS * i;
		this.#numbers[at + FROM] = c.from;
		this.#numbers[at + TO] = c.to;
		this.#numbers[at + LON] = c.lon;
		this.#numbers[at + LAT] = c.lat;
		this.#numbers[at + UNCERTAINTY] = c.uncertainty;

		const cells = this.#byType[type];
		const span = buckets(c.from, c.to);
		const band = BANDS.findIndex((limit) => c.uncertainty <= limit);
		if (!span || span[1] - span[0] >= MAX_BUCKETS || !placeable(c.lon, c.lat) || band < 0) {
			cells.always.push(i);
			return;
		}
		const into: Cells = (cells.bands[band] ??= { grid: new Map(), all: [], maxUncertainty: 0 });
		into.all.push(i);
		into.maxUncertainty = Math.max(into.maxUncertainty, c.uncertainty);
		this.#firstBucket[i] = span[0];
		const lat = latCell(c.lat);
		const lon = lonCell(c.lon);
		for (let b = span[0]; b <= span[1]; b++) {
			const key = cellKey(b, lat, lon);
			const k = this.#links++;
			if (k === this.#linkNext.length) {
				this.#linkNext = grown(this.#linkNext, k + 1);
				this.#linkCandidate = grown(this.#linkCandidate, k + 1);
			}
			this.#linkCandidate[k] = i;
			this.#linkNext[k] = into.grid.get(key) ?? -1;
			into.grid.set(key, k);
		}
	}

	/** Whether candidate `i` is a duplicate of `me` by the rule of {@link findDuplicates}. */
	#repeats(me: Probe, i: number): boolean {
		const at = NUMBERS * i;
		const n = this.#numbers;
		return repeats(
			me,
			this.#ids[i],
			me.type,
			n[at + FROM],
			n[at + TO],
			n[at + LON],
			n[at + LAT],
			n[at + UNCERTAINTY],
			this.#external[i]
		);
	}

	/**
	 * The ids of the candidates `incident` may repeat, sorted: what {@link findDuplicates} finds
	 * among all of them.
	 */
	duplicates(incident: DraftIncidentFeature): string[] {
		const me = probeOf(candidateOf(incident));
		const out: string[] = [];
		for (const i of this.#near(me)) if (this.#repeats(me, i)) out.push(this.#ids[i]);
		return out.sort();
	}

	/** The ids of every candidate a look-up for `incident` considers, each once (a superset of its duplicates). */
	near(incident: DraftIncidentFeature): string[] {
		return [...this.#near(probeOf(candidateOf(incident)))].map((i) => this.#ids[i]);
	}

	/** Every candidate of `me`'s type that may be its duplicate, each once. */
	*#near(me: Probe): Generator<number> {
		const type = this.#typeNumbers.get(me.type);
		if (type === undefined) return;
		const cells = this.#byType[type];
		yield* cells.always;
		const span = buckets(me.from, me.to);
		const placed = span !== null && placeable(me.lon, me.lat);
		for (const band of cells.bands) {
			if (!band) continue;
			const radius = Math.max(DUPLICATE_RADIUS_M, me.uncertainty, band.maxUncertainty);
			const range = placed ? cellRange([me.lon, me.lat], radius) : null;
			const lookups = range && span ? (span[1] - span[0] + 1) * range.lats * range.lons : Infinity;
			if (!range || !span || !(lookups <= band.all.length)) {
				// Cheaper (or only possible) to look at every candidate of the band once.
				yield* band.all;
				continue;
			}
			for (let b = span[0]; b <= span[1]; b++)
				for (let lat = range.lat0; lat < range.lat0 + range.lats; lat++)
					for (let i = 0; i < range.lons; i++) {
						let k = band.grid.get(cellKey(b, lat, (range.lon0 + i) % LON_CELLS)) ?? -1;
						for (; k >= 0; k = this.#linkNext[k]) {
							const c = this.#linkCandidate[k];
							// A candidate is in every bucket of its window: yield it from the first one both share.
							if (b === Math.max(this.#firstBucket[c], span[0])) yield c;
						}
					}
		}
	}
}

/**
 * The grid cells any point within `radius` metres of `position` lies in: latitude rows
 * `lat0`…`lat0 + lats - 1` and longitude columns `lon0`… (`lons` of them, wrapping at the
 * antimeridian; all of them when the circle reaches a pole). A little wider than exact, never
 * narrower.
 */
export function cellRange(
	[lon, lat]: readonly number[],
	radius: number
): { lat0: number; lats: number; lon0: number; lons: number } {
	const d = (radius / EARTH_M) * 1.000001 + 1e-12;
	const dLat = (d * 180) / Math.PI + 1e-9;
	const lat0 = Math.max(0, latCell(lat - dLat));
	const lat1 = Math.min(LAT_CELLS - 1, latCell(lat + dLat));
	const rad = (lat * Math.PI) / 180;
	const reachesPole = d >= Math.PI / 2 - Math.abs(rad) - 1e-9;
	const dLon = reachesPole
		? 180
		: (Math.asin(Math.min(1, Math.sin(d) / Math.cos(rad))) * 180) / Math.PI + 1e-9;
	const k = Math.floor(dLon / CELL_DEG) + 1;
	if (reachesPole || 2 * k + 1 >= LON_CELLS)
		return { lat0, lats: lat1 - lat0 + 1, lon0: 0, lons: LON_CELLS };
	return {
		lat0,
		lats: lat1 - lat0 + 1,
		lon0: (lonCell(lon) - k + LON_CELLS) % LON_CELLS,
		lons: 2 * k + 1
	};
}

/**
 * `incident` with its actor names matched to organisation ids (see {@link ActorMatcher}); the
 * same object when nothing changes.
 */
export function withActorIds(
	incident: DraftIncidentFeature,
	actors: ActorMatcher
): DraftIncidentFeature {
	const before = incident.properties.actors;
	if (actors.empty || !Array.isArray(before)) return incident;
	const after = actors.entries(before);
	if (after.length === before.length && after.every((a, i) => a === before[i])) return incident;
	return { ...incident, properties: { ...incident.properties, actors: after } };
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
 * The first 128 bits of the SHA-256 of a canonical body ({@link hash128}): what the planner keeps
 * of each record it has written, rather than the body itself, so planning 100,000 rows does not
 * hold 100,000 bodies. Only ever compared with the digest of another body of the same record;
 * neither chance nor a crafted file makes two bodies agree on it.
 */
export function digest(text: string): [number, number, number, number] {
	return hash128(text);
}

/**
 * The `duplicateOf` of the (many) rows that repeat nothing: one shared empty list rather than one
 * per row, since every row's result is kept until the report. Frozen: nothing may add to it.
 */
const NO_DUPLICATES = Object.freeze([]) as unknown as string[];

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
 *
 * Every format's rows pass here, so this is where an actor name becomes the id of the
 * organisation it names (`organizations`: those of the target database, matched by
 * {@link ActorMatcher}), before the row is compared with what the database holds: importing our
 * own export (which writes organisations' English names) gives back the ids, and importing a file
 * twice still finds its rows unchanged. The id a row without an external id gets from its content
 * is computed by the parser, from the file's text, so the matching leaves it as it was.
 */
export class ImportPlanner {
	readonly #index: CandidateIndex;
	readonly #actors: ActorMatcher;
	/**
	 * The number of each record this import writes (from 1, in first-write order), by `kind/id`:
	 * a hash of the key rather than the key (100,000 rows write some 320,000 records).
	 */
	readonly #written = new KeyNumbers();
	/** The {@link digest} of each written record's body, four words per number. */
	#digests = new Uint32Array(4 * 4096);
	#n = 0;

	#digestOf(n: number): Uint32Array {
		return this.#digests.subarray(4 * n, 4 * n + 4);
	}

	#setDigest(n: number, body: readonly number[]) {
		if (4 * n + 3 >= this.#digests.length) this.#digests = grown(this.#digests, 4 * n + 4);
		this.#digests.set(body, 4 * n);
	}

	constructor(
		candidates: Iterable<DuplicateCandidate>,
		own: { ids: Set<string>; external: Set<string> },
		organizations: Iterable<Pick<Organization, 'id' | 'names'>> = []
	) {
		this.#actors = new ActorMatcher(organizations);
		const mine = (c: DuplicateCandidate) =>
			own.ids.has(c.id) ||
			Object.entries(c.external_ids ?? {}).some(([k, v]) => own.external.has(`${k}:${v}`));
		this.#index = new CandidateIndex();
		for (const c of candidates) if (!mine(c)) this.#index.add(c);
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
			let incident = withActorIds(
				matched ? withId(item.incident, matched) : item.incident,
				this.#actors
			);
			const id = incident.properties.id;
			const duplicateOf = this.#index.duplicates(incident);
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
				if (earlier && body.every((word, i) => earlier[i] === word)) continue;
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
				duplicateOf: duplicateOf.length ? duplicateOf : NO_DUPLICATES
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
	const planner = new ImportPlanner(existing.candidates, ownKeys(items), existing.organizations);
	const { results, writes: numbered } = planner.plan(items, existing);
	const writes: Write[] = [];
	for (const { n, again: _again, ...write } of numbered) {
		void _again;
		writes[n - 1] = write;
	}
	return { results, writes };
}
