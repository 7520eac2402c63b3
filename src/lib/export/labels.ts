/** The Export menu's strings; `{format}`, `{count}` and `{error}` are filled in. */
export interface ExportMenuLabels {
	export: string;
	exportIncident: string;
	geojson: string;
	incidentsCsv: string;
	statementsCsv: string;
	kml: string;
	preparing: string;
	done: string;
	failed: string;
}

export const EXPORT_MENU_LABELS: ExportMenuLabels = {
	export: 'Export',
	exportIncident: 'Export this incident',
	geojson: 'GeoJSON',
	incidentsCsv: 'CSV (incidents)',
	statementsCsv: 'CSV (statements)',
	kml: 'KML',
	preparing: 'Preparing {format}…',
	done: 'Downloaded {format} ({count} incidents).',
	failed: 'Export failed: {error}'
};
