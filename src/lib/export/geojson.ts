import type { Feature, Geometry } from 'geojson';
import type { IncidentFeature, PlaceFeature, Source, Statement } from '../data/schema';
import { actorEnglishName } from '../atlas/actors';
import { roundTo, toRFC7946Geometry } from '../geo/rfc7946';
import {
	exportLookups,
	linkedPlaces,
	linkedSources,
	linkedStatements,
	statementAttribution,
	type ExportContext,
	type ExportLookups
} from './context';

export interface GeoJSONOptions {
	/** Decimals kept in coordinates (default 6, about 10 cm). */
	precision?: number;
	/** Passed to `JSON.stringify`; default none (compact). */
	indent?: number | string;
}

/** What an exported incident carries of each place, statement and source it refers to. */
const pickPlace = (p: PlaceFeature) => ({
	id: p.properties.id,
	name: p.properties.name,
	label: p.properties.label
});
/**
 * A statement as every export gives it: its `form` and an `attribution` that says, for reported
 * speech, "As reported by <publisher>:", and the speaker's organisation by name beside its id.
 */
export function exportStatement(s: Statement, lookups: ExportLookups) {
	const { organization, attribution } = statementAttribution(s, lookups);
	return {
		id: s.id,
		speaker: { ...s.speaker, organization },
		said_on: s.said_on,
		date_precision: s.date_precision,
		via: s.via,
		form: s.form,
		attribution,
		quote: s.quote,
		translation: s.translation,
		source_id: s.source_id,
		incident_ids: s.incident_ids,
		topics: s.topics,
		...(s.note === undefined ? {} : { note: s.note }),
		...(s.synthetic ? { synthetic: true } : {})
	};
}

const pickSource = (s: Source) => ({
	id: s.id,
	publisher: s.publisher,
	title: s.title,
	url: s.url,
	published: s.published
});

/**
 * An incident's own properties as an export writes them: `actors` as names (an organisation's
 * English name for an id), since a GIS user reads the file without `organizations.json`. The key
 * keeps its place, so an incident whose actors are all free text is written as it is stored.
 */
function exportedProperties(
	feature: IncidentFeature,
	lookups: ExportLookups
): IncidentFeature['properties'] {
	const p = feature.properties;
	if (!p.actors?.some((a) => lookups.organizations.has(a))) return p;
	return { ...p, actors: p.actors.map((a) => actorEnglishName(a, lookups.organizations)) };
}

/**
 * One incident as a stand-alone GeoJSON feature: its own properties ({@link exportedProperties}) plus the places, statements
 * (speaker, date, verbatim quote, our translation, source id) and sources (publisher, title, url,
 * date) it refers to, so a single feature can be read without the rest of the dataset.
 */
export function incidentExportFeature(
	feature: IncidentFeature,
	lookups: ExportLookups,
	precision = 6
): Feature<Geometry> {
	const statements = linkedStatements(feature, lookups);
	return {
		type: 'Feature',
		id: feature.id,
		geometry: toRFC7946Geometry(feature.geometry as Geometry, precision),
		properties: {
			...exportedProperties(feature, lookups),
			places: linkedPlaces(feature, lookups).map(pickPlace),
			statements: statements.map((s) => exportStatement(s, lookups)),
			sources: linkedSources(feature, statements, lookups).map(pickSource)
		}
	};
}

/** The `metadata` foreign member: what the file is, when and how it was made, and its licence. */
export function exportMetadata(ctx: ExportContext, count: number): Record<string, unknown> {
	return {
		dataset: ctx.meta.name,
		version: ctx.meta.version,
		...(ctx.revision !== undefined ? { dataset_version: ctx.revision } : {}),
		updated: ctx.meta.updated,
		generated_at: ctx.generatedAt,
		filter: ctx.filter,
		...(ctx.selection ? { selection: ctx.selection } : {}),
		count,
		licence: ctx.meta.licence,
		attribution: ctx.meta.attribution,
		...(ctx.meta.synthetic ? { synthetic: true } : {}),
		note: 'Casualty and loss figures are claims, each attributed to its claimant and source. Quotes are verbatim; translations are by Incident Atlas.'
	};
}

/** The keys `incidentExportFeature` adds to an incident's own properties. */
const LINKED_KEYS = ['places', 'statements', 'sources'];

const statementJSON = new WeakMap<Statement, string>();
const sourceJSON = new WeakMap<Source, string>();
const placeJSON = new WeakMap<PlaceFeature, string>();

