import { filterIncidents, parseQuery } from '$lib/atlas/query';
import type { Dataset } from '$lib/data/schema';
import { linksOf } from '$lib/atlas/links';
import { statementsOf, type ExportContext } from '$lib/export/context';
import { exportMetadata, exportStatement } from '$lib/export/geojson';
import { PreparedDataset } from '$lib/export/prepared_dataset';
import { datasetCheck, rowIndices } from '$lib/export/rows';
import type { ExportFormat } from '$lib/export/serialise';
import { searchFor, type SearchSource } from '../ogc/collections';
import {
	GEOJSON_TYPE,
	JSON_TYPE,
	bytesResponse,
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

/** The incident files and the export format and content type each is made with. */
const FILE_FORMATS: Partial<Record<(typeof API_FILES)[number], [ExportFormat, string]>> = {
	'incidents.geojson': ['geojson', GEOJSON_TYPE],
	'incidents.csv': ['incidents-csv', CSV_TYPE],
	'incidents.kml': ['kml', KML_TYPE],
	'statements.csv': ['statements-csv', CSV_TYPE]
};

const utf8 = new TextEncoder();

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
	now: string,
	/** The served dataset's prepared rows (`datasetIndexes`), kept across requests. */
	prepared?: PreparedDataset
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
	const file = FILE_FORMATS[name as (typeof API_FILES)[number]];
	if (file) {
		// The dashboard's export worker makes its files with the same `exportRows`, from the same
		// pre-encoded rows: one export pipeline, whichever way a file is asked for.
		const [format, type] = file;
		const all = dataset.incidents.features;
		const rows = rowIndices(features, all);
		const made = (prepared ?? new PreparedDataset(dataset)).exportRows({
			format,
			rows,
			check: datasetCheck(all, dataset.meta, rows, dataset.revision),
			filter,
			generatedAt: now
		});
		const response = bytesResponse(
			200,
			type,
			made.parts.map((part) => (typeof part === 'string' ? utf8.encode(part) : part))
		);
		response.headers['content-disposition'] = `attachment; filename="${made.fileName}"`;
		return response;
	}
	// statements.json
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
