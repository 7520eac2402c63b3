import { overlaps } from '$lib/atlas/query';
import type {
	Feature,
	FeatureCollection,
	Geometry,
	LineString,
	MultiLineString,
	Point,
	Polygon,
	Position
} from 'geojson';
import type {
	ExpressionSpecification,
	FilterSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type {
	Dataset,
	FeatureCollectionOf,
	IncidentFeature,
	LayerFeature,
	LayerId,
	PlaceFeature
} from '$lib/data/schema';
import { layerOrder, type LayerDeclaration } from '$lib/data/vocabulary';
import { maxClaimedCasualties, radiusScale } from './encoding';
import { assertWindow, type TimeWindow } from './time';
import { waterPlaceName } from './map_text';

/**
 * A deep copy of coordinate arrays. The dataset may reach the map wrapped in Svelte proxies,
 * which cannot be posted to MapLibre's worker; these copies are plain arrays.
 */
function copyCoordinates<T>(value: T): T {
	return (Array.isArray(value) ? value.map(copyCoordinates) : value) as T;
}

function copyGeometry<G extends Geometry>(geometry: G): G {
	if (geometry.type === 'GeometryCollection') {
		return { type: geometry.type, geometries: geometry.geometries.map(copyGeometry) } as G;
	}
	return { type: geometry.type, coordinates: copyCoordinates(geometry.coordinates) } as G;
}

/** WGS84 equatorial circumference, the one web-mercator zoom levels are defined on. */
const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6_378_137;

/** MapLibre's world is 512 px wide at zoom 0. */
const TILE_SIZE_PX = 512;

/**
 * The radius in pixels at zoom 0 of a circle `metres` across on the ground at `lat`. At zoom z
 * it is this times 2^z, which the style reproduces with an exponential (base 2) interpolation.
 */
export function metresToPixelsAtZoom0(metres: number, lat: number): number {
	if (!(metres >= 0)) throw new Error(`metres must be ≥ 0, got ${metres}`);
	if (!(Math.abs(lat) < 90)) throw new Error(`lat must be within (-90, 90), got ${lat}`);
	const metresPerPixel = (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / TILE_SIZE_PX;
	return metres / metresPerPixel;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of an ISO date YYYY-MM-DD. The map's time filter compares these numbers:
 * a numeric comparison per feature is the cheapest filter MapLibre evaluates.
 */
export function dayNumber(iso: string): number {
	const ms = ISO_DATE.test(iso) ? Date.parse(`${iso}T00:00:00Z`) : NaN;
	if (Number.isNaN(ms))
		throw new Error(`date must be an ISO date YYYY-MM-DD, got ${JSON.stringify(iso)}`);
	return ms / DAY_MS;
}

/** What the map draws of an incident: flat properties only, so 100,000 of them stay light. */
export interface IncidentMapProperties {
	id: string;
	type: string;
	date: string;
	max_claim: number;
	uncertainty_m: number;
	/** Uncertainty radius in pixels at zoom 0 (points only). */
	halo0: number;
	/** First and last day of the incident's span `[date, date_end ?? date]`, as {@link dayNumber}s. */
	d0: number;
	d1: number;
}

export type IncidentMapFeature = Feature<
	Point | LineString | MultiLineString,
	IncidentMapProperties
>;

export function incidentMapFeatures(
	incidents: FeatureCollectionOf<IncidentFeature>
): FeatureCollection<Point | LineString | MultiLineString, IncidentMapProperties> {
	return {
		type: 'FeatureCollection',
		features: incidents.features.map((feature) => {
			const p = feature.properties;
			const halo0 =
				feature.geometry.type === 'Point'
					? metresToPixelsAtZoom0(p.uncertainty_m, feature.geometry.coordinates[1])
					: 0;
			return {
				type: 'Feature',
				id: p.id,
				geometry: copyGeometry(feature.geometry as Point | LineString | MultiLineString),
				properties: {
					id: p.id,
					type: p.type,
					date: p.date,
					max_claim: maxClaimedCasualties(p.claims),
					uncertainty_m: p.uncertainty_m,
					halo0,
					d0: dayNumber(p.date),
					d1: dayNumber(p.date_end ?? p.date)
				}
			};
		})
	};
}

/** Vertices of a halo's outline: a circle of 25 km stays round at every zoom the map allows. */
const HALO_VERTICES = 48;
const METRES_PER_DEGREE_LAT = 110_574;
const METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

/**
 * The uncertainty halo of every imprecise point as a polygon (a circle of `uncertainty_m` on the
 * ground), with the point's own properties, for the dashed outline the map draws: a circle
 * layer cannot dash its stroke. Above `max` imprecise points the collection is empty: their
 * outlines would cost more than they tell (the faint circle fill is still drawn).
 */
export function haloPolygons(
	incidents: FeatureCollection<Point | LineString | MultiLineString, IncidentMapProperties>,
	max = MAX_RINGS
): FeatureCollection<Polygon, IncidentMapProperties> {
	const features: Feature<Polygon, IncidentMapProperties>[] = [];
	for (const feature of incidents.features) {
		const p = feature.properties;
		if (feature.geometry.type !== 'Point' || !(p.uncertainty_m > 0)) continue;
		if (features.length === max) return { type: 'FeatureCollection', features: [] };
		const [lon, lat] = feature.geometry.coordinates;
		const dLat = p.uncertainty_m / METRES_PER_DEGREE_LAT;
		const dLon =
			p.uncertainty_m / (METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos((lat * Math.PI) / 180));
		const ring: [number, number][] = [];
		// Counter-clockwise, as RFC 7946 winds an outer ring.
		for (let i = 0; i < HALO_VERTICES; i++) {
			const a = (2 * Math.PI * i) / HALO_VERTICES;
			ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
		}
		ring.push(ring[0]);
		features.push({
			type: 'Feature',
			id: p.id,
			geometry: { type: 'Polygon', coordinates: [ring] },
			properties: { ...p }
		});
	}
	return { type: 'FeatureCollection', features };
}

export interface PlaceMapProperties {
	id: string;
	label: string;
	kind: string;
	confidence: string;
	/** How far (ems) the label stands from the point: clear of the incident markers drawn on it. */
	label_offset: number;
	/** A water place's name inside its label, for the label in other languages (`waterPlaceName`). */
	name_in_label?: string;
}

/** How far (ems) a place's name stands from its dot where no incident marker sits on it. */
export const PLACE_LABEL_OFFSET = 0.6;

/** The smallest size (px) of a place's name, at the lowest zoom: offsets in ems are of it. */
export const PLACE_LABEL_TEXT_SIZE = 11.5;

/** Incidents within this many degrees (about 110 m) of a place sit on it and can cover its name. */
const ON_PLACE_DEGREES = 0.001;

function cellKey(lon: number, lat: number): number {
	return Math.round(lon / ON_PLACE_DEGREES) * 1_000_000 + Math.round(lat / ON_PLACE_DEGREES);
}

/**
 * The offset of each place's label (ems of its smallest size, `PLACE_LABEL_TEXT_SIZE`): the
 * default where no point incident lies on the place, else enough to clear the largest marker
 * there at its selected size (radius + 3, stroke 3) with a 2 px gap. Incident markers draw above
 * labels, so without it a selected marker covers the start of its own place's name.
 */
export function placeLabelOffsets(
	places: readonly { coordinates: Position }[],
	incidents: FeatureCollection<Point | LineString | MultiLineString, IncidentMapProperties>,
	maxClaim: number
): number[] {
	const wanted = new Map<number, number>();
	for (const { coordinates } of places) wanted.set(cellKey(coordinates[0], coordinates[1]), -1);
	if (wanted.size > 0) {
		for (const feature of incidents.features) {
			if (feature.geometry.type !== 'Point') continue;
			const [lon, lat] = feature.geometry.coordinates;
			const key = cellKey(lon, lat);
			const claim = wanted.get(key);
			if (claim !== undefined && feature.properties.max_claim > claim) {
				wanted.set(key, feature.properties.max_claim);
			}
		}
	}
	const radius = radiusScale(maxClaim);
	return places.map(({ coordinates }) => {
		const claim = wanted.get(cellKey(coordinates[0], coordinates[1])) ?? -1;
		if (claim < 0) return PLACE_LABEL_OFFSET;
		const clearance = radius(claim) + 3 + 1.5 + 2;
		return Math.max(
			PLACE_LABEL_OFFSET,
			Math.round((clearance / PLACE_LABEL_TEXT_SIZE) * 100) / 100
		);
	});
}

function nameInLabel(label: string, kind: string): { name_in_label?: string } {
	const name = waterPlaceName(label, kind);
	return name === undefined ? {} : { name_in_label: name };
}

export function placeMapFeatures(
	places: FeatureCollectionOf<PlaceFeature>,
	offsets: readonly number[] = []
): FeatureCollection<Point, PlaceMapProperties> {
	return {
		type: 'FeatureCollection',
		features: places.features.map((feature, i) => ({
			type: 'Feature',
			geometry: copyGeometry(feature.geometry as Point),
			properties: {
				id: feature.properties.id,
				label: feature.properties.label,
				kind: feature.properties.kind,
				confidence: feature.properties.confidence,
				label_offset: offsets[i] ?? PLACE_LABEL_OFFSET,
				...nameInLabel(feature.properties.label, feature.properties.kind)
			}
		}))
	};
}

export interface RegionMapProperties {
	id: string;
	name: string;
	valid_from: string;
	/** `null` (still valid) as in the data; the time filter reads it with a `coalesce`. */
	valid_to: string | null;
	accuracy_m: number;
}

export function regionMapFeatures(
	layer: FeatureCollectionOf<LayerFeature>
): FeatureCollection<Geometry, RegionMapProperties> {
	return {
		type: 'FeatureCollection',
		features: layer.features.map((feature) => ({
			type: 'Feature',
			geometry: copyGeometry(feature.geometry as Geometry),
			properties: {
				id: feature.properties.id,
				name: feature.properties.name,
				valid_from: feature.properties.valid_from,
				valid_to: feature.properties.valid_to,
				accuracy_m: feature.properties.accuracy_m
			}
		}))
	};
}

/**
 * Every spelling of every curated place (name, label parts, names in each language, aliases).
 * GeoNames settlements with one of these names are left off the basemap: the curated place,
 * with both names where disputed, labels them instead of a second, one-sided label.
 */
export function placeSpellings(places: FeatureCollectionOf<PlaceFeature>): string[] {
	const spellings = new Set<string>();
	for (const { properties: p } of places.features) {
		const names = [
			p.name,
			p.label,
			...p.label.split(' / '),
			...Object.values(p.names),
			...p.aliases
		];
		for (const name of names) if (name && name.trim()) spellings.add(name.trim());
	}
	return [...spellings].sort();
}

/** The region layer FeatureCollections of a dataset, keyed by layer id. */
export function regionLayers(
	dataset: Pick<Dataset, 'layers'>
): Record<LayerId, FeatureCollection<Geometry, RegionMapProperties>> {
	return Object.fromEntries(
		Object.entries(dataset.layers).map(([id, layer]) => [id, regionMapFeatures(layer)])
	) as Record<LayerId, FeatureCollection<Geometry, RegionMapProperties>>;
}

/**
 * The part of the incident filter that picks the visible ids, or `null` when every incident is
 * visible. A `match` on a list of ids is a hash lookup per feature, so it stays cheap for
 * 100,000 incidents; the shorter of the visible and the hidden list is the one sent.
 */
export function visibleIdFilter(
	allIds: readonly string[],
	visible: ReadonlySet<string>
): ExpressionSpecification | null {
	const shown: string[] = [];
	const hidden: string[] = [];
	const seen = new Set<string>();
	for (const id of allIds) {
		if (seen.has(id)) continue;
		seen.add(id);
		(visible.has(id) ? shown : hidden).push(id);
	}
	if (hidden.length === 0) return null;
	if (shown.length === 0) return NOTHING;
	if (shown.length <= hidden.length) return ['match', ['get', 'id'], shown, true, false];
	return ['match', ['get', 'id'], hidden, false, true];
}

/**
 * The MapLibre global state property holding the time window as `[from, to]` day numbers
 * ({@link dayNumber}), for the "global-state" design of a window change (issue 16): the filter
 * stays, the state changes. One property, so that one change reloads the source once.
 */
export const WINDOW_STATE = 'window';

/** The window's days from the global state, as numbers for the comparisons. */
function windowDay(i: 0 | 1): ExpressionSpecification {
	return ['number', ['at', i, ['array', ['global-state', WINDOW_STATE]]]];
}

const WINDOW_BY_STATE: ExpressionSpecification[] = [
	['<=', ['get', 'd0'], windowDay(1)],
	['>=', ['get', 'd1'], windowDay(0)]
];

/** The value of {@link WINDOW_STATE} for a window. */
export function windowState(window: TimeWindow): [number, number] {
	return [dayNumber(window.from), dayNumber(window.to)];
}

/** A filter no feature passes. */
const NOTHING: ExpressionSpecification = ['==', ['literal', 1], ['literal', 0]];

/** Per incident, in the order of {@link MapData.incidentIds}: its span in days and its type. */
export interface IncidentSpans {
	ids: readonly string[];
	d0: Int32Array;
	d1: Int32Array;
	types: readonly string[];
}

export function incidentSpans(incidents: readonly IncidentMapFeature[]): IncidentSpans {
	const n = incidents.length;
	const spans = {
		ids: incidents.map((f) => f.properties.id),
		d0: new Int32Array(n),
		d1: new Int32Array(n),
		types: incidents.map((f) => f.properties.type)
	};
	incidents.forEach(({ properties: p }, i) => {
		spans.d0[i] = p.d0;
		spans.d1[i] = p.d1;
	});
	return spans;
}

/**
 * The visible set as a filter on the numeric day span (`d0`, `d1`) and, if needed, the `type`
 * of each feature — when the visible set is exactly the incidents overlapping `window`, possibly
 * narrowed to some types. `{ filter: null }` when every incident is visible; `null` when the set
 * is something else (search, actors, statements), for which the caller falls back to the ids.
 * One pass over the incidents, no list of ids built: a window change at 100,000 incidents then
 * costs MapLibre a short expression instead of tens of thousands of literals.
 */
export function windowTypeFilter(
	spans: IncidentSpans,
	visible: ReadonlySet<string>,
	window: TimeWindow,
	byState = false
): { filter: ExpressionSpecification | null } | null {
	assertWindow(window);
	const from = dayNumber(window.from);
	const to = dayNumber(window.to);
	const shownTypes = new Set<string>();
	const hiddenTypes = new Set<string>();
	let shown = 0;
	let outside = 0;
	for (let i = 0; i < spans.ids.length; i++) {
		if (overlaps(spans.d0[i], spans.d1[i], from, to)) {
			if (visible.has(spans.ids[i])) {
				shown++;
				shownTypes.add(spans.types[i]);
			} else hiddenTypes.add(spans.types[i]);
		} else outside++;
	}
	// Every visible id is an in-window one (ids are unique), so equal counts mean equal sets.
	if (shown !== visible.size) return null;
	for (const type of shownTypes) if (hiddenTypes.has(type)) return null;
	if (shown === 0) {
		if (spans.ids.length === 0) return { filter: null };
		// No incident in the window at all: by state, the window part alone says so, and keeps the
		// filter the same as for any other window (a new filter would re-tile a second time).
		return { filter: byState && hiddenTypes.size === 0 ? ['all', ...WINDOW_BY_STATE] : NOTHING };
	}
	const parts: ExpressionSpecification[] = [];
	// By state, the window part is the same expression for every window (the days are MapLibre
	// global state), and is kept when it hides nothing, so a window change sets no new filter.
	if (byState) parts.push(...WINDOW_BY_STATE);
	else if (outside > 0) parts.push(['<=', ['get', 'd0'], to], ['>=', ['get', 'd1'], from]);
	if (hiddenTypes.size > 0)
		parts.push(['match', ['get', 'type'], [...shownTypes].sort(), true, false]);
	if (parts.length === 0) return { filter: null };
	return { filter: parts.length === 1 ? parts[0] : ['all', ...parts] };
}

/**
 * The incident filter for the visible set: on day spans and types when {@link windowTypeFilter}
 * can express it, else on the ids ({@link visibleIdFilter}).
 */
export function incidentVisibilityFilter(
	data: Pick<MapData, 'incidentIds' | 'spans'>,
	visible: ReadonlySet<string>,
	window: TimeWindow,
	byState = false
): ExpressionSpecification | null {
	const byWindow = windowTypeFilter(data.spans, visible, window, byState);
	return byWindow ? byWindow.filter : visibleIdFilter(data.incidentIds, visible);
}

export const POINT_FILTER: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
export const LINE_FILTER: ExpressionSpecification = [
	'match',
	['geometry-type'],
	['LineString', 'MultiLineString'],
	true,
	false
];
export const HALO_POLYGON_FILTER: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
export const IMPRECISE_POINT_FILTER: ExpressionSpecification = [
	'all',
	POINT_FILTER,
	['>', ['to-number', ['get', 'uncertainty_m'], 0], 0]
];

/**
 * Above this many visible incidents, uncertainty rings are drawn only for the selected and
 * highlighted ones: thousands of overlapping rings hide the map and cost a full extra layer.
 */
export const MAX_RINGS = 2000;

/** The incidents that get an uncertainty ring: `null` for every visible one, else these ids. */
export function ringIds(
	visibleCount: number,
	selectedId: string | null,
	highlightedIds: Iterable<string>,
	max = MAX_RINGS
): string[] | null {
	if (visibleCount <= max) return null;
	const ids = new Set(highlightedIds);
	if (selectedId !== null) ids.add(selectedId);
	return [...ids].sort();
}

/** The incident layers' filters: geometry type, the visible ids, and which ones get a ring. */
export function incidentFilters(
	idFilter: ExpressionSpecification | null,
	rings: readonly string[] | null = null
): Record<'circles' | 'lines' | 'uncertainty' | 'halos', FilterSpecification> {
	const withIds = (base: ExpressionSpecification): ExpressionSpecification =>
		idFilter ? ['all', base, idFilter] : base;
	const ringFilter: ExpressionSpecification | null =
		rings === null
			? null
			: rings.length === 0
				? ['==', ['literal', 1], ['literal', 0]]
				: ['match', ['get', 'id'], [...rings], true, false];
	const uncertainty = withIds(IMPRECISE_POINT_FILTER);
	// The halo polygons share the incidents source (see `incidentSourceData`): only they are polygons.
	const halos = withIds([
		'all',
		HALO_POLYGON_FILTER,
		['>', ['to-number', ['get', 'uncertainty_m'], 0], 0]
	]);
	return {
		circles: withIds(POINT_FILTER),
		lines: withIds(LINE_FILTER),
		uncertainty: ringFilter ? ['all', uncertainty, ringFilter] : uncertainty,
		halos: ringFilter ? ['all', halos, ringFilter] : halos
	};
}

/** The bounding box [west, south, east, north] of a geometry's positions. */
export function geometryBounds(
	geometry: Point | LineString | MultiLineString
): [number, number, number, number] {
	const positions =
		geometry.type === 'Point'
			? [geometry.coordinates]
			: geometry.type === 'LineString'
				? geometry.coordinates
				: geometry.coordinates.flat();
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [lon, lat] of positions) {
		w = Math.min(w, lon);
		s = Math.min(s, lat);
		e = Math.max(e, lon);
		n = Math.max(n, lat);
	}
	return [w, s, e, n];
}

/** Everything the map draws from a dataset, computed once per dataset. */
export interface MapData {
	incidents: FeatureCollection<Point | LineString | MultiLineString, IncidentMapProperties>;
	/** The imprecise points' halos as polygons ({@link haloPolygons}). */
	halos: FeatureCollection<Polygon, IncidentMapProperties>;
	places: FeatureCollection<Point, PlaceMapProperties>;
	regions: Record<LayerId, FeatureCollection<Geometry, RegionMapProperties>>;
	/** The region layers' declarations, in declared order (`layerOrder`). */
	regionLayers: LayerDeclaration[];
	incidentIds: string[];
	/** Day spans and types in the order of `incidentIds`, for {@link incidentVisibilityFilter}. */
	spans: IncidentSpans;
	byId: Map<string, IncidentMapFeature>;
	/** The highest claimed casualty figure of any incident: the top of the size scale. */
	maxClaim: number;
	placeSpellings: string[];
}

export function mapDataOf(dataset: Pick<Dataset, 'incidents' | 'places' | 'layers'>): MapData {
	const incidents = incidentMapFeatures(dataset.incidents);
	const byId = new Map<string, IncidentMapFeature>();
	let maxClaim = 0;
	for (const feature of incidents.features) {
		byId.set(feature.properties.id, feature);
		maxClaim = Math.max(maxClaim, feature.properties.max_claim);
	}
	return {
		incidents,
		halos: haloPolygons(incidents),
		places: placeMapFeatures(
			dataset.places,
			placeLabelOffsets(
				dataset.places.features.map((f) => ({ coordinates: (f.geometry as Point).coordinates })),
				incidents,
				maxClaim
			)
		),
		regions: regionLayers(dataset),
		regionLayers: layerOrder(dataset.layers).map((id) => dataset.layers[id].layer),
		incidentIds: [...byId.keys()],
		spans: incidentSpans([...byId.values()]),
		byId,
		maxClaim,
		placeSpellings: placeSpellings(dataset.places)
	};
}

/**
 * The data of the map's one `incidents` source: the incidents, then their halo polygons (same ids,
 * so hover and selection state reach both). One source, not two, because a time-window change
 * re-filters it, and MapLibre re-tiles every source whose layers get a new filter: one source is
 * one re-tile per change, as on the bare-MapLibre page (issue 16).
 */
export function incidentSourceData(
	incidents: FeatureCollection<Point | LineString | MultiLineString, IncidentMapProperties>,
	halos: FeatureCollection<Polygon, IncidentMapProperties>
): FeatureCollection<Point | LineString | MultiLineString | Polygon, IncidentMapProperties> {
	return { type: 'FeatureCollection', features: [...incidents.features, ...halos.features] };
}

/** A region feature in the map's one `regions` source: which region layer it belongs to. */
export interface RegionSourceProperties extends RegionMapProperties {
	layer: LayerId;
}

/**
 * The data of the map's one `regions` source: every region layer's features, each tagged with its
 * layer id (the style layers filter on it). One source for the three layers, so that a window
 * change that shows or hides a region re-tiles one source, not three (issue 16).
 */
export function regionSourceData(
	regions: Record<LayerId, FeatureCollection<Geometry, RegionMapProperties>>
): FeatureCollection<Geometry, RegionSourceProperties> {
	const features: Feature<Geometry, RegionSourceProperties>[] = [];
	for (const [layer, fc] of Object.entries(regions) as [
		LayerId,
		FeatureCollection<Geometry, RegionMapProperties>
	][]) {
		for (const f of fc.features) features.push({ ...f, properties: { ...f.properties, layer } });
	}
	return { type: 'FeatureCollection', features };
}
