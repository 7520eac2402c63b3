import type { IncidentFeature } from '../data/schema';
import type { ExportContext, ExportLookups } from './context';
import { toIncidentsCSVParts, toStatementsCSVParts } from './csv';
import { exportFileName } from './filename';
import { toGeoJSONParts } from './geojson';
import { toKML } from './kml';

export const EXPORT_FORMATS = ['geojson', 'incidents-csv', 'statements-csv', 'kml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
	format: ExportFormat;
	features: IncidentFeature[];
	ctx: ExportContext;
	/** Added to the file name, e.g. an incident id when exporting one incident. */
	what?: string;
}

export interface ExportResult {
	text: string;
	/** MIME type of the file, for its Blob. */
	type: string;
	fileName: string;
}

export interface ExportParts {
	/** The file's text in pieces, in order; a Blob takes them as they are. */
	parts: string[];
	/** MIME type of the file, for its Blob. */
	type: string;
	fileName: string;
}

/**
 * Runs one export: the pure serialiser for the format, its MIME type and its file name. `lookups`
 * (from {@link exportLookups} over the same context) may be passed in to reuse them across exports.
 */
export function serialiseExportParts(
	{ format, features, ctx, what }: ExportRequest,
	lookups?: ExportLookups
): ExportParts {
	switch (format) {
		case 'geojson':
			return {
				parts: toGeoJSONParts(features, ctx, { lookups }),
				type: 'application/geo+json',
				fileName: exportFileName(ctx.filter, 'geojson', what)
			};
		case 'incidents-csv':
			return {
				parts: toIncidentsCSVParts(features, ctx, lookups),
				type: 'text/csv;charset=utf-8',
				fileName: exportFileName(ctx.filter, 'csv', what)
			};
		case 'statements-csv':
			return {
				parts: toStatementsCSVParts(features, ctx, lookups),
				type: 'text/csv;charset=utf-8',
				fileName: exportFileName(ctx.filter, 'csv', what ? `${what}-statements` : 'statements')
			};
		case 'kml':
			return {
				parts: [toKML(features, ctx)],
				type: 'application/vnd.google-earth.kml+xml',
				fileName: exportFileName(ctx.filter, 'kml', what)
			};
		default:
			throw new Error(`Unknown export format ${JSON.stringify(format)}`);
	}
}

/** {@link serialiseExportParts} with the text in one string. */
export function serialiseExport(request: ExportRequest): ExportResult {
	const { parts, type, fileName } = serialiseExportParts(request);
	return { text: parts.join(''), type, fileName };
}
