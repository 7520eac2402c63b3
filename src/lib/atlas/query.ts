import type { IncidentFeature } from '$lib/data/schema';
import { actorSelection, type Organizations } from '$lib/atlas/actors';
import { EVENT_TYPES } from '$lib/data/vocabulary';
import { bboxIntersects, geometryBBox, parseBBox, type BBox } from '$lib/geo/bbox';
import {
	haystackMatches,
	incidentOwnText,
	normalise,
	queryWords,
	type SearchIndex
} from '$lib/geo/search';

/**
 * Which incidents a reader asks for: the same on the dashboard, `/api/*`, `/ogc/*`, the incident
 * page and every export. In a URL: `from`, `to` (ISO days), `type` and `actor` (repeated, or a
 * comma list), `q`, `bbox` (minLon,minLat,maxLon,maxLat) and, on `/ogc`, `datetime`.
 */
export interface IncidentQuery {
	/** ISO day; incidents ending before it are left out. */
	from?: string;
	/** ISO day; incidents starting after it are left out. */
	to?: string;
	/**
	 * OGC API – Features `datetime`, as given (validated): an instant or an interval. It selects
	 * like `from`/`to`; with both, an incident must pass both.
	 */
	datetime?: string;
	/** Any of these ACLED event types. */
	types?: string[];
	/**
	 * Any of these actors, each an organisation's id, one of its names in any language, or a
	 * free-text actor as the incident gives it (see `actorSelection` of `$lib/atlas/actors`).
	 */
	actors?: string[];
	/** Free text: every word must occur in the incident's search haystack. */
	q?: string;
	bbox?: BBox;
}

/** The parameters a query is read from, in the order {@link queryToParams} writes them. */
export const QUERY_PARAMETERS = ['from', 'to', 'datetime', 'type', 'actor', 'q', 'bbox'] as const;
export type QueryParameter = (typeof QUERY_PARAMETERS)[number];

export interface QueryError {
	parameter: QueryParameter;
	code: 'InvalidParameterValue';
	description: string;
}

/** A query as well as it can be read, and what was wrong with the parameters. */
export interface QueryReading {
	/**
	 * Every valid part of the query; of a repeated single parameter the first value, and a window
	 * given backwards swapped: what a dashboard opened from a mistyped link shows.
	 */
	query: IncidentQuery;
	errors: QueryError[];
}

export type QueryParse =
	| { ok: true; query: IncidentQuery }
	| { ok: false; status: 400; code: 'InvalidParameterValue'; description: string };

