import type { Dataset, IncidentFeature } from '../data/schema';
import type { IncidentQuery } from '../atlas/query';
import { exportLookups, type ExportContext, type ExportLookups } from './context';
import { csvHeader, csvLine, incidentCells, INCIDENT_COLUMNS, versionCell } from './csv';
import { encodeRows, selectRows, type EncodedRows } from './encoded_rows';
import { exportFileName } from './filename';
import { exportMetadata, incidentExportFeatureJSON } from './geojson';
import { pickRows, verifyDataset, type DatasetCheck } from './rows';
import { serialiseExportParts, type ExportFormat } from './serialise';

/** An export of rows of the dataset, by row number (what the page sends the worker). */
export interface RowsRequest {
	format: ExportFormat;
	/** Rows of the dataset's incident array, in the order to export them. */
	rows: Int32Array;
	check: DatasetCheck;
	filter: IncidentQuery;
	generatedAt: string;
	selection?: string;
	what?: string;
}

export interface RowsExport {
	/** The file in pieces, in order, for a Blob. */
	parts: (string | Uint8Array)[];
	type: string;
	fileName: string;
}

/**
 * A dataset held for exporting rows of it. What does not depend on the selection is made once and
 * kept: the id look-ups, and, on first use, every incident's GeoJSON feature and `incidents.csv`
 * row as UTF-8 bytes. An export of any rows then slices those bytes, in a few milliseconds.
 */
export class PreparedDataset {
	readonly dataset: Dataset;
	readonly lookups: ExportLookups;
	#features: EncodedRows | null = null;
	#csvRows: EncodedRows | null = null;

	constructor(dataset: Dataset) {
		this.dataset = dataset;
		this.lookups = exportLookups({
			statements: dataset.statements,
			sources: dataset.sources,
			places: dataset.places.features,
			organizations: dataset.organizations
		});
	}

	get #all(): IncidentFeature[] {
		return this.dataset.incidents.features;
	}

	/** Each incident as its exported GeoJSON feature followed by a comma. */
	get features(): EncodedRows {
		this.#features ??= encodeRows(
			this.#all.length,
			(i) => incidentExportFeatureJSON(this.#all[i], this.lookups) + ','
		);
		return this.#features;
	}

	/** Each incident as a newline and its `incidents.csv` row. */
	get csvRows(): EncodedRows {
		const version = versionCell(this.dataset.revision);
		this.#csvRows ??= encodeRows(
			this.#all.length,
			(i) => '\n' + csvLine([...incidentCells(this.#all[i], this.lookups), version])
		);
		return this.#csvRows;
	}

	/**
	 * The export of `request.rows`, byte for byte what `serialiseExportParts` makes of the same
	 * incidents. Throws when the request was made against a different dataset (`verifyDataset`).
	 */
	exportRows(request: RowsRequest): RowsExport {
		const { meta } = this.dataset;
		verifyDataset(request.check, this.#all, meta, this.dataset.revision);
		const ctx: ExportContext = {
			statements: this.dataset.statements,
			sources: this.dataset.sources,
			places: this.dataset.places.features,
			organizations: this.dataset.organizations,
			meta,
			...(this.dataset.revision !== undefined ? { revision: this.dataset.revision } : {}),
			filter: request.filter,
			generatedAt: request.generatedAt,
			...(request.selection ? { selection: request.selection } : {})
		};
		const { rows, what } = request;
		switch (request.format) {
			case 'geojson': {
				const metadata = JSON.stringify(exportMetadata(ctx, rows.length));
				return {
					parts: [
						`{"type":"FeatureCollection","metadata":${metadata},"features":[`,
						...selectRows(this.features, rows, 1),
						']}'
					],
					type: 'application/geo+json',
					fileName: exportFileName(ctx.filter, 'geojson', what)
				};
			}
			case 'incidents-csv':
				return {
					parts: [csvHeader(INCIDENT_COLUMNS), ...selectRows(this.csvRows, rows), '\n'],
					type: 'text/csv;charset=utf-8',
					fileName: exportFileName(ctx.filter, 'csv', what)
				};
			default:
				return serialiseExportParts(
					{ format: request.format, features: pickRows(this.#all, rows), ctx, what },
					this.lookups
				);
		}
	}
}
