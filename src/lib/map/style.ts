import type {
	FeatureCollection,
	Geometry,
	LineString,
	MultiLineString,
	Point,
	Polygon
} from 'geojson';
import type {
	DataDrivenPropertyValueSpecification,
	ExpressionSpecification,
	FilterSpecification,
	LayerSpecification,
	StyleSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type { LayerDeclaration, LayerId, LayerStyle } from '$lib/data/vocabulary';
import { matchExpression, radiusExpression, typeColorExpression } from './encoding';
import { BOLD_FONT_STACK, ITALIC_FONT_STACK, REGULAR_FONT_STACK } from './fonts';
import { acrossZooms, perFeature, zoomCurvePerFeature } from './shader_variants';
import { hatchPattern } from './pattern';
import {
	PLACE_LABEL_OFFSET,
	PLACE_LABEL_TEXT_SIZE,
	incidentFilters,
	WINDOW_STATE,
	incidentSourceData,
	regionSourceData,
	windowState,
	type IncidentMapProperties,
	type MapData,
	type PlaceMapProperties,
	type RegionMapProperties
} from './layers';
import { WATER_PLACE_WORDS, type MapLang } from './map_text';
import { REGION_WINDOW_STATE, layerFilter, layerFilterByState, type TimeWindow } from './time';

/** The toggles every map has, before the region layers, in the order the legend lists them. */
export const BASE_TOGGLE_IDS = ['incidents', 'places', 'basemap-settlements'] as const;
/** A toggle: one of {@link BASE_TOGGLE_IDS} or a declared region layer's id. */
export type ToggleId = string;

/** The toggles the legend offers for a dataset's layers (in declared order), in its order. */
export function toggleIds(layers: readonly Pick<LayerDeclaration, 'id'>[]): ToggleId[] {
	return [...BASE_TOGGLE_IDS, ...layers.map((l) => l.id)];
}

/** The style layers of the base toggles. */
const BASE_TOGGLE_LAYERS: Record<(typeof BASE_TOGGLE_IDS)[number], readonly string[]> = {
	incidents: [
		'incidents-uncertainty',
		'incidents-uncertainty-outline',
		'incidents-lines-casing',
		'incidents-lines',
		'incidents-circles'
	],
	places: ['places-circles', 'places-water-labels', 'places-labels'],
	'basemap-settlements': ['basemap-settlements']
};

/**
 * The style layers that draw one region layer, by its style class: an area's fill (and hatch)
 * under everything else, its outline, or a line. Their ids start with the layer id; the outline
 * or line is the layer id itself.
 */
export function regionStyleLayers(layer: Pick<LayerDeclaration, 'id' | 'style'>): {
	fills: string[];
	lines: string[];
} {
	const { id, style } = layer;
	if (style === 'front-line') return { fills: [], lines: [id] };
	return {
		fills: style === 'hatched-zone' ? [`${id}-fill`, `${id}-hatch`] : [`${id}-fill`],
		lines: [id]
	};
}

/** The style layers each toggle shows or hides, for a dataset's region layers. */
export function toggleStyleLayers(
	layers: readonly Pick<LayerDeclaration, 'id' | 'style'>[]
): Record<ToggleId, readonly string[]> {
	const out: Record<ToggleId, readonly string[]> = { ...BASE_TOGGLE_LAYERS };
	for (const layer of layers) {
		const { fills, lines } = regionStyleLayers(layer);
		out[layer.id] = [...fills, ...lines];
	}
	return out;
}

/**
 * The paint colour of each style class (the data picks the class, the code keeps the paint):
 * the former NKAO's violet, the line of contact's red, the ceasefire zone's teal.
 */
export const STYLE_COLORS: Record<LayerStyle, string> = {
	'historic-boundary': '#6a4c93',
	'front-line': '#c1121f',
	'hatched-zone': '#1d7874'
};

export const INCIDENT_LAYERS = {
	circles: 'incidents-circles',
	lines: 'incidents-lines',
	casing: 'incidents-lines-casing',
	uncertainty: 'incidents-uncertainty',
	uncertaintyOutline: 'incidents-uncertainty-outline'
} as const;

/** The layers a click or hover can pick an incident from, topmost first. */
export const PICKABLE_LAYERS = [INCIDENT_LAYERS.circles, INCIDENT_LAYERS.lines];

export const HATCH_IMAGE = 'ceasefire-hatch';

/**
 * Incident lines are drawn this many pixels to the side of their geometry, white-edged: a line
 * incident traced along the line of contact (the four-day war's "heavy fighting") then runs
 * beside the red dashed line instead of covering it. A few pixels are well within the lines'
 * stated accuracy (kilometres) at every zoom the map allows.
 */
export const INCIDENT_LINE_OFFSET = 5;

/**
 * The uncertainty halo reads as "somewhere in here", not as a blast zone: a thin dashed outline
 * (dash, gap in line widths) over a barely tinted disc.
 */
export const HALO_DASH: [number, number] = [4, 3];
export const HALO_FILL_OPACITY = 0.05;

/** Land colours, muted and distinct so that no two neighbours share one. */
export const COUNTRY_COLORS: Record<string, string> = {
	Azerbaijan: '#eee4cf',
	Armenia: '#dfe8d3',
	Georgia: '#ebdde6',
	Turkey: '#dde3ee',
	Iran: '#eddccd',
	Russia: '#e5e5da'
};
export const OTHER_COUNTRY_COLOR = '#e9e9e4';
/**
 * Land, as the countries outside the palette: water is drawn as water (Natural Earth's lakes and
 * rivers), so whatever lies past the basemap's box, seen only when the map is rotated, reads as
 * more land and not as a sea ending in a hard rectangle.
 */
export const BACKGROUND_COLOR = OTHER_COUNTRY_COLOR;
export const WATER_COLOR = '#9ec3dd';
export const WATER_LABEL_COLOR = '#2a5d84';

/**
 * The box the basemap covers (`BASEMAP_OPTIONS.bbox` of scripts/basemap/generate.ts), west,
 * south, east, north: the map's `maxBounds`, so that its edge never shows as a rectangle.
 */
export const BASEMAP_BOUNDS: [number, number, number, number] = [44.0, 38.3, 48.5, 41.5];

/**
 * How far a reader may pan: the basemap's box, grown to hold every place and incident (Baku lies
 * east of the basemap, and imported data may too) with `margin` degrees to spare. No record is
 * ever out of reach; beyond the basemap the land-coloured background carries on, so its edge still
 * shows no rectangle.
 */
export function panBounds(
	features: Iterable<{ geometry: { coordinates: unknown } }>,
	base: readonly [number, number, number, number] = BASEMAP_BOUNDS,
	margin = 0.5
): [number, number, number, number] {
	let [w, s, e, n] = base;
	const visit = (c: unknown): void => {
		if (!Array.isArray(c)) return;
		if (typeof c[0] === 'number' && typeof c[1] === 'number') {
			if (c[0] - margin < w) w = c[0] - margin;
			if (c[0] + margin > e) e = c[0] + margin;
			if (c[1] - margin < s) s = c[1] - margin;
			if (c[1] + margin > n) n = c[1] + margin;
		} else for (const inner of c) visit(inner);
	};
	for (const f of features) visit(f.geometry.coordinates);
	return [Math.max(w, -180), Math.max(s, -85), Math.min(e, 180), Math.min(n, 85)];
}

/** Curated places that are water, not settlements: labelled in the water style, with no dot. */
export const WATER_PLACE_KINDS = ['reservoir', 'river source', 'river mouth'] as const;
export type WaterPlaceKind = (typeof WATER_PLACE_KINDS)[number];

/** The symbol layers whose text follows the reader's language, with the `text-field` of each. */
export const LANG_LABEL_LAYERS: Record<string, (lang: MapLang) => ExpressionSpecification> = {
	'basemap-water-labels': basemapLabelField,
	'basemap-lake-labels': basemapLabelField,
	'basemap-country-labels': basemapLabelField,
	'places-water-labels': waterPlaceLabelField
};

/** The `text-field` of the basemap's own labels (country, lake and river names) in a language. */
export function basemapLabelField(lang: MapLang): ExpressionSpecification {
	return lang === 'vi'
		? ['to-string', ['coalesce', ['get', 'name_vi'], ['get', 'name']]]
		: ['to-string', ['get', 'name']];
}

/**
 * The `text-field` of the curated water places (`WATER_PLACE_KINDS`) in a language: in English the
 * data's label; in another, the name inside it (`name_in_label`, from `waterPlaceName`) with that
 * language's generic word (`WATER_PLACE_WORDS`), so the Vietnamese map reads "Cửa sông Tartar",
 * not "Tartar river mouth". A label not built from its kind stays as the data has it.
 */
export function waterPlaceLabelField(lang: MapLang): ExpressionSpecification {
	const label: ExpressionSpecification = ['to-string', ['get', 'label']];
	if (lang === 'en') return label;
	const name: ExpressionSpecification = ['to-string', ['get', 'name_in_label']];
	const byKind: unknown[] = ['match', ['to-string', ['get', 'kind']]];
	for (const kind of WATER_PLACE_KINDS) {
		const [before, after] = WATER_PLACE_WORDS[lang][kind];
		byKind.push(kind, ['concat', before, name, after]);
	}
	byKind.push(label);
	return ['case', ['has', 'name_in_label'], byKind as ExpressionSpecification, label];
}

export const CREDITS = {
	naturalEarth: 'Natural Earth (public domain)',
	geonames: 'GeoNames (CC BY 4.0)',
	dataset: 'Incident Atlas dataset'
} as const;

export interface StyleOptions {
	/** Absolute URL of the folder serving `countries.geojson`, `borders.geojson`, `settlements.geojson`. */
	basemapUrl: string;
	/** The labels' glyph files, with MapLibre's `{fontstack}` and `{range}` (`glyphsUrl` in fonts.ts). */
	glyphsUrl: string;
	incidents: FeatureCollection<Point | LineString | MultiLineString, IncidentMapProperties>;
	/** The imprecise points' halos as polygons, for their dashed outlines (`haloPolygons`). */
	halos: FeatureCollection<Polygon, IncidentMapProperties>;
	places: FeatureCollection<Point, PlaceMapProperties>;
	regions: Record<LayerId, FeatureCollection<Geometry, RegionMapProperties>>;
	/** The region layers' declarations, in declared order: which style layers draw each. */
	regionLayers: readonly Pick<LayerDeclaration, 'id' | 'style'>[];
	/** The highest claimed casualty figure in the dataset: the top of the size scale. */
	maxClaim: number;
	window: TimeWindow;
	/** Missing toggles are on. */
	toggles: Partial<Record<string, boolean>>;
	/** From `visibleIdFilter`; `null` shows every incident. */
	idFilter: ExpressionSpecification | null;
	/** From `ringIds`: the incidents with an uncertainty ring, `null` for all visible ones. */
	rings?: readonly string[] | null;
	/** Spellings of curated places: settlements with these names are not labelled twice. */
	placeSpellings: readonly string[];
	/** The language of the basemap's country, lake and river names; English when missing. */
	lang?: MapLang;
	/**
	 * How a window change reaches the map: `filter` (default) sets new filters; `state` keeps the
	 * filters, which read the window from MapLibre's global state (`WINDOW_STATE`,
	 * `REGION_WINDOW_STATE`), and sets that state. `idFilter` must then come from
	 * `incidentVisibilityFilter(…, true)`.
	 */
	windowBy?: 'filter' | 'state';
}

const IS_WATER_PLACE: ExpressionSpecification = [
	'match',
	['to-string', ['get', 'kind']],
	[...WATER_PLACE_KINDS],
	true,
	false
];

const POLYGONS: ExpressionSpecification = [
	'match',
	['geometry-type'],
	['Polygon', 'MultiPolygon'],
	true,
	false
];

/** The one source of the region layers' features (`regionSourceData`). */
export const REGION_SOURCE = 'regions';

/**
 * The filter of every style layer that draws a region layer, for a time window: its own region
 * layer's features (they share one source) valid in the window.
 */
export function regionLayerFilters(
	window: TimeWindow,
	regionLayers: readonly Pick<LayerDeclaration, 'id' | 'style'>[],
	byState = false
): Record<string, FilterSpecification> {
	const valid = (byState ? layerFilterByState() : layerFilter(window)) as ExpressionSpecification;
	const filters: Record<string, FilterSpecification> = {};
	for (const layer of regionLayers) {
		const own: ExpressionSpecification = ['==', ['get', 'layer'], layer.id];
		const { fills, lines } = regionStyleLayers(layer);
		for (const id of fills) filters[id] = ['all', own, POLYGONS, valid];
		for (const id of lines) filters[id] = ['all', own, valid];
	}
	return filters;
}

/**
 * The style layers of the region layers, bottom first: every area's fill (and hatch), then the
 * areas' outlines, then the lines, each pass in declared order, so a front line is never
 * covered by an area's outline.
 */
function regionLayerSpecs(
	regionLayers: readonly Pick<LayerDeclaration, 'id' | 'style'>[],
	filters: Record<string, FilterSpecification>,
	vis: (id: ToggleId) => { visibility: 'visible' | 'none' }
): LayerSpecification[] {
	const fills: LayerSpecification[] = [];
	const outlines: LayerSpecification[] = [];
	const lines: LayerSpecification[] = [];
	for (const { id, style } of regionLayers) {
		const color = STYLE_COLORS[style];
		const base = { source: REGION_SOURCE, filter: filters[id] };
		if (style === 'front-line') {
			lines.push({
				id,
				type: 'line',
				...base,
				layout: { ...vis(id), 'line-join': 'round' },
				paint: {
					'line-color': perFeature(color),
					'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.8, 11, 3.2],
					'line-dasharray': [3, 1.5]
				}
			});
			continue;
		}
		const hatched = style === 'hatched-zone';
		fills.push({
			id: `${id}-fill`,
			type: 'fill',
			source: REGION_SOURCE,
			filter: filters[`${id}-fill`],
			layout: vis(id),
			paint: { 'fill-color': perFeature(color), 'fill-opacity': hatched ? 0.08 : 0.07 }
		});
		if (hatched) {
			fills.push({
				id: `${id}-hatch`,
				type: 'fill',
				source: REGION_SOURCE,
				filter: filters[`${id}-hatch`],
				layout: vis(id),
				// No antialiased outline (a program of its own): the layer's line draws the edge.
				paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.9, 'fill-antialias': false }
			});
		}
		outlines.push({
			id,
			type: 'line',
			...base,
			layout: { ...vis(id), 'line-join': 'round' },
			paint: hatched
				? {
						'line-color': perFeature(color),
						'line-width': zoomCurvePerFeature([
							[6, 1],
							[11, 2]
						]),
						'line-opacity': perFeature(0.9)
					}
				: {
						'line-color': perFeature(color),
						'line-width': zoomCurvePerFeature([
							[6, 1.2],
							[11, 2.5]
						]),
						'line-opacity': perFeature(0.85)
					}
		});
	}
	return [...fills, ...outlines, ...lines];
}

