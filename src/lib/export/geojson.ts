import type { Feature, Geometry } from 'geojson';
import type { IncidentFeature } from '$lib/data/schema';
import { toRFC7946Geometry } from '$lib/geo/rfc7946';
import {
	exportLookups,
	linkedPlaces,
	linkedSources,
	linkedStatements,
	type ExportContext,
	type ExportLookups
} from './context';

export interface GeoJSONOptions {
	/** Decimals kept in coordinates (default 6, about 10 cm). */
	precision?: number;
	/** Passed to `JSON.stringify`; default none (compact). */
	indent?: number | string;
}

/**
 * One incident as a stand-alone GeoJSON feature: its own properties plus the places, statements
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
			...feature.properties,
			places: linkedPlaces(feature, lookups).map((p) => ({
				id: p.properties.id,
				name: p.properties.name,
				label: p.properties.label
			})),
			statements: statements.map((s) => ({
				id: s.id,
				speaker: s.speaker,
				said_on: s.said_on,
				date_precision: s.date_precision,
				via: s.via,
				quote: s.quote,
				translation: s.translation,
				source_id: s.source_id
			})),
			sources: linkedSources(feature, statements, lookups).map((s) => ({
				id: s.id,
				publisher: s.publisher,
				title: s.title,
				url: s.url,
				published: s.published
			}))
		}
	};
}

/** The `metadata` foreign member: what the file is, when and how it was made, and its licence. */
export function exportMetadata(ctx: ExportContext, count: number): Record<string, unknown> {
	return {
		dataset: ctx.meta.name,
		version: ctx.meta.version,
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

/**
 * The incidents as an RFC 7946 FeatureCollection: WGS84, no `crs`, coordinates rounded to
 * `precision` decimals, right-hand-rule winding, a top-level `id` on each feature, and a
 * `metadata` foreign member (dataset version, generation time, the filter, licence).
 */
export function toGeoJSON(
	features: IncidentFeature[],
	ctx: ExportContext,
	options: GeoJSONOptions = {}
): string {
	const lookups = exportLookups(ctx);
	const collection = {
		type: 'FeatureCollection',
		metadata: exportMetadata(ctx, features.length),
		features: features.map((f) => incidentExportFeature(f, lookups, options.precision ?? 6))
	};
	return JSON.stringify(collection, null, options.indent);
}