export interface QueryOptions {
	/** Read OGC API – Features `datetime` too (only `/ogc` takes it). */
	datetime?: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_Q = 500;
const TYPES = new Set<string>(EVENT_TYPES);
const DAY_MS = 86_400_000;

/**
 * List separator: a comma not followed by whitespace, so that names such as
 * "Government of Armenia, Ministry of Defence" survive in a comma list.
 */
const LIST_SEPARATOR = /,(?!\s)/;

/** Whether `s` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
	if (!ISO_DATE.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function shown(value: string): string {
	return JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value);
}

/**
 * Reads a query from URL parameters, collecting an error (naming its parameter) for each bad value
 * instead of stopping at the first. Unknown parameters are ignored, and so is an empty value.
 */
export function readQuery(params: URLSearchParams, options: QueryOptions = {}): QueryReading {
	const query: IncidentQuery = {};
	const errors: QueryError[] = [];
	const fail = (parameter: QueryParameter, description: string) =>
		errors.push({ parameter, code: 'InvalidParameterValue', description });
	const single = (name: QueryParameter): string | undefined => {
		const all = params.getAll(name);
		if (all.length > 1) fail(name, `Parameter "${name}" must be given at most once`);
		return all[0];
	};

	for (const name of ['from', 'to'] as const) {
		const raw = single(name);
		const value = raw?.trim();
		if (!value) continue;
		if (isIsoDate(value)) query[name] = value;
		else fail(name, `Parameter "${name}" must be a calendar date YYYY-MM-DD, got ${shown(raw!)}`);
	}
	if (query.from && query.to && query.from > query.to) {
		fail('from', `Parameter "from" (${query.from}) must not be after parameter "to" (${query.to})`);
		[query.from, query.to] = [query.to, query.from];
	}

	if (options.datetime) {
		const raw = single('datetime');
		if (raw) {
			const parsed = parseDatetime(raw);
			if (parsed.ok) query.datetime = raw;
			else fail('datetime', parsed.description);
		}
	}

	const types: string[] = [];
	for (const t of list(params, 'type')) {
		if (TYPES.has(t)) types.push(t);
		else
			fail(
				'type',
				`Parameter "type": ${shown(t)} is not an event type; use one of ${EVENT_TYPES.join(', ')}`
			);
	}
	if (types.length) query.types = types;
	const actors = list(params, 'actor');
	if (actors.length) query.actors = actors;

	const q = single('q');
	if (q !== undefined && q.length > MAX_Q) {
		fail('q', `Parameter "q" must be at most ${MAX_Q} characters long`);
	} else if (q?.trim()) query.q = q.trim();

	const bbox = single('bbox');
	if (bbox) {
		const parsed = parseBBox(bbox);
		if (parsed.ok) query.bbox = parsed.bbox;
		else fail('bbox', parsed.description);
	}
	return { query, errors };
}

/** Every value of a list parameter, repeated or comma-separated, trimmed, each once. */
function list(params: URLSearchParams, name: string): string[] {
	const out: string[] = [];
	for (const raw of params.getAll(name)) {
		for (const item of raw.split(LIST_SEPARATOR)) {
			const value = item.trim();
			if (value && !out.includes(value)) out.push(value);
		}
	}
	return out;
}

/**
 * Reads a query for an endpoint: the query, or the first bad parameter as a 400 whose
 * description names it (`{ code, description }` is what `/api` and `/ogc` answer with).
 */
export function parseQuery(params: URLSearchParams, options: QueryOptions = {}): QueryParse {
	const { query, errors } = readQuery(params, options);
	if (errors.length === 0) return { ok: true, query };
	const { code, description } = errors[0];
	return { ok: false, status: 400, code, description };
}

/** The inverse of {@link readQuery}: the query as URL parameters, for links, the URL and files. */
export function queryToParams(query: IncidentQuery): URLSearchParams {
	const params = new URLSearchParams();
	if (query.from) params.set('from', query.from);
	if (query.to) params.set('to', query.to);
	if (query.datetime) params.set('datetime', query.datetime);
	if (query.types?.length) params.set('type', query.types.join(','));
	for (const a of query.actors ?? []) params.append('actor', a);
	if (query.q?.trim()) params.set('q', query.q.trim());
	if (query.bbox) params.set('bbox', query.bbox.join(','));
	return params;
}

/** Whether the query restricts anything at all. */
export function isEmptyQuery(query: IncidentQuery): boolean {
	return (
		!query.from &&
		!query.to &&
		!query.datetime &&
		!query.types?.length &&
		!query.actors?.length &&
		!query.q?.trim() &&
		!query.bbox
	);
}

// --- time -----------------------------------------------------------------------------------

/** A closed time interval in ms since the epoch; an open end is ±Infinity. */
export type Interval = [number, number];

/**
 * The one time test: whether the closed span `[start, end]` overlaps the closed window
 * `[from, to]`, where an absent end of the window is open. ISO days compare as strings, instants
 * as numbers; a NaN span (no time) overlaps nothing.
 */
export function overlaps<T extends string | number>(
	start: T,
	end: T,
	from: T | undefined,
	to: T | undefined
): boolean {
	return (from === undefined || end >= from) && (to === undefined || start <= to);
}

/** The first and last day an incident covers: `[date, date_end ?? date]`. */
export function incidentDays(p: IncidentFeature['properties']): [string, string] {
	return [p.date, p.date_end ?? p.date];
}

/** Midnight UTC at the start of an ISO day, in ms. */
export function dayStart(day: string): number {
	return Date.parse(`${day}T00:00:00Z`);
}

/** The interval a span of whole ISO days covers, in ms: from the first midnight to the last ms. */
export function daysInterval(first: string, last: string): Interval {
	return [dayStart(first), dayStart(last) + DAY_MS - 1];
}

/**
 * The time window of a query in ms: `from`/`to` (whole days) and `datetime` intersected, since
 * both apply. Null when the query has no time restriction; a window that starts after it ends
 * (the two disagree) selects nothing.
 */
export function timeWindow(query: IncidentQuery): Interval | null {
	if (!query.from && !query.to && !query.datetime) return null;
	let lo = query.from ? dayStart(query.from) : -Infinity;
	let hi = query.to ? dayStart(query.to) + DAY_MS - 1 : Infinity;
	if (query.datetime) {
		const parsed = parseDatetime(query.datetime);
		if (parsed.ok) {
			lo = Math.max(lo, parsed.value[0]);
			hi = Math.min(hi, parsed.value[1]);
		}
	}
	return [lo, hi];
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The time window as ISO days, for data whose spans are whole days (incidents): a span of days
 * overlaps `[lo, hi]` exactly when it overlaps the days that contain `lo` and `hi`.
 */
function dayWindow(window: Interval): { from?: string; to?: string } {
	return {
		from: Number.isFinite(window[0]) ? isoDay(window[0]) : undefined,
		to: Number.isFinite(window[1]) ? isoDay(window[1]) : undefined
	};
}

// --- matching ---------------------------------------------------------------------------------

const bboxCache = new WeakMap<IncidentFeature, BBox | null>();

function featureBBox(feature: IncidentFeature): BBox | null {
	let b = bboxCache.get(feature);
	if (b === undefined) {
		b = geometryBBox(feature.geometry);
		bboxCache.set(feature, b);
	}
	return b;
}

const NONE = () => false;

/**
 * A predicate for one query, compiled once: the time window ({@link timeWindow}) overlapping the
 * incident's days ({@link incidentDays}, both ends inclusive), types and actors as any-of, `q` as
 * all-words-present in the search index (or, without an index, in the incident's own text only),
 * `bbox` as an intersection with the geometry's bounding box. `organizations` lets an actor be
 * asked for by its id or by any of its names, and lets the text search find an actor by its names;
 * without them an actor matches only as the incident spells it.
 */
export function queryMatcher(
	query: IncidentQuery,
	index?: SearchIndex,
	organizations: Organizations = new Map()
): (feature: IncidentFeature) => boolean {
	const window = timeWindow(query);
	if (window && window[0] > window[1]) return NONE;
	const days = window ? dayWindow(window) : null;
	const bbox = query.bbox;
	const types = query.types?.length ? new Set(query.types) : null;
	const actors = query.actors?.length ? actorSelection(query.actors, organizations.values()) : null;
	const words = query.q ? queryWords(query.q) : [];
	return (feature) => {
		const p = feature.properties;
		if (days && !overlaps(p.date, p.date_end ?? p.date, days.from, days.to)) return false;
		if (types && !types.has(p.type)) return false;
		if (actors && !p.actors.some((a) => actors.has(a))) return false;
		if (bbox) {
			const b = featureBBox(feature);
			if (!b || !bboxIntersects(b, bbox)) return false;
		}
		if (words.length > 0) {
			const haystack =
				index?.text.get(p.id) ?? normalise(incidentOwnText(feature, organizations).join(' '));
			if (!haystackMatches(haystack, words)) return false;
		}
		return true;
	};
}

/** The incidents that match `query`, in their original order. */
export function filterIncidents(
	features: readonly IncidentFeature[],
	query: IncidentQuery,
	index?: SearchIndex,
	organizations?: Organizations
): IncidentFeature[] {
	return features.filter(queryMatcher(query, index, organizations));
}

// --- OGC datetime -----------------------------------------------------------------------------

export type Parsed<T> = { ok: true; value: T } | { ok: false; description: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function validDate(y: number, m: number, d: number): boolean {
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * One end of a `datetime` value: an RFC 3339 date-time (an instant) or a full date (the whole UTC
 * day). Returns the interval it covers, or null if malformed.
 */
function parseMoment(text: string): Interval | null {
	let m = DATE.exec(text);
	if (m) {
		const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
		if (!validDate(y, mo, d)) return null;
		const start = Date.UTC(y, mo - 1, d);
		return [start, start + DAY_MS - 1];
	}
	m = DATE_TIME.exec(text);
	if (!m) return null;
	const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
	if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 60) return null;
	const offset = m[8];
	if (!/^[Zz]$/.test(offset)) {
		const [oh, om] = offset.slice(1).split(':').map(Number);
		if (oh > 23 || om > 59) return null;
	}
	const t = Date.parse(text.toUpperCase());
	return Number.isNaN(t) ? null : [t, t];
}

/**
 * Parses OGC API – Features `datetime`: an instant (`2016-04-02`, `2016-04-02T03:00:00Z`) or an
 * interval `start/end` where either end may be `..` or empty (open). A date covers its whole UTC
 * day.
 */
export function parseDatetime(text: string): Parsed<Interval> {
	const fail = (why: string): Parsed<Interval> => ({
		ok: false,
		description: `Parameter "datetime" ${why}; use an RFC 3339 date or date-time, or an interval start/end with ".." for an open end (got ${shown(text)})`
	});
	const parts = text.split('/');
	if (parts.length === 1) {
		const moment = parseMoment(parts[0]);
		return moment ? { ok: true, value: moment } : fail('is not a valid date-time');
	}
	if (parts.length !== 2) return fail('has more than one "/"');
	const ends: number[] = [];
	for (const [i, part] of parts.entries()) {
		if (part === '..' || part === '') {
			ends.push(i === 0 ? -Infinity : Infinity);
			continue;
		}
		const moment = parseMoment(part);
		if (!moment) return fail(`has an invalid ${i === 0 ? 'start' : 'end'}`);
		ends.push(i === 0 ? moment[0] : moment[1]);
	}
	if (ends[0] > ends[1]) return fail('starts after it ends');
	return { ok: true, value: [ends[0], ends[1]] };
}
