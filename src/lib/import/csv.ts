import { genericRow, detectMapping, type Field } from './fields';
import { parseTable, type TableFormat } from './stream';
import type { ParseOptions, ParseResult, Rejection } from './types';

/**
 * A spreadsheet's table (CSV, or semicolon- or tab-separated): columns found from the headers
 * ({@link detectMapping}), `options.map` over them, `options.set` for what no column gives.
 */
export function csvTable(options: ParseOptions = {}): TableFormat {
	return {
		format: 'csv',
		header(columns, notes) {
			const { mapping, errors } = detectMapping(columns, options.map);
			const rejected: Rejection[] = errors.map((reason) => ({ row: 1, column: '--map', reason }));
			const set = options.set ?? {};
			const has = (field: Field) => Boolean(mapping[field]?.length) || Boolean(set[field]);
			if (!has('wkt') && !(has('latitude') && has('longitude')))
				rejected.push({
					row: 1,
					column: 'latitude, longitude',
					reason:
						'required columns are missing: latitude and longitude, or WKT (map yours with --map column=latitude)'
				});
			if (rejected.length) return rejected;
			notes.push(
				'columns: ' +
					Object.entries(mapping)
						.map(([field, cols]) => `${cols!.join('+')}→${field}`)
						.join(', ')
			);
			return (row, rowNumber) =>
				genericRow({
					row: rowNumber,
					get: (field) => {
						const column = mapping[field]?.[0];
						return (column !== undefined ? row[column] : '') || set[field] || '';
					},
					all: (field) => (mapping[field] ?? []).map((c) => row[c]).filter(Boolean),
					columnOf: (field) => mapping[field]?.join('+') ?? field,
					prefix: 'csv'
				});
		}
	};
}

/** A spreadsheet → records and rejections (see {@link csvTable}). */
export function parseCsv(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
	return parseTable(csvTable(options), bytes);
}
