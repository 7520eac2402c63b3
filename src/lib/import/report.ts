import type { RowResult } from './plan';
import type { ImportFormat, Rejection } from './types';

/** The report of one import, as `--json` prints it (its last line). */
export interface ImportReport {
	format: ImportFormat;
	/** Data rows (features, placemarks) in the file. */
	rows: number;
	new: number;
	updated: number;
	unchanged: number;
	/** Rows rejected (each may have several entries in `rejected`). */
	invalid: number;
	duplicates: { row: number; of: string }[];
	rejected: Rejection[];
	/** Whether anything was written (false for `--dry-run` and for a refused file). */
	written: boolean;
	dry_run: boolean;
	notes: string[];
	/** Each row's outcome: its incident id and status. */
	results: { row: number; id: string; status: RowResult['status'] }[];
}

export function buildReport(fields: {
	format: ImportFormat;
	rows: number;
	results: RowResult[];
	rejected: Rejection[];
	written: boolean;
	dryRun: boolean;
	notes: string[];
}): ImportReport {
	const rejected = [...fields.rejected].sort((a, b) => a.row - b.row);
	const count = (status: RowResult['status']) =>
		fields.results.filter((r) => r.status === status).length;
	return {
		format: fields.format,
		rows: fields.rows,
		new: count('new'),
		updated: count('updated'),
		unchanged: count('unchanged'),
		invalid: new Set(rejected.map((r) => r.row)).size,
		duplicates: fields.results.flatMap((r) => r.duplicateOf.map((of) => ({ row: r.row, of }))),
		rejected,
		written: fields.written,
		dry_run: fields.dryRun,
		notes: fields.notes,
		results: fields.results.map(({ row, id, status }) => ({ row, id, status }))
	};
}

/** The report for a reader: counts, then each rejected row with its fields, then duplicates. */
export function formatReport(report: ImportReport, file: string): string {
	const lines = [
		`import ${file} (${report.format}): ${report.rows} row(s): ${report.new} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.invalid} invalid, ${report.duplicates.length} possible duplicate(s)`
	];
	for (const note of report.notes) lines.push(`  note: ${note}`);
	for (const r of report.rejected)
		lines.push(`  invalid: row ${r.row}${r.column ? `, ${r.column}` : ''}: ${r.reason}`);
	for (const d of report.duplicates)
		lines.push(`  possible duplicate: row ${d.row} of incident ${d.of}`);
	if (report.dry_run) lines.push('dry run: nothing was written');
	else if (!report.written && report.invalid > 0)
		lines.push(
			'nothing was written: the file has invalid rows (fix them, or pass --skip-rejected to import the others)'
		);
	else if (report.written) lines.push('written as drafts by cli:import; a reviewer publishes them');
	return lines.join('\n');
}