/**
 * The filter of every incident style layer, for the visible-id part from `visibleIdFilter` and
 * the ring ids from `ringIds`.
 */
export function incidentLayerFilters(
	idFilter: ExpressionSpecification | null,
	rings: readonly string[] | null = null
): Record<string, FilterSpecification> {
	const filters = incidentFilters(idFilter, rings);
	return {
		[INCIDENT_LAYERS.circles]: filters.circles,
		[INCIDENT_LAYERS.lines]: filters.lines,
		[INCIDENT_LAYERS.casing]: filters.lines,
		[INCIDENT_LAYERS.uncertainty]: filters.uncertainty,
		[INCIDENT_LAYERS.uncertaintyOutline]: filters.halos
	};
}

/**
 * The expression of `circle-radius` for incident circles, bigger when hovered or selected; across
 * zooms like the halo's (`shader_variants.ts`), though it is the same at every zoom.
 */
export function incidentRadius(maxClaim: number): DataDrivenPropertyValueSpecification<number> {
	const radius = radiusExpression(maxClaim);
	return acrossZooms(
		byState<ExpressionSpecification>(
			{ selected: ['+', radius, 3], highlighted: ['+', radius, 2], hover: ['+', radius, 2] },
			radius
		) as ExpressionSpecification
	) as DataDrivenPropertyValueSpecification<number>;
}

