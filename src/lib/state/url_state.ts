import { isIsoDay } from '$lib/format/date';
import { DEFAULT_LANG, isLang, type Lang } from '$lib/i18n';

/** The map layers a reader can switch, as the legend names them. */
export const TOGGLE_LAYERS = [
	'basemap-settlements',
	'places',
	'nkao-1923-1991',
	'line-of-contact-1994-2020',
	'ceasefire-2020',
	'incidents'
] as const;
export type ToggleLayer = (typeof TOGGLE_LAYERS)[number];

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
 * `sel`, `from`, `to` (ISO days), `type` and `actor` (comma lists, or the parameter repeated;
 * actors are written repeated, as in `/api`, since their names may contain commas), `q`, `layers` (the layers
 * switched OFF, comma list: every layer is on by default, so a plain link shows everything),
 * `lang`, `view` (`lon,lat,zoom`), `org`, `topic`, `first`. Defaults are left out of the URL.
 */
export interface UrlState {
	sel: string | null;
	from: string | null;
	to: string | null;
	types: string[];
	actors: string[];
	q: string;
	layersOff: ToggleLayer[];
	lang: Lang;
	view: MapViewState | null;
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
	layersOff: [],
	lang: DEFAULT_LANG,
	view: null,
	org: null,
	topic: null,
	first: null
});

/** Known values; where given, anything else in the URL is ignored. */
export interface Vocabulary {
	types?: readonly string[];
	actors?: readonly string[];
}

const MAX_TEXT = 200;

/**
 * List separator: a comma not followed by whitespace, so that names such as
 * "Government of Armenia, Ministry of Defence" survive in a comma list.
 */
const LIST_SEPARATOR = /,(?!\s)/;

function text(value: string | null): string | null {
	const trimmed = value?.trim();
	return trimmed && trimmed.length <= MAX_TEXT ? trimmed : null;
}

function list(params: URLSearchParams, key: string, known?: readonly string[]): string[] {
	const allowed = known ? new Set(known) : null;
	const out: string[] = [];
	for (const raw of params.getAll(key)) {
		for (const item of raw.split(LIST_SEPARATOR)) {
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

/** Reads the state from a query string; a missing, malformed or unknown value leaves its default. */
export function parseUrlState(params: URLSearchParams, vocabulary: Vocabulary = {}): UrlState {
	let from = params.get('from');
	let to = params.get('to');
	from = isIsoDay(from) ? from : null;
	to = isIsoDay(to) ? to : null;
	if (from && to && from > to) [from, to] = [to, from];
	const lang = params.get('lang');
	const first = params.get('first');
	return {
		sel: text(params.get('sel')),
		from,
		to,
		types: list(params, 'type', vocabulary.types),
		actors: list(params, 'actor', vocabulary.actors),
		q: text(params.get('q')) ?? '',
		layersOff: list(params, 'layers', TOGGLE_LAYERS) as ToggleLayer[],
		lang: isLang(lang) ? lang : DEFAULT_LANG,
		view: parseView(params.get('view')),
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
	if (state.from) params.set('from', state.from);
	if (state.to) params.set('to', state.to);
	if (state.types.length) params.set('type', state.types.join(','));
	for (const actor of state.actors) params.append('actor', actor);
	if (state.q.trim()) params.set('q', state.q.trim());
	if (state.layersOff.length) {
		params.set('layers', TOGGLE_LAYERS.filter((l) => state.layersOff.includes(l)).join(','));
	}
	if (state.lang !== DEFAULT_LANG) params.set('lang', state.lang);
	if (state.view) {
		const { center, zoom } = state.view;
		params.set('view', `${round(center[0], 5)},${round(center[1], 5)},${round(zoom, 2)}`);
	}
	if (state.org) params.set('org', state.org);
	if (state.topic) params.set('topic', state.topic);
	if (state.first) params.set('first', state.first);
	return params.toString();
}
