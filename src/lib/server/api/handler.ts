import { filterIncidents, parseQuery } from '$lib/atlas/query';
import type { Dataset } from '$lib/data/schema';
import { linksOf } from '$lib/atlas/links';
import { statementsOf, type ExportContext } from '$lib/export/context';
import { toIncidentsCSV, toStatementsCSV } from '$lib/export/csv';
import { exportFileName } from '$lib/export/filename';
import { exportMetadata, exportStatement, toGeoJSON } from '$lib/export/geojson';
import { toKML } from '$lib/export/kml';
import { searchFor, type SearchSource } from '../ogc/collections';
import {
	GEOJSON_TYPE,
	JSON_TYPE,
	errorResponse,
	notFound,
	textResponse,
	type HttpResponse
} from '../ogc/response';

/** The files `/api` serves, by name. */
export const API_FILES = [
	'incidents.geojson',
	'incidents.csv',
	'incidents.kml',
	'statements.json',
	'statements.csv'
] as const;

const CSV_TYPE = 'text/csv; charset=utf-8';
const KML_TYPE = 'application/vnd.google-earth.kml+xml';

function download(type: string, body: string, fileName: string): HttpResponse {
	const response = textResponse(200, type, body);
	response.headers['content-disposition'] = `attachment; filename="${fileName}"`;
	return response;
}

/**
 * Answers `GET /api/<name>` for the names in {@link API_FILES}: the incidents selected by the
 * query of `$lib/atlas/query` (`from`, `to`, `type`, `actor`, `q`, `bbox`) as GeoJSON, CSV or KML, or the
 * statements about them as JSON or CSV. Pure: request URL, dataset and time in, response out.
 */
export function handleApiRequest(
	name: string,
	url: URL,
	dataset: Dataset,
	search: SearchSource,
	now: string
): HttpResponse {
	if (!(API_FILES as readonly string[]).includes(name)) {
		return notFound(
			`No such file: /api/${name.slice(0, 120)}; the API serves ${API_FILES.map((f) => `/api/${f}`).join(', ')}`
		);
	}
	const parsed = parseQuery(url.searchParams);
	if (!parsed.ok) return errorResponse(parsed.status, parsed.code, parsed.description);
	const filter = parsed.query;
	// The dataset's links, built once per served dataset rather than once per request.
	const lookups = linksOf(dataset);
	const features = filterIncidents(
		dataset.incidents.features,
		filter,
		searchFor(search, filter),
		lookups.organizations
	);
	const ctx: ExportContext = {
		statements: dataset.statements,
		sources: dataset.sources,
		places: dataset.places.features,
		organizations: dataset.organizations,
		meta: dataset.meta,
		...(dataset.revision !== undefined ? { revision: dataset.revision } : {}),
		filter,
		generatedAt: now
	};
	switch (name) {
		case 'incidents.geojson':
			return download(
				GEOJSON_TYPE,
				toGeoJSON(features, ctx, { lookups }),
				exportFileName(filter, 'geojson')
			);
		case 'incidents.csv':
			return download(
				CSV_TYPE,
				toIncidentsCSV(features, ctx, lookups),
				exportFileName(filter, 'csv')
			);
		case 'incidents.kml':
			return download(KML_TYPE, toKML(features, ctx, lookups), exportFileName(filter, 'kml'));
		case 'statements.csv':
			return download(
				CSV_TYPE,
				toStatementsCSV(features, ctx, lookups),
				exportFileName(filter, 'csv', 'statements')
			);
		case 'statements.json':
		default: {
			const statements = statementsOf(features, lookups);
			const sourceIds = new Set(statements.map((s) => s.source_id));
			const organizationIds = new Set(statements.map((s) => s.speaker.organization_id));
			for (const o of dataset.organizations)
				if (organizationIds.has(o.id) && o.state) organizationIds.add(o.state);
			return textResponse(
				200,
				JSON_TYPE,
				JSON.stringify({
					metadata: { ...exportMetadata(ctx, statements.length), incidents: features.length },
					statements: statements.map((s) => exportStatement(s, lookups)),
					sources: dataset.sources.filter((s) => sourceIds.has(s.id)),
					organizations: dataset.organizations.filter((o) => organizationIds.has(o.id))
				})
			);
		}
	}
}