/** The filter of the settlement labels: by population as the zoom allows, not curated places. */
export function settlementFilter(placeSpellings: readonly string[]): FilterSpecification {
	return [
		'all',
		[
			'>=',
			['to-number', ['get', 'population'], 0],
			['step', ['zoom'], 50_000, 7, 10_000, 8, 3_000, 9, 0]
		],
		[
			'!',
			['match', ['to-string', ['get', 'name']], [...new Set([...placeSpellings, ''])], true, false]
		]
	];
}

function state(name: 'hover' | 'selected' | 'highlighted'): ExpressionSpecification {
	return ['boolean', ['feature-state', name], false];
}

/** Picks a value by feature-state: selected, then highlighted, then hover, else the default. */
function byState<T>(
	values: { selected: T; highlighted: T; hover: T },
	otherwise: T
): DataDrivenPropertyValueSpecification<T> {
	return [
		'case',
		state('selected'),
		values.selected,
		state('highlighted'),
		values.highlighted,
		state('hover'),
		values.hover,
		otherwise
	] as DataDrivenPropertyValueSpecification<T>;
}

export function visibility(toggles: Partial<Record<string, boolean>>, id: ToggleId) {
	return toggles[id] === false ? ('none' as const) : ('visible' as const);
}

function assertUrl(name: string, value: string): void {
	if (!/^https?:\/\/.+\/$/.test(value)) {
		throw new Error(
			`buildStyle: ${name} must be an absolute http(s) URL ending in "/", got ${JSON.stringify(value)}`
		);
	}
}

