import { knownActor, type Organizations } from '$lib/atlas/actors';
import { queryToParams, readQuery } from '$lib/atlas/query';
import { isIsoDay } from '$lib/format/date';
import type { BBox } from '$lib/geo/bbox';
import { DEFAULT_LANG, isLang, type Lang } from '$lib/i18n';

/**
 * The map layers every dataset has; besides them a reader can switch each region layer the
 * dataset declares (`Vocabulary.layers`), by its id.
 */
export const BASE_TOGGLES = ['basemap-settlements', 'places', 'incidents'] as const;
/** A switchable layer: one of {@link BASE_TOGGLES} or a declared region layer's id. */
export type ToggleLayer = string;

/** Every toggle of a dataset whose region layers are `layerIds`, in the URL's order. */
export function toggleLayers(layerIds: readonly string[]): string[] {
	return ['basemap-settlements', 'places', ...layerIds, 'incidents'];
}

export interface MapViewState {
	center: [number, number];
	zoom: number;
}

export type QuoteOrder = 'original' | 'translation';

/**
 * The reader's language first: the English UI shows our English translation before the excerpt,
 * the Vietnamese UI the (Vietnamese) excerpt before the translation. Both are always shown.
 */
export const defaultQuoteOrder = (lang: Lang): QuoteOrder =>
	lang === 'vi' ? 'original' : 'translation';

/**
 * Everything a reader would want to share about what they are looking at. In the query string:
 * `sel`; the incident query of `$lib/atlas/query` (`from`, `to`, `type`, `actor`, `q`, `bbox`,
 * read and written by that module, so a dashboard link and an `/api` or `/ogc` URL with the same
 * query select the same incidents); `layers` (the layers switched OFF, comma list: every layer is
 * on by default, so a plain link shows everything), `lang`, `view` (`lon,lat,zoom`), `period`
 * (the days the timeline is zoomed to, `from,to`: the timeline's counterpart of `view`), `org`,
 * `topic`, `first`. Defaults are left out of the URL.
 */
export interface UrlState {
	sel: string | null;
	from: string | null;
	to: string | null;
	types: string[];
	actors: string[];
	q: string;
	/** Only incidents whose geometry's bounding box meets this one (minLon, minLat, maxLon, maxLat). */
	bbox: BBox | null;
	layersOff: ToggleLayer[];
	lang: Lang;
	view: MapViewState | null;
	/** The days the timeline shows (its zoom), not the time window; `null`: the data's extent. */
	period: { from: string; to: string } | null;
	org: string | null;
	topic: string | null;
	/** Which of an excerpt and its translation comes first; `null`: the language's default. */
	first: QuoteOrder | null;
}

export const DEFAULT_URL_STATE: Readonly<UrlState> = Object.freeze({
	sel: null,
	from: null,
	to: null,
	types: [],
	actors: [],
	q: '',
	bbox: null,
	layersOff: [],
	lang: DEFAULT_LANG,
	view: null,
	period: null,
	org: null,
	topic: null,
	first: null
});

/** Known values; where given, anything else in the URL is ignored. */
export interface Vocabulary {
	types?: readonly string[];
	/** The actor entries incidents name; a URL may give one by its id or any of its names. */
	actors?: readonly string[];
	/** The organisations those entries refer to, whose names a URL's `actor` may use. */
	organizations?: Organizations;
	/** The dataset's region layers, by id: the toggles `layers=` may name besides the base ones. */
	layers?: readonly string[];
}

const MAX_TEXT = 200;

function text(value: string | null): string | null {
	const trimmed = value?.trim();
	return trimmed && trimmed.length <= MAX_TEXT ? trimmed : null;
}

function list(params: URLSearchParams, key: string, known?: readonly string[]): string[] {
	const allowed = known ? new Set(known) : null;
	const out: string[] = [];
	for (const raw of params.getAll(key)) {
		for (const item of raw.split(',')) {
			const value = text(item);
			if (value && (!allowed || allowed.has(value)) && !out.includes(value)) out.push(value);
		}
	}
	return out;
}

