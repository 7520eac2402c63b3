import { genericRow, detectMapping, type Field } from './fields';
import { decodeUtf8, readTable } from './text';
import type { ImportItem, ParseOptions, ParseResult, Rejection } from './types';

/**
 * A spreadsheet (CSV, or semicolon- or tab-separated) → records: columns found from the headers
 * ({@link detectMapping}), `options.map` over them, `options.set` for what no column gives.
 */
export function parseCsv(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
	const { text, notes } = decodeUtf8(bytes);
	const table = readTable(text, notes);
	const { mapping, errors } = detectMapping(table.columns, options.map);
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
	if (rejected.length)
		return { format: 'csv', rows: table.rows.length, items: [], rejected, notes };
	notes.push(
		'columns: ' +
			Object.entries(mapping)
				.map(([field, cols]) => `${cols!.join('+')}→${field}`)
				.join(', ')
	);
	const items: ImportItem[] = [];
	table.rows.forEach((row, i) => {
		const { item, problems } = genericRow({
			row: i + 2,
			get: (field) => {
				const column = mapping[field]?.[0];
				return (column !== undefined ? row[column] : '') || set[field] || '';
			},
			all: (field) => (mapping[field] ?? []).map((c) => row[c]).filter(Boolean),
			columnOf: (field) => mapping[field]?.join('+') ?? field,
			prefix: 'csv'
		});
		if (item) items.push(item);
		rejected.push(...problems.list);
	});
	return { format: 'csv', rows: table.rows.length, items, rejected, notes };
}