function assertGlyphsUrl(value: string): void {
	if (!/^[a-z][a-z0-9+.-]*:\/\/.*\{fontstack\}.*\{range\}/.test(value)) {
		throw new Error(
			`buildStyle: glyphsUrl must be an absolute URL with {fontstack} and {range}, got ${JSON.stringify(value)}`
		);
	}
}

/**
 * The whole map as a MapLibre style (https://maplibre.org/maplibre-style-spec/). Pure: the same
 * options give the same style, and `validateStyleMin` accepts it. Labels are drawn from the glyph
 * files the app serves itself (see `fonts.ts`), so nothing leaves the machine.
 */
export function buildStyle(options: StyleOptions): StyleSpecification {
	assertUrl('basemapUrl', options.basemapUrl);
	assertGlyphsUrl(options.glyphsUrl);
	const windowByState = options.windowBy === 'state';
	const regionFilters = regionLayerFilters(options.window, options.regionLayers, windowByState);
	const incidentFilter = incidentLayerFilters(options.idFilter, options.rings ?? null);
	const typeColor = typeColorExpression();
	const vis = (id: ToggleId) => ({ visibility: visibility(options.toggles, id) });

	const sources: StyleSpecification['sources'] = {
		countries: {
			type: 'geojson',
			data: `${options.basemapUrl}countries.geojson`,
			attribution: CREDITS.naturalEarth
		},
		borders: {
			type: 'geojson',
			data: `${options.basemapUrl}borders.geojson`,
			attribution: CREDITS.naturalEarth
		},
		settlements: {
			type: 'geojson',
			data: `${options.basemapUrl}settlements.geojson`,
			attribution: CREDITS.geonames
		},
		water: {
			type: 'geojson',
			data: `${options.basemapUrl}water.geojson`,
			attribution: CREDITS.naturalEarth
		},
		'basemap-labels': {
			type: 'geojson',
			data: `${options.basemapUrl}labels.geojson`,
			attribution: CREDITS.naturalEarth
		},
		places: { type: 'geojson', data: options.places, attribution: CREDITS.dataset },
		incidents: {
			type: 'geojson',
			data: incidentSourceData(options.incidents, options.halos),
			promoteId: 'id',
			attribution: CREDITS.dataset
		},
		[REGION_SOURCE]: {
			type: 'geojson',
			data: regionSourceData(options.regions),
			attribution: CREDITS.dataset
		}
	};

	const countryColor = matchExpression(
		['get', 'name'],
		Object.entries(COUNTRY_COLORS),
		OTHER_COUNTRY_COLOR
	);

	const labelField = basemapLabelField(options.lang ?? 'en');
	const waterLabelPaint = {
		'text-color': WATER_LABEL_COLOR,
		'text-halo-color': 'rgba(255,255,255,0.8)',
		'text-halo-width': 1.2
	};

	const layers: LayerSpecification[] = [
		{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
		{
			id: 'basemap-countries',
			type: 'fill',
			source: 'countries',
			paint: { 'fill-color': countryColor, 'fill-opacity': 1 }
		},
		{
			id: 'basemap-water',
			type: 'fill',
			source: 'water',
			filter: POLYGONS,
			paint: { 'fill-color': perFeature(WATER_COLOR) }
		},
		{
			id: 'basemap-rivers',
			type: 'line',
			source: 'water',
			filter: ['!', POLYGONS],
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': perFeature(WATER_COLOR),
				'line-width': zoomCurvePerFeature([
					[5, 1],
					[10, 2.5]
				]),
				'line-opacity': perFeature(1)
			}
		},
		{
			id: 'basemap-borders',
			type: 'line',
			source: 'borders',
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': perFeature('#7d7d78'),
				'line-width': zoomCurvePerFeature([
					[5, 0.8],
					[10, 1.6]
				]),
				'line-opacity': perFeature(1)
			}
		},
		...regionLayerSpecs(options.regionLayers, regionFilters, vis),
		{
			id: INCIDENT_LAYERS.uncertainty,
			type: 'circle',
			source: 'incidents',
			filter: incidentFilter[INCIDENT_LAYERS.uncertainty],
			layout: vis('incidents'),
			paint: {
				'circle-radius': [
					'interpolate',
					['exponential', 2],
					['zoom'],
					0,
					['to-number', ['get', 'halo0'], 0],
					24,
					['*', ['to-number', ['get', 'halo0'], 0], 2 ** 24]
				],
				'circle-color': typeColor,
				'circle-opacity': byState(
					{ selected: 0.14, highlighted: 0.12, hover: 0.1 },
					HALO_FILL_OPACITY
				),
				'circle-stroke-color': perFeature('#000000'),
				'circle-stroke-width': perFeature(0),
				'circle-pitch-alignment': 'map',
				'circle-pitch-scale': 'map'
			}
		},
		{
			id: INCIDENT_LAYERS.uncertaintyOutline,
			type: 'line',
			source: 'incidents',
			filter: incidentFilter[INCIDENT_LAYERS.uncertaintyOutline],
			layout: { ...vis('incidents'), 'line-join': 'round' },
			paint: {
				'line-color': typeColor,
				'line-width': 1.2,
				'line-opacity': 0.75,
				'line-dasharray': HALO_DASH
			}
		},
		{
			id: 'places-circles',
			type: 'circle',
			source: 'places',
			filter: ['!', IS_WATER_PLACE],
			layout: vis('places'),
			paint: {
				'circle-radius': zoomCurvePerFeature([
					[6, 2.5],
					[11, 4]
				]),
				'circle-color': perFeature('#2b2b2b'),
				'circle-opacity': perFeature(1),
				'circle-stroke-color': perFeature('#ffffff'),
				'circle-stroke-width': perFeature(1)
			}
		},
		{
			id: 'basemap-water-labels',
			type: 'symbol',
			source: 'water',
			filter: ['!', POLYGONS],
			layout: {
				'symbol-placement': 'line',
				'symbol-spacing': 400,
				'text-field': labelField,
				'text-font': ITALIC_FONT_STACK,
				'text-size': 11.5,
				'text-letter-spacing': 0.05
			},
			paint: waterLabelPaint
		},
		{
			id: 'basemap-lake-labels',
			type: 'symbol',
			source: 'basemap-labels',
			filter: ['!=', ['get', 'kind'], 'country'],
			layout: {
				'text-field': labelField,
				'text-font': ITALIC_FONT_STACK,
				'text-size': 12,
				'text-max-width': 7
			},
			paint: waterLabelPaint
		},
		{
			id: 'basemap-country-labels',
			type: 'symbol',
			source: 'basemap-labels',
			filter: [
				'all',
				['==', ['get', 'kind'], 'country'],
				['==', ['to-number', ['get', 'rank'], 0], ['step', ['zoom'], 0, 7, 1]]
			],
			layout: {
				'text-field': labelField,
				'text-font': REGULAR_FONT_STACK,
				'text-transform': 'uppercase',
				'text-letter-spacing': 0.2,
				'text-size': ['interpolate', ['linear'], ['zoom'], 5, 12, 9, 16],
				'text-max-width': 10
			},
			paint: {
				'text-color': '#77726a',
				'text-halo-color': 'rgba(255,255,255,0.7)',
				'text-halo-width': 1.2
			}
		},
		{
			id: 'basemap-settlements',
			type: 'symbol',
			source: 'settlements',
			filter: settlementFilter(options.placeSpellings),
			layout: {
				...vis('basemap-settlements'),
				'text-field': ['to-string', ['get', 'name']],
				'text-font': REGULAR_FONT_STACK,
				'text-size': [
					'interpolate',
					['linear'],
					['to-number', ['get', 'population'], 0],
					1_000,
					10,
					100_000,
					12,
					1_000_000,
					14
				],
				'symbol-sort-key': ['-', ['to-number', ['get', 'population'], 0]],
				'text-max-width': 8
			},
			paint: {
				'text-color': '#5b5b56',
				'text-halo-color': 'rgba(255,255,255,0.85)',
				'text-halo-width': 1.2
			}
		},
		// A reservoir or a river's end is water: italic, blue, no dot, and set beside its point
		// towards the water (west first: the Sugovushan reservoir lies west of Madagiz village), so
		// "Sugovushan / Madagiz reservoir" does not read as a second village next to Madagiz.
		{
			id: 'places-water-labels',
			type: 'symbol',
			source: 'places',
			filter: IS_WATER_PLACE,
			layout: {
				...vis('places'),
				'text-field': waterPlaceLabelField(options.lang ?? 'en'),
				'text-font': ITALIC_FONT_STACK,
				'text-size': ['interpolate', ['linear'], ['zoom'], 6, 11, 11, 13],
				'text-variable-anchor': ['right', 'bottom-right', 'top-right', 'bottom', 'top', 'left'],
				'text-radial-offset': 0.4,
				'text-justify': 'auto',
				'text-max-width': 9
			},
			paint: waterLabelPaint
		},
		{
			id: 'places-labels',
			type: 'symbol',
			source: 'places',
			filter: ['!', IS_WATER_PLACE],
			layout: {
				...vis('places'),
				'text-field': ['to-string', ['get', 'label']],
				'text-font': BOLD_FONT_STACK,
				'text-size': ['interpolate', ['linear'], ['zoom'], 6, PLACE_LABEL_TEXT_SIZE, 11, 14],
				'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
				'text-radial-offset': [
					'to-number',
					['coalesce', ['get', 'label_offset'], PLACE_LABEL_OFFSET]
				],
				'text-justify': 'auto',
				'text-max-width': 12
			},
			paint: {
				'text-color': '#1f1f1f',
				'text-halo-color': 'rgba(255,255,255,0.92)',
				'text-halo-width': 1.5
			}
		},
		// The incidents draw above every label: a label may hide under a marker, never a marker
		// under a label.
		{
			id: INCIDENT_LAYERS.casing,
			type: 'line',
			source: 'incidents',
			filter: incidentFilter[INCIDENT_LAYERS.casing],
			layout: { ...vis('incidents'), 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': byState(
					{ selected: '#111111', highlighted: '#f2b705', hover: '#333333' },
					'#ffffff'
				),
				'line-width': acrossZooms(
					byState({ selected: 10, highlighted: 10, hover: 8 }, 7) as ExpressionSpecification
				),
				'line-opacity': byState({ selected: 0.9, highlighted: 0.9, hover: 0.8 }, 0.9),
				'line-offset': INCIDENT_LINE_OFFSET
			}
		},
		{
			id: INCIDENT_LAYERS.lines,
			type: 'line',
			source: 'incidents',
			filter: incidentFilter[INCIDENT_LAYERS.lines],
			layout: { ...vis('incidents'), 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': typeColor,
				'line-width': acrossZooms(
					byState({ selected: 6, highlighted: 6, hover: 5 }, 4) as ExpressionSpecification
				),
				'line-opacity': byState({ selected: 1, highlighted: 0.95, hover: 0.95 }, 0.9),
				'line-offset': INCIDENT_LINE_OFFSET
			}
		},
		{
			id: INCIDENT_LAYERS.circles,
			type: 'circle',
			source: 'incidents',
			filter: incidentFilter[INCIDENT_LAYERS.circles],
			layout: {
				...vis('incidents'),
				'circle-sort-key': ['-', ['to-number', ['get', 'max_claim'], 0]]
			},
			paint: {
				'circle-radius': incidentRadius(options.maxClaim),
				'circle-color': typeColor,
				'circle-opacity': perFeature(0.85),
				'circle-stroke-color': byState(
					{ selected: '#111111', highlighted: '#f2b705', hover: '#333333' },
					'#ffffff'
				),
				'circle-stroke-width': byState({ selected: 3, highlighted: 3, hover: 2 }, 1.2)
			}
		}
	];

	return {
		version: 8,
		name: 'Incident Atlas',
		glyphs: options.glyphsUrl,
		...(windowByState
			? {
					state: {
						[WINDOW_STATE]: { default: windowState(options.window) },
						[REGION_WINDOW_STATE]: { default: [options.window.from, options.window.to] }
					}
				}
			: {}),
		sources,
		layers
	};
}

