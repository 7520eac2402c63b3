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
	/** Each data row's outcome, in row order (see {@link RowOutcome}). */
	results: RowOutcome[];
}

/**
 * One row: `new`, `updated`, `unchanged`, `invalid` (its errors are in `rejected`), or
 * `possible-duplicate` (imported all the same, `imported_as` new/updated/unchanged, flagged with
 * the incidents it may repeat).
 */
export type RowOutcome =
	| { row: number; id: string; status: RowResult['status'] }
	| {
			row: number;
			id: string;
			status: 'possible-duplicate';
			imported_as: RowResult['status'];
			duplicate_of: string[];
	  }
	| { row: number; status: 'invalid' };

/** Rejections of the file itself (row 0) or its header (row 1 of a table), not of a data row. */
function fileLevel(format: ImportFormat, row: number): boolean {
	return row === 0 || (row === 1 && (format === 'acled' || format === 'ucdp' || format === 'csv'));
}

export function buildReport(fields: {
	format: ImportFormat;
	rows: number;
	/** Each row's result (read once, in order: an array, or a {@link RowResults}). */
	results: Iterable<RowResult>;
	rejected: Rejection[];
	written: boolean;
	dryRun: boolean;
	notes: string[];
}): ImportReport {
	const rejected = [...fields.rejected].sort((a, b) => a.row - b.row);
	const counts: Record<RowResult['status'], number> = { new: 0, updated: 0, unchanged: 0 };
	const duplicates: ImportReport['duplicates'] = [];
	const results: RowOutcome[] = [];
	for (const { row, id, status, duplicateOf } of fields.results) {
		counts[status]++;
		for (const of of duplicateOf) duplicates.push({ row, of });
		results.push(
			duplicateOf.length
				? { row, id, status: 'possible-duplicate', imported_as: status, duplicate_of: duplicateOf }
				: { row, id, status }
		);
	}
	for (const row of new Set(rejected.map((r) => r.row)))
		if (!fileLevel(fields.format, row)) results.push({ row, status: 'invalid' });
	return {
		format: fields.format,
		rows: fields.rows,
		new: counts.new,
		updated: counts.updated,
		unchanged: counts.unchanged,
		invalid: new Set(rejected.map((r) => r.row)).size,
		duplicates,
		rejected,
		written: fields.written,
		dry_run: fields.dryRun,
		notes: fields.notes,
		results: results.sort((a, b) => a.row - b.row)
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
