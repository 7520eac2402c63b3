import type { Geometry } from 'geojson';
import {
	type Dataset,
	type IncidentFeature,
	type LayerCollection,
	type PlaceFeature
} from '$lib/data/schema';
import { layerOrder } from '$lib/data/vocabulary';
import { linksOf } from '$lib/atlas/links';
import { incidentExportFeature } from '$lib/export/geojson';
import { geometryBBox, unionBBox, type BBox } from '$lib/geo/bbox';
import {
	dayStart,
	daysInterval,
	incidentDays,
	queryMatcher,
	type IncidentQuery
} from '$lib/atlas/query';
import { toRFC7946Geometry } from '$lib/geo/rfc7946';
import type { SearchIndex } from '$lib/geo/search';
import { createFeatureStore, featureText, type FeatureStore } from './feature_store';
import { buildGridIndex, type GridIndex } from './spatial_index';
import { buildTemporalIndex, type TemporalIndex } from './temporal_index';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const GREGORIAN = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian';

/**
 * One collection prepared for fast queries: each feature's bounding box and time span in flat
 * typed arrays, a grid over the boxes and the spans sorted by time (so a query visits the
 * features near it), and each feature's JSON serialised once, on first use, as UTF-8 bytes, so a
 * page of items is a copy of stored bytes, not a fresh serialisation.
 */
export interface CollectionIndex {
	id: string;
	title: string;
	description: string;
	count: number;
	ids: string[];
	position: Map<string, number>;
	/** minLon, minLat, maxLon, maxLat per feature; NaN for a null geometry. */
	bboxes: Float64Array;
	/** Time span per feature in ms since the epoch; NaN where the feature has no time. */
	starts: Float64Array;
	ends: Float64Array;
	grid: GridIndex;
	temporal: TemporalIndex;
	extent: { bbox: BBox | null; interval: [string | null, string | null] | null };
	/** The properties the `type`, `actor` and `q` parameters may filter on (incidents only). */
	matches?: (i: number, filter: IncidentQuery) => boolean;
	features: FeatureStore;
	featureJSON: (i: number) => string;
}

export interface OgcIndex {
	collections: CollectionIndex[];
	byId: Map<string, CollectionIndex>;
	datasetName: string;
	datasetVersion: string;
}

function iso(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * `declared`: the collection's temporal extent where it is declared (a region layer's
 * `valid_from`/`valid_to`) rather than derived from its features' spans.
 */
function prepare(
	id: string,
	title: string,
	description: string,
	ids: string[],
	geometries: (Geometry | null)[],
	spans: ([number, number] | null)[],
	make: (i: number) => string,
	declared?: [number, number]
): CollectionIndex {
	const count = ids.length;
	const bboxes = new Float64Array(count * 4).fill(NaN);
	const starts = new Float64Array(count).fill(NaN);
	const ends = new Float64Array(count).fill(NaN);
	const boxes: (BBox | null)[] = [];
	for (let i = 0; i < count; i++) {
		const b = geometryBBox(geometries[i]);
		boxes.push(b);
		if (b) bboxes.set(b, i * 4);
		const span = spans[i];
		if (span) {
			starts[i] = span[0];
			ends[i] = span[1];
		}
	}
	let interval: [string | null, string | null] | null = null;
	if (declared) {
		interval = [iso(declared[0]), Number.isFinite(declared[1]) ? iso(declared[1]) : null];
	} else if (spans.some(Boolean)) {
		let lo = Infinity;
		let hi = -Infinity;
		for (const s of spans) {
			if (!s) continue;
			lo = Math.min(lo, s[0]);
			hi = Math.max(hi, s[1]);
		}
		interval = [iso(lo), Number.isFinite(hi) ? iso(hi) : null];
	}
	const features = createFeatureStore(count, make);
	return {
		id,
		title,
		description,
		count,
		ids,
		position: new Map(ids.map((fid, i) => [fid, i])),
		bboxes,
		starts,
		ends,
		grid: buildGridIndex(bboxes),
		temporal: buildTemporalIndex(starts, ends),
		extent: { bbox: unionBBox(boxes), interval },
		features,
		featureJSON: (i) => featureText(features, i)
	};
}

