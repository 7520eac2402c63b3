import type { IncidentFeature } from '$lib/data/schema';
import { bboxIntersects, geometryBBox, parseBBox, type BBox } from './bbox';
import {
	haystackMatches,
	incidentOwnText,
	normalise,
	queryWords,
	type SearchIndex
} from './search';
import { EVENT_TYPES } from '../data/vocabulary';

export interface IncidentFilter {
	/** ISO date; incidents ending before it are left out. */
	from?: string;
	/** ISO date; incidents starting after it are left out. */
	to?: string;
	/** Any of these ACLED event types. */
	types?: string[];
	/** Any of these actors. */
	actors?: string[];
	/** Free text: every word must occur in the incident's search haystack. */
	q?: string;
	bbox?: [number, number, number, number];
}

const bboxCache = new WeakMap<IncidentFeature, BBox | null>();

function featureBBox(feature: IncidentFeature): BBox | null {
	let b = bboxCache.get(feature);
	if (b === undefined) {
		b = geometryBBox(feature.geometry);
		bboxCache.set(feature, b);
	}
	return b;
}

/**
 * A predicate for one filter, compiled once: the time window as an overlap of the incident's span
 * `[date, date_end ?? date]` with `[from, to]` (inclusive, either end open), types and actors as
 * any-of, `q` as all-words-present in the search index (or, without an index, in the incident's
 * own text only), `bbox` as an intersection with the geometry's bounding box.
 */
export function incidentMatcher(
	filter: IncidentFilter,
	index?: SearchIndex
): (feature: IncidentFeature) => boolean {
	const { from, to, bbox } = filter;
	const types = filter.types?.length ? new Set(filter.types) : null;
	const actors = filter.actors?.length ? new Set(filter.actors) : null;
	const words = filter.q ? queryWords(filter.q) : [];
	return (feature) => {
		const p = feature.properties;
		if (from && (p.date_end ?? p.date) < from) return false;
		if (to && p.date > to) return false;
		if (types && !types.has(p.type)) return false;
		if (actors && !p.actors.some((a) => actors.has(a))) return false;
		if (bbox) {
			const b = featureBBox(feature);
			if (!b || !bboxIntersects(b, bbox)) return false;
		}
		if (words.length > 0) {
			const haystack = index?.text.get(p.id) ?? normalise(incidentOwnText(feature).join(' '));
			if (!haystackMatches(haystack, words)) return false;
		}
		return true;
	};
}

/** The features that pass `filter`, in their original order. */
export function filterIncidents(
	features: IncidentFeature[],
	filter: IncidentFilter,
	index?: SearchIndex
): IncidentFeature[] {
	return features.filter(incidentMatcher(filter, index));
}

/** Whether the filter restricts anything at all. */
export function isEmptyFilter(filter: IncidentFilter): boolean {
	return (
		!filter.from &&
		!filter.to &&
		!filter.types?.length &&
		!filter.actors?.length &&
		!filter.q?.trim() &&
		!filter.bbox
	);
}

export type FilterParse =
	| { ok: true; filter: IncidentFilter }
	| { ok: false; status: 400; code: string; description: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_Q = 500;
export { EVENT_TYPES };
const TYPES = new Set<string>(EVENT_TYPES);

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
	if (!ISO_DATE.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function shown(value: string): string {
	return JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value);
}

function invalid(description: string): FilterParse {
	return { ok: false, status: 400, code: 'InvalidParameterValue', description };
}

/** Every value of a repeatable parameter, also split on commas where `commas` is true. */
function listParam(params: URLSearchParams, name: string, commas: boolean): string[] {
	const values = params.getAll(name).flatMap((v) => (commas ? v.split(',') : [v]));
	return values.map((v) => v.trim()).filter(Boolean);
}

/**
 * Reads the dashboard's filter from query parameters: `from`, `to` (ISO dates), `type` (repeatable
 * or comma-separated: ACLED event types contain no comma), `actor` (repeatable only, as actor names
 * may contain commas), `q`, `bbox` (minLon,minLat,maxLon,maxLat). Unknown parameters are ignored;
 * a bad value gives a 400 whose description names the parameter.
 */
export function parseFilterParams(params: URLSearchParams): FilterParse {
	const filter: IncidentFilter = {};
	for (const name of ['from', 'to'] as const) {
		const all = params.getAll(name);
		if (all.length > 1) return invalid(`Parameter "${name}" must be given at most once`);
		const value = all[0]?.trim();
		if (!value) continue;
		if (!isIsoDate(value))
			return invalid(
				`Parameter "${name}" must be a calendar date YYYY-MM-DD, got ${shown(all[0])}`
			);
		filter[name] = value;
	}
	if (filter.from && filter.to && filter.from > filter.to) {
		return invalid(
			`Parameter "from" (${filter.from}) must not be after parameter "to" (${filter.to})`
		);
	}
	const types = listParam(params, 'type', true);
	for (const t of types) {
		if (!TYPES.has(t))
			return invalid(
				`Parameter "type": ${shown(t)} is not an event type; use one of ${[...TYPES].join(', ')}`
			);
	}
	if (types.length) filter.types = [...new Set(types)];
	const actors = listParam(params, 'actor', false);
	if (actors.length) filter.actors = [...new Set(actors)];
	const qs = params.getAll('q');
	if (qs.length > 1) return invalid('Parameter "q" must be given at most once');
	if (qs[0] !== undefined && qs[0].length > MAX_Q)
		return invalid(`Parameter "q" must be at most ${MAX_Q} characters long`);
	if (qs[0]?.trim()) filter.q = qs[0].trim();
	const boxes = params.getAll('bbox');
	if (boxes.length > 1) return invalid('Parameter "bbox" must be given at most once');
	if (boxes[0] !== undefined && boxes[0] !== '') {
		const parsed = parseBBox(boxes[0]);
		if (!parsed.ok) return invalid(parsed.description);
		filter.bbox = parsed.bbox;
	}
	return { ok: true, filter };
}

/** The inverse of {@link parseFilterParams}, for links and the URL. */
export function filterToParams(filter: IncidentFilter): URLSearchParams {
	const params = new URLSearchParams();
	if (filter.from) params.set('from', filter.from);
	if (filter.to) params.set('to', filter.to);
	for (const t of filter.types ?? []) params.append('type', t);
	for (const a of filter.actors ?? []) params.append('actor', a);
	if (filter.q) params.set('q', filter.q);
	if (filter.bbox) params.set('bbox', filter.bbox.join(','));
	return params;
}