function parseView(value: string | null): MapViewState | null {
	const parts = value?.split(',');
	if (!parts || parts.length !== 3 || parts.some((p) => p.trim() === '')) return null;
	const [lon, lat, zoom] = parts.map(Number);
	if (![lon, lat, zoom].every(Number.isFinite)) return null;
	if (Math.abs(lon) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 22) return null;
	return { center: [lon, lat], zoom };
}

function parsePeriod(value: string | null): UrlState['period'] {
	const [from, to, ...rest] = value?.split(',') ?? [];
	return isIsoDay(from) && isIsoDay(to) && from <= to && !rest.length ? { from, to } : null;
}

/**
 * The actors of a URL as the dataset's entries: a name (in any language) of an organisation the
 * incidents name becomes its id, so a link written before actors were records, or by a reader in
 * another language, ticks the same box; each once, unknown ones left out.
 */
function knownActors(values: readonly string[], vocabulary: Vocabulary): string[] {
	if (!vocabulary.actors) return [...values];
	const out: string[] = [];
	for (const value of values) {
		const entry = knownActor(value, vocabulary.actors, vocabulary.organizations ?? new Map());
		if (entry !== undefined && !out.includes(entry)) out.push(entry);
	}
	return out;
}

/**
 * Reads the state from a query string; a missing, malformed or unknown value leaves its default.
 * The incident query is read by {@link readQuery}, whose bad values are dropped here (an endpoint
 * answers them with a 400): a mistyped link still opens the map.
 */
export function parseUrlState(params: URLSearchParams, vocabulary: Vocabulary = {}): UrlState {
	const { query } = readQuery(params);
	const known = (values: string[] | undefined, allowed: readonly string[] | undefined) =>
		allowed ? (values ?? []).filter((v) => allowed.includes(v)) : (values ?? []);
	const lang = params.get('lang');
	const first = params.get('first');
	return {
		sel: text(params.get('sel')),
		from: query.from ?? null,
		to: query.to ?? null,
		types: known(query.types, vocabulary.types),
		actors: knownActors(query.actors ?? [], vocabulary),
		q: query.q ?? '',
		bbox: query.bbox ?? null,
		layersOff: list(params, 'layers', toggleLayers(vocabulary.layers ?? [])),
		lang: isLang(lang) ? lang : DEFAULT_LANG,
		view: parseView(params.get('view')),
		period: parsePeriod(params.get('period')),
		org: text(params.get('org')),
		topic: text(params.get('topic')),
		first: first === 'translation' || first === 'original' ? first : null
	};
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Writes the state as a query string (no leading `?`), leaving out every default. */
export function serialiseUrlState(state: UrlState): string {
	const params = new URLSearchParams();
	if (state.sel) params.set('sel', state.sel);
	const query = queryToParams({
		from: state.from ?? undefined,
		to: state.to ?? undefined,
		types: state.types,
		actors: state.actors,
		q: state.q,
		bbox: state.bbox ?? undefined
	});
	for (const [key, value] of query) params.append(key, value);
	if (state.layersOff.length) {
		// The base toggles keep their place around the region layers, which keep their own order.
		const regions = state.layersOff.filter((l) => !(BASE_TOGGLES as readonly string[]).includes(l));
		params.set(
			'layers',
			toggleLayers(regions)
				.filter((l) => state.layersOff.includes(l))
				.join(',')
		);
	}
	if (state.lang !== DEFAULT_LANG) params.set('lang', state.lang);
	if (state.view) {
		const { center, zoom } = state.view;
		params.set('view', `${round(center[0], 5)},${round(center[1], 5)},${round(zoom, 2)}`);
	}
	if (state.period) params.set('period', `${state.period.from},${state.period.to}`);
	if (state.org) params.set('org', state.org);
	if (state.topic) params.set('topic', state.topic);
	if (state.first) params.set('first', state.first);
	return params.toString();
}