/** The style options a map's data gives (`mapDataOf`): every map passes these, then its own. */
export function dataStyleOptions(
	data: MapData
): Pick<
	StyleOptions,
	'incidents' | 'halos' | 'places' | 'regions' | 'regionLayers' | 'maxClaim' | 'placeSpellings'
> {
	return {
		incidents: data.incidents,
		halos: data.halos,
		places: data.places,
		regions: data.regions,
		regionLayers: data.regionLayers,
		maxClaim: data.maxClaim,
		placeSpellings: data.placeSpellings
	};
}

/**
 * Adds the image a style asks for and does not have (MapLibre's missing-image resolver): the
 * hatch of the ceasefire zone, drawn on first use; any other id is left missing.
 */
export function addMissingStyleImage(
	map: {
		hasImage(id: string): boolean;
		addImage(
			id: string,
			image: ReturnType<typeof hatchPattern>,
			options: { pixelRatio: number }
		): void;
	},
	id: string
): void {
	if (id !== HATCH_IMAGE || map.hasImage(HATCH_IMAGE)) return;
	const image = hatchPattern({
		size: 12,
		color: STYLE_COLORS['hatched-zone'],
		lineWidth: 1.6,
		alpha: 0.6
	});
	map.addImage(HATCH_IMAGE, image, { pixelRatio: 1 });
}
