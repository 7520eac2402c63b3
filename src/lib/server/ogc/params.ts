import { readQuery, timeWindow, type IncidentQuery, type Interval } from '$lib/atlas/query';
import type { BBox } from '$lib/geo/bbox';

export type Parsed<T> = { ok: true; value: T } | { ok: false; description: string };
export type { Interval };

export const LIMIT_DEFAULT = 10;
export const LIMIT_MAX = 10_000;

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
	/**
	 * The time window: `datetime` and `from`/`to` intersected ({@link timeWindow}); it may start
	 * after it ends, and then selects nothing.
	 */
	interval?: Interval;
	/** `type`, `actor` and `q` (incidents only); absent when none is given. */
	filter?: IncidentQuery;
}

/** The parameters every collection reads; incidents also read `type`, `actor` and `q`. */
const SHARED = new Set(['from', 'to', 'datetime', 'bbox']);

/**
 * Reads the query of `/collections/{id}/items`: `limit` (1–10000, default 10), `offset` (≥ 0),
 * and the query of `$lib/atlas/query` with `datetime`: `bbox` (CRS84), `datetime`, `from`, `to`
 * (both time parameters apply), and for incidents `type`, `actor` and `q`. Unknown parameters
 * are ignored, and so is an empty value (`bbox=`); the first bad value gives a description naming
 * its parameter.
 */
export function parseItemsQuery(params: URLSearchParams, incidents: boolean): Parsed<ItemsQuery> {
	const limit = integer(params, 'limit', 1, LIMIT_MAX, LIMIT_DEFAULT);
	if (!limit.ok) return limit;
	const offset = integer(params, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
	if (!offset.ok) return offset;
	const { query, errors } = readQuery(params, { datetime: true });
	const error = errors.find((e) => incidents || SHARED.has(e.parameter));
	if (error) return { ok: false, description: error.description };
	const items: ItemsQuery = { limit: limit.value, offset: offset.value };
	if (query.bbox) items.bbox = query.bbox;
	const window = timeWindow(query);
	if (window) items.interval = window;
	if (incidents) {
		const filter: IncidentQuery = {};
		if (query.types) filter.types = query.types;
		if (query.actors) filter.actors = query.actors;
		if (query.q) filter.q = query.q;
		if (Object.keys(filter).length > 0) items.filter = filter;
	}
	return { ok: true, value: items };
}
