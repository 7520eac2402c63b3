import { detectMapping, FIELDS, type Field } from './fields';
import type { ImportReport } from './report';
import { readTable } from './text';
import type { ImportFormat, ImportItem, ParseOptions } from './types';

/** How many rows the browser's preview shows. */
export const PREVIEW_ROWS = 5;

/** One row of the preview: what the import makes of it, as plain values (rendered as text). */
export interface PreviewRow {
	row: number;
	id: string;
	title: string;
	date: string;
	type: string;
	/** `[longitude, latitude]` of the first position. */
	position: number[];
	/** The claims, `killed: 3 (ACLED (citing Armenpress))`. */
	claims: string[];
	/** The sources' publishers. */
	sources: string[];
}

/** The preview of an upload: its columns, how they map to our fields (CSV), and its first rows. */
export interface ImportPreview {
	/** The header's columns (tables only). */
	columns: string[];
	/** Our field → the column(s) read for it (CSV only: ACLED and UCDP have fixed columns). */
	mapping: Partial<Record<Field, string[]>>;
	/** The fields a CSV column may be mapped to. */
	fields: readonly Field[];
	rows: PreviewRow[];
}

/** The header of a table file (the text before its first line break). */
function headerColumns(text: string): string[] {
	const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	if (!first.trim()) return [];
	return readTable(first, []).columns;
}

/** The preview of the first `items` of the file `text` read as `format` with `options`: pure. */
export function previewOf(
	format: ImportFormat,
	text: string,
	items: ImportItem[],
	options: ParseOptions = {}
): ImportPreview {
	const table = format === 'acled' || format === 'ucdp' || format === 'csv';
	const columns = table ? headerColumns(text) : [];
	const mapping = format === 'csv' ? detectMapping(columns, options.map).mapping : {};
	return {
		columns,
		mapping,
		fields: format === 'csv' ? FIELDS : [],
		rows: items.slice(0, PREVIEW_ROWS).map(({ row, incident, sources }) => {
			const p = incident.properties;
			const g = incident.geometry;
			const position =
				g.type === 'Point'
					? g.coordinates
					: g.type === 'LineString'
						? g.coordinates[0]
						: g.coordinates[0][0];
			return {
				row,
				id: p.id,
				title: p.title.en ?? Object.values(p.title)[0] ?? '',
				date: p.date_end ? `${p.date} – ${p.date_end}` : p.date,
				type: p.sub_type ? `${p.type} · ${p.sub_type}` : p.type,
				position: [...position],
				claims: (p.claims ?? []).map(
					(c) =>
						`${c.metric}: ${typeof c.value === 'number' ? c.value : JSON.stringify(c.value)} (${c.claimant})`
				),
				sources: sources.map((s) => s.publisher)
			};
		})
	};
}

/** The answer of `POST /api/import`: the format read, the report (without per-row results), the preview. */
export interface ImportAnswer {
	format: ImportFormat;
	report: Omit<ImportReport, 'results'>;
	preview: ImportPreview;
}
