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
 * The region layers the legend must explain: those with no feature valid in `window`, each with
 * its period as its declaration states it ("1923–1991", or "since 2020" through `since` for one
 * still valid) and the window that shows it. The declaration, not the features, says when a
 * layer was valid: the features' own dates lie within it (`checkWithinLayer`), and may cover
 * only part of it.
 */
export function layersOutsideWindow(
	layers: Readonly<
		Record<
			string,
			{
				layer: { valid_from: string; valid_to: string | null };
				features: readonly { properties: { valid_from: string; valid_to: string | null } }[];
			}
		>
	>,
	window: TimeWindow,
	since: (year: string) => string
): Record<string, { period: string; window: TimeWindow }> {
	const out: Record<string, { period: string; window: TimeWindow }> = {};
	for (const [id, { layer, features }] of Object.entries(layers)) {
		if (features.some((f) => isValidIn(f.properties, window))) continue;
		const from = layer.valid_from.slice(0, 4);
		const to = layer.valid_to?.slice(0, 4);
		out[id] = {
			period: to === undefined ? since(from) : from === to ? from : `${from}–${to}`,
			window: windowShowing({ from: layer.valid_from, to: layer.valid_to }, window)
		};
	}
	return out;
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
