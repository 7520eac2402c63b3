import type { IncidentFeature } from '$lib/data/schema';
import type { ExportContext } from './context';
import { toIncidentsCSV, toStatementsCSV } from './csv';
import { exportFileName } from './filename';
import { toGeoJSON } from './geojson';
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

/** Runs one export: the pure serialiser for the format, its MIME type and its file name. */
export function serialiseExport({ format, features, ctx, what }: ExportRequest): ExportResult {
	switch (format) {
		case 'geojson':
			return {
				text: toGeoJSON(features, ctx),
				type: 'application/geo+json',
				fileName: exportFileName(ctx.filter, 'geojson', what)
			};
		case 'incidents-csv':
			return {
				text: toIncidentsCSV(features, ctx),
				type: 'text/csv;charset=utf-8',
				fileName: exportFileName(ctx.filter, 'csv', what)
			};
		case 'statements-csv':
			return {
				text: toStatementsCSV(features, ctx),
				type: 'text/csv;charset=utf-8',
				fileName: exportFileName(ctx.filter, 'csv', what ? `${what}-statements` : 'statements')
			};
		case 'kml':
			return {
				text: toKML(features, ctx),
				type: 'application/vnd.google-earth.kml+xml',
				fileName: exportFileName(ctx.filter, 'kml', what)
			};
		default:
			throw new Error(`Unknown export format ${JSON.stringify(format)}`);
	}
}
