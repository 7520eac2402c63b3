import { parseBBox, type BBox } from '$lib/geo/bbox';
import { parseFilterParams, type IncidentFilter } from '$lib/geo/filter';

export type Parsed<T> = { ok: true; value: T } | { ok: false; description: string };

export const LIMIT_DEFAULT = 10;
export const LIMIT_MAX = 10_000;

/** A closed time interval in ms since the epoch; open ends are ±Infinity. */
export type Interval = [number, number];

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
		return [start, start + 86_400_000 - 1];
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
		description: `Parameter "datetime" ${why}; use an RFC 3339 date or date-time, or an interval start/end with ".." for an open end (got ${JSON.stringify(text.length > 60 ? text.slice(0, 60) + '…' : text)})`
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

function single(params: URLSearchParams, name: string): Parsed<string | undefined> {
	const all = params.getAll(name);
	if (all.length > 1) return { ok: false, description: `Parameter "${name}" must be given once` };
	return { ok: true, value: all[0] === '' ? undefined : all[0] };
}

function integer(
	params: URLSearchParams,
	name: string,
	min: number,
	max: number,
	fallback: number
): Parsed<number> {
	const raw = single(params, name);
	if (!raw.ok) return raw;
	if (raw.value === undefined) return { ok: true, value: fallback };
	const n = /^\d{1,16}$/.test(raw.value) ? Number(raw.value) : NaN;
	if (!Number.isSafeInteger(n) || n < min || n > max) {
		return {
			ok: false,
			description: `Parameter "${name}" must be an integer from ${min} to ${max}; got ${JSON.stringify(raw.value.slice(0, 40))}`
		};
	}
	return { ok: true, value: n };
}

export interface ItemsQuery {
	limit: number;
	offset: number;
	bbox?: BBox;
	interval?: Interval;
	/** `type`, `actor`, `q` (incidents only); absent when none is given. */
	filter?: IncidentFilter;
}

/**
 * Reads the query of `/collections/{id}/items`: `limit` (1–10000, default 10), `offset` (≥ 0),
 * `bbox` (CRS84), `datetime`, and for incidents the dashboard's `type`, `actor` and `q`. Unknown
 * parameters are ignored, and so is an empty value (`bbox=`); the first bad value gives a
 * description naming its parameter.
 */
export function parseItemsQuery(params: URLSearchParams, incidents: boolean): Parsed<ItemsQuery> {
	const limit = integer(params, 'limit', 1, LIMIT_MAX, LIMIT_DEFAULT);
	if (!limit.ok) return limit;
	const offset = integer(params, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
	if (!offset.ok) return offset;
	const query: ItemsQuery = { limit: limit.value, offset: offset.value };
	const bbox = single(params, 'bbox');
	if (!bbox.ok) return bbox;
	if (bbox.value !== undefined) {
		const parsed = parseBBox(bbox.value);
		if (!parsed.ok) return parsed;
		query.bbox = parsed.bbox;
	}
	const datetime = single(params, 'datetime');
	if (!datetime.ok) return datetime;
	if (datetime.value !== undefined) {
		const parsed = parseDatetime(datetime.value);
		if (!parsed.ok) return parsed;
		query.interval = parsed.value;
	}
	if (incidents) {
		const own = new URLSearchParams();
		for (const name of ['type', 'actor', 'q']) {
			for (const v of params.getAll(name)) own.append(name, v);
		}
		const parsed = parseFilterParams(own);
		if (!parsed.ok) return { ok: false, description: parsed.description };
		if (Object.keys(parsed.filter).length > 0) query.filter = parsed.filter;
	}
	return { ok: true, value: query };
}
