import {
	DATASET_CITATION,
	draftIncidentFeature,
	source as sourceSchema,
	statement as statementSchema,
	type DraftIncidentFeature,
	type Source,
	type Statement
} from '../data/schema';
import { RowProblems } from './build';
import { detectMapping, genericRow, type Field } from './fields';
import { decodeUtf8 } from './text';
import type { ImportItem, ParseOptions, ParseResult, Rejection } from './types';

const INCIDENT_GEOMETRIES = ['Point', 'LineString', 'MultiLineString'];
/** The keys our export adds to an incident's own properties (see `export/geojson.ts`). */
const LINKED_KEYS = ['places', 'statements', 'sources'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** A feature of our own export: its properties are an incident's, with `title.en` and `source_ids`. */
function isAtlasFeature(properties: Json): boolean {
	return (
		typeof properties.id === 'string' &&
		isObject(properties.title) &&
		Array.isArray(properties.source_ids) &&
		typeof properties.date_precision === 'string'
	);
}

/**
 * A source as our export embeds it (id, publisher, title, url, published) made whole again. The
 * language and kind are not exported, so the import writes such a source only where the database
 * has none by that id ({@link ImportItem.partial}); a source it already holds is kept as it is.
 */
function sourceFromExport(s: Json): Source {
	const out: Json = {
		id: s.id,
		publisher: s.publisher,
		title: s.title,
		published: s.published,
		language: 'und',
		kind: s.url === undefined ? DATASET_CITATION : 'web page'
	};
	if (s.url !== undefined) out.url = s.url;
	return out as unknown as Source;
}

/** A statement as our export embeds it, without what the export adds (organisation name, attribution). */
function statementFromExport(s: Json): Statement {
	const { attribution: _a, speaker, ...rest } = s;
	void _a;
	const { organization: _o, ...ownSpeaker } = (isObject(speaker) ? speaker : {}) as Json;
	void _o;
	return { ...rest, speaker: ownSpeaker } as unknown as Statement;
}

function atlasFeature(feature: Json, row: number): { item?: ImportItem; problems: RowProblems } {
	const problems = new RowProblems(row);
	const properties = feature.properties as Json;
	const own: Json = {};
	for (const [k, v] of Object.entries(properties)) if (!LINKED_KEYS.includes(k)) own[k] = v;
	const incident = {
		type: 'Feature',
		id: feature.id ?? own.id,
		geometry: feature.geometry,
		properties: own
	};
	const parsed = draftIncidentFeature.safeParse(incident);
	if (!parsed.success)
		for (const issue of parsed.error.issues) problems.add(issue.path.join('.'), issue.message);
	const sources = (Array.isArray(properties.sources) ? properties.sources : [])
		.filter(isObject)
		.map(sourceFromExport);
	sources.forEach((s, i) => {
		const result = sourceSchema.safeParse(s);
		if (!result.success)
			for (const issue of result.error.issues)
				problems.add(`properties.sources.${i}.${issue.path.join('.')}`, issue.message);
	});
	const statements = (Array.isArray(properties.statements) ? properties.statements : [])
		.filter(isObject)
		.map(statementFromExport);
	statements.forEach((s, i) => {
		const result = statementSchema.safeParse(s);
		if (!result.success)
			for (const issue of result.error.issues)
				problems.add(`properties.statements.${i}.${issue.path.join('.')}`, issue.message);
	});
	if (!parsed.success || !problems.ok) return { problems };
	return {
		item: {
			row,
			incident: parsed.data as DraftIncidentFeature,
			sources,
			statements,
			partial: true,
			geometryColumn: 'geometry'
		},
		problems
	};
}

/**
 * A GeoJSON file (RFC 7946) → records. A feature of our own export comes back as the incident it
 * was, with the sources and statements it embeds; any other feature is read through the same field
 * mapping as a spreadsheet, its property names standing for the columns.
 */
export function parseGeoJSON(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
	const { text, notes } = decodeUtf8(bytes);
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return fileRejected(notes, `is not JSON: ${(error as Error).message}`);
	}
	if (!isObject(json)) return fileRejected(notes, 'is not a GeoJSON object');
	if (json.crs !== undefined) {
		if (!namesCrs84(json.crs))
			return fileRejected(
				notes,
				'has a "crs" member other than CRS84: RFC 7946 GeoJSON is WGS 84 longitude/latitude'
			);
		notes.push('a "crs" member naming CRS84 (longitude/latitude, as RFC 7946) was ignored');
	}
	const features =
		json.type === 'FeatureCollection' && Array.isArray(json.features)
			? json.features
			: json.type === 'Feature'
				? [json]
				: null;
	if (!features) return fileRejected(notes, 'is neither a FeatureCollection nor a Feature');

	const items: ImportItem[] = [];
	const rejected: Rejection[] = [];
	features.forEach((feature: unknown, i: number) => {
		const row = i + 1;
		if (!isObject(feature) || feature.type !== 'Feature') {
			rejected.push({ row, column: 'type', reason: 'is not a GeoJSON Feature' });
			return;
		}
		const properties = isObject(feature.properties) ? feature.properties : {};
		const geometry = feature.geometry as Json | null;
		if (!isObject(geometry) || !INCIDENT_GEOMETRIES.includes(geometry.type as string)) {
			rejected.push({
				row,
				column: 'geometry',
				reason: `${isObject(geometry) ? `a ${String(geometry.type)}` : 'no geometry'}: an incident is a Point, LineString or MultiLineString`
			});
			return;
		}
		const { item, problems } = isAtlasFeature(properties)
			? atlasFeature({ ...feature, properties }, row)
			: foreignFeature(properties, geometry, row, options);
		if (item) items.push(item);
		rejected.push(...problems.list);
	});
	return { format: 'geojson', rows: features.length, items, rejected, notes };
}

function foreignFeature(properties: Json, geometry: Json, row: number, options: ParseOptions) {
	const keys = Object.keys(properties).filter((k) => !['wkt', 'latitude', 'longitude'].includes(k));
	const { mapping } = detectMapping(keys, options.map);
	const set = options.set ?? {};
	const cell = (key: string | undefined) => {
		const v = key === undefined ? undefined : properties[key];
		return v === undefined || v === null ? '' : typeof v === 'string' ? v.trim() : String(v);
	};
	return genericRow({
		row,
		get: (field: Field) => cell(mapping[field]?.[0]) || set[field] || '',
		all: (field: Field) => (mapping[field] ?? []).map(cell).filter(Boolean),
		columnOf: (field: Field) =>
			field === 'wkt' ? 'geometry' : `properties.${mapping[field]?.[0] ?? field}`,
		geometry: geometry as DraftIncidentFeature['geometry'],
		prefix: 'geojson'
	});
}

/** GDAL 3.6 and older write `crs: CRS84` into GeoJSON; it says what RFC 7946 assumes anyway. */
function namesCrs84(crs: unknown): boolean {
	const name = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
	return typeof name === 'string' && /^urn:ogc:def:crs:OGC:(1\.3:)?CRS84$/i.test(name);
}

function fileRejected(notes: string[], reason: string): ParseResult {
	return {
		format: 'geojson',
		rows: 0,
		items: [],
		rejected: [{ row: 0, column: '', reason }],
		notes
	};
}