/** A search index, or a way to build it when first needed. */
export type SearchSource = SearchIndex | (() => SearchIndex) | undefined;

/** The search index a filter needs: none unless it has a `q`, so a lazy index stays unbuilt. */
export function searchFor(source: SearchSource, filter: IncidentQuery): SearchIndex | undefined {
	if (!filter.q) return undefined;
	return typeof source === 'function' ? source() : source;
}

function incidentsCollection(dataset: Dataset, search: SearchSource): CollectionIndex {
	const features = dataset.incidents.features;
	const lookups = linksOf(dataset);
	const spans = features.map((f) => daysInterval(...incidentDays(f.properties)));
	const collection = prepare(
		'incidents',
		'Incidents',
		'Conflict incidents in and around Nagorno-Karabakh, each with the claims, statements and sources it rests on. Casualty figures are claims, attributed to their claimant.',
		features.map((f) => f.id),
		features.map((f) => f.geometry as Geometry),
		spans,
		(i) => JSON.stringify(incidentExportFeature(features[i], lookups))
	);
	let cached: { filter: IncidentQuery; test: (f: IncidentFeature) => boolean } | null = null;
	collection.matches = (i, filter) => {
		if (cached?.filter !== filter) {
			cached = {
				filter,
				test: queryMatcher(filter, searchFor(search, filter), lookups.organizations)
			};
		}
		return cached.test(features[i]);
	};
	return collection;
}

function placesCollection(places: PlaceFeature[]): CollectionIndex {
	return prepare(
		'places',
		'Places',
		'Gazetteer of the places incidents refer to, with every spelling met in the sources and, where sources disagree on a position, the alternatives.',
		places.map((p) => p.properties.id),
		places.map((p) => p.geometry),
		places.map(() => null),
		(i) =>
			JSON.stringify({
				type: 'Feature',
				id: places[i].properties.id,
				geometry: toRFC7946Geometry(places[i].geometry),
				properties: places[i].properties
			})
	);
}

/** A day span in ms; an open end (`null`: still valid) is `Infinity`. */
const validity = (from: string, to: string | null): [number, number] =>
	to ? daysInterval(from, to) : [dayStart(from), Infinity];

/**
 * A region layer's collection: titled and described by its declaration (the file's `layer`), and
 * its temporal extent the declared `valid_from`/`valid_to` (within which the validation keeps
 * every feature's own dates), so a layer without features, or whose features cover only part of
 * its period, still says when it is valid.
 */
function layerCollection(layer: LayerCollection): CollectionIndex {
	const { id, names, description, valid_from, valid_to } = layer.layer;
	const features = layer.features;
	return prepare(
		id,
		names.en,
		description?.en ?? names.en,
		features.map((f) => f.properties.id),
		features.map((f) => f.geometry as Geometry),
		features.map((f) => validity(f.properties.valid_from, f.properties.valid_to)),
		(i) =>
			JSON.stringify({
				type: 'Feature',
				id: features[i].properties.id,
				geometry: toRFC7946Geometry(features[i].geometry as Geometry),
				properties: features[i].properties
			}),
		validity(valid_from, valid_to)
	);
}

/**
 * Prepares every collection the OGC API serves: incidents, places and every declared region
 * layer, in its declared order.
 * `search` serves the `q` parameter; pass a function to build it only when `q` is first used.
 */
export function buildOgcIndex(dataset: Dataset, search?: SearchSource): OgcIndex {
	const collections = [
		incidentsCollection(dataset, search),
		placesCollection(dataset.places.features),
		...layerOrder(dataset.layers).map((id) => layerCollection(dataset.layers[id]))
	];
	return {
		collections,
		byId: new Map(collections.map((c) => [c.id, c])),
		datasetName: dataset.meta.name,
		datasetVersion: dataset.meta.version
	};
}
