import { overlaps } from '$lib/atlas/query';
import type {
	ExpressionSpecification,
	FilterSpecification
} from '@maplibre/maplibre-gl-style-spec';

export interface TimeWindow {
	from: string;
	to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Throws naming the parameter unless `window` is two ISO dates in order. */
export function assertWindow(window: TimeWindow): void {
	for (const key of ['from', 'to'] as const) {
		if (typeof window?.[key] !== 'string' || !ISO_DATE.test(window[key])) {
			throw new Error(
				`window.${key} must be an ISO date YYYY-MM-DD, got ${JSON.stringify(window?.[key])}`
			);
		}
	}
	if (window.from > window.to) {
		throw new Error(`window.from (${window.from}) is after window.to (${window.to})`);
	}
}

/** A date later than any in the data: what a missing `valid_to` (still valid) compares as. */
const OPEN_END = '9999-12-31';

/**
 * The filter that shows a region feature when its validity `[valid_from, valid_to]` (both days
 * included; `valid_to` null = still valid) overlaps the window. ISO dates compare as strings.
 * A window from 2020-09-28 on thus hides the 1994–2020 line (valid to 2020-09-27), and one that
 * reaches 2020-11-10 shows the ceasefire arrangement.
 */
export function layerFilter(window: TimeWindow): FilterSpecification {
	assertWindow(window);
	return [
		'all',
		['<=', ['to-string', ['get', 'valid_from']], window.to],
		['>=', ['to-string', ['coalesce', ['get', 'valid_to'], OPEN_END]], window.from]
	];
}

/** The MapLibre global state property of the regions' window `[from, to]` (ISO dates), see layers.ts `WINDOW_STATE`. */
export const REGION_WINDOW_STATE = 'regionWindow';

/**
 * {@link layerFilter} over the window in the global state {@link REGION_WINDOW_STATE}: the same
 * expression for every window, for the "global-state" design (issue 16).
 */
export function layerFilterByState(): FilterSpecification {
	const end = (i: 0 | 1): ExpressionSpecification => [
		'string',
		['at', i, ['array', ['global-state', REGION_WINDOW_STATE]]]
	];
	return [
		'all',
		['<=', ['to-string', ['get', 'valid_from']], end(1)],
		['>=', ['to-string', ['coalesce', ['get', 'valid_to'], OPEN_END]], end(0)]
	];
}

/** The same test in plain TypeScript, for lists and the legend. */
export function isValidIn(
	validity: { valid_from: string; valid_to: string | null },
	window: TimeWindow
): boolean {
	return overlaps(validity.valid_from, validity.valid_to ?? OPEN_END, window.from, window.to);
}

/**
 * The ids of the features valid in the window, joined: two windows with the same key select the
 * same region features, so the map can keep its filter (and skip re-tiling those sources) when a
 * window change does not show or hide any of them.
 */
export function validKey(
	features: readonly { properties: { id: string; valid_from: string; valid_to: string | null } }[],
	window: TimeWindow
): string {
	return features
		.filter((f) => isValidIn(f.properties, window))
		.map((f) => f.properties.id)
		.join('\n');
}

/**
 * The period a region layer is valid in: its features' earliest `valid_from` and latest
 * `valid_to` (`null` when one is still valid), or `null` for a layer without features.
 */
export function layerValidity(
	features: readonly { properties: { valid_from: string; valid_to: string | null } }[]
): { from: string; to: string | null } | null {
	if (features.length === 0) return null;
	let from = features[0].properties.valid_from;
	let to: string | null = features[0].properties.valid_to;
	for (const { properties: p } of features) {
		if (p.valid_from < from) from = p.valid_from;
		if (to !== null && (p.valid_to === null || p.valid_to > to)) to = p.valid_to;
	}
	return { from, to };
}

/**
 * The window that shows a layer valid in `validity`: the whole period when it has an end, else
 * from its start to the later of its start and `window.to`.
 */
export function windowShowing(
	validity: { from: string; to: string | null },
	window: TimeWindow
): TimeWindow {
	if (validity.to !== null) return { from: validity.from, to: validity.to };
	return { from: validity.from, to: window.to > validity.from ? window.to : validity.from };
}