function cachedJSON<T extends object>(cache: WeakMap<T, string>, item: T, pick: (t: T) => object) {
	let text = cache.get(item);
	if (text === undefined) {
		text = JSON.stringify(pick(item));
		cache.set(item, text);
	}
	return text;
}

/**
 * `JSON.stringify(incidentExportFeature(feature, lookups, precision))`, built from pieces: the
 * JSON of each statement, source and place is made once and reused by every incident (and every
 * later export) that refers to it, which is what makes a 100,000-incident export affordable.
 */
export function incidentExportFeatureJSON(
	feature: IncidentFeature,
	lookups: ExportLookups,
	precision = 6
): string {
	const own = JSON.stringify(exportedProperties(feature, lookups));
	if (
		own === '{}' ||
		feature.id === undefined ||
		LINKED_KEYS.some((k) => Object.hasOwn(feature.properties, k))
	)
		return JSON.stringify(incidentExportFeature(feature, lookups, precision));
	const statements = linkedStatements(feature, lookups);
	let out = `{"type":"Feature","id":${JSON.stringify(feature.id)},"geometry":${geometryJSON(feature.geometry as Geometry, precision)},"properties":${own.slice(0, -1)},"places":[`;
	const places = linkedPlaces(feature, lookups);
	for (let i = 0; i < places.length; i++)
		out += (i ? ',' : '') + cachedJSON(placeJSON, places[i], pickPlace);
	out += '],"statements":[';
	for (let i = 0; i < statements.length; i++)
		out +=
			(i ? ',' : '') + cachedJSON(statementJSON, statements[i], (s) => exportStatement(s, lookups));
	out += '],"sources":[';
	const sources = linkedSources(feature, statements, lookups);
	for (let i = 0; i < sources.length; i++)
		out += (i ? ',' : '') + cachedJSON(sourceJSON, sources[i], pickSource);
	return out + ']}}';
}

/** `JSON.stringify(toRFC7946Geometry(g))`, without the copy for the common case of a 2D point. */
function geometryJSON(g: Geometry, precision: number): string {
	if (g.type === 'Point' && g.coordinates.length === 2) {
		const x = roundTo(g.coordinates[0], precision);
		const y = roundTo(g.coordinates[1], precision);
		if (Number.isFinite(x) && Number.isFinite(y))
			return `{"type":"Point","coordinates":[${x},${y}]}`;
	}
	return JSON.stringify(toRFC7946Geometry(g, precision));
}

/** Features per string part: big enough to keep the part count low, small enough to stay cheap. */
const FEATURES_PER_PART = 1000;

/**
 * The compact FeatureCollection of {@link toGeoJSON} as string parts whose concatenation is the
 * file, byte for byte: a Blob can be built from them without ever making one 100 MB string.
 */
export function toGeoJSONParts(
	features: IncidentFeature[],
	ctx: ExportContext,
	options: Omit<GeoJSONOptions, 'indent'> & { lookups?: ExportLookups } = {}
): string[] {
	const lookups = options.lookups ?? exportLookups(ctx);
	const precision = options.precision ?? 6;
	const head = `{"type":"FeatureCollection","metadata":${JSON.stringify(exportMetadata(ctx, features.length))},"features":[`;
	const parts = [head];
	for (let start = 0; start < features.length; start += FEATURES_PER_PART) {
		const chunk: string[] = [];
		const end = Math.min(start + FEATURES_PER_PART, features.length);
		for (let i = start; i < end; i++)
			chunk.push(incidentExportFeatureJSON(features[i], lookups, precision));
		parts.push((start > 0 ? ',' : '') + chunk.join(','));
	}
	parts.push(']}');
	return parts;
}

/**
 * The incidents as an RFC 7946 FeatureCollection: WGS84, no `crs`, coordinates rounded to
 * `precision` decimals, right-hand-rule winding, a top-level `id` on each feature, and a
 * `metadata` foreign member (dataset version, generation time, the filter, licence).
 */
export function toGeoJSON(
	features: IncidentFeature[],
	ctx: ExportContext,
	options: GeoJSONOptions & { lookups?: ExportLookups } = {}
): string {
	const { indent } = options;
	if (indent === undefined || (typeof indent === 'number' ? Math.trunc(indent) < 1 : indent === ''))
		return toGeoJSONParts(features, ctx, options).join('');
	const lookups = options.lookups ?? exportLookups(ctx);
	const collection = {
		type: 'FeatureCollection',
		metadata: exportMetadata(ctx, features.length),
		features: features.map((f) => incidentExportFeature(f, lookups, options.precision ?? 6))
	};
	return JSON.stringify(collection, null, options.indent);
}
