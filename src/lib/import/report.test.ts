import { describe, expect, it } from 'vitest';
import { buildReport, formatReport } from './report';

describe('the import report', () => {
	const report = buildReport({
		format: 'csv',
		rows: 4,
		results: [
			{ row: 2, id: 'csv-a', status: 'new', duplicateOf: ['acled-aze90001'] },
			{ row: 3, id: 'csv-b', status: 'unchanged', duplicateOf: [] },
			{ row: 5, id: 'csv-c', status: 'updated', duplicateOf: [] }
		],
		rejected: [
			{ row: 4, column: 'Killed', reason: '"a few" is not a count (a whole number, 0 or more)' },
			{ row: 4, column: 'Date', reason: '"10/12/2020" is not a date (YYYY-MM-DD)' }
		],
		written: false,
		dryRun: false,
		notes: ['read as UTF-8']
	});

	it('counts rows by outcome, an invalid row once however many fields are wrong', () => {
		expect(report).toMatchObject({
			rows: 4,
			new: 1,
			updated: 1,
			unchanged: 1,
			invalid: 1,
			duplicates: [{ row: 2, of: 'acled-aze90001' }]
		});
	});

	it('gives every data row its status, in row order', () => {
		expect(report.results).toEqual([
			{
				row: 2,
				id: 'csv-a',
				status: 'possible-duplicate',
				imported_as: 'new',
				duplicate_of: ['acled-aze90001']
			},
			{ row: 3, id: 'csv-b', status: 'unchanged' },
			{ row: 4, status: 'invalid' },
			{ row: 5, id: 'csv-c', status: 'updated' }
		]);
	});

	it('says in words which rows and fields are invalid, and that nothing was written', () => {
		expect(formatReport(report, 'sheet.csv')).toBe(
			[
				'import sheet.csv (csv): 4 row(s): 1 new, 1 updated, 1 unchanged, 1 invalid, 1 possible duplicate(s)',
				'  note: read as UTF-8',
				'  invalid: row 4, Killed: "a few" is not a count (a whole number, 0 or more)',
				'  invalid: row 4, Date: "10/12/2020" is not a date (YYYY-MM-DD)',
				'  possible duplicate: row 2 of incident acled-aze90001',
				'nothing was written: the file has invalid rows (fix them, or pass --skip-rejected to import the others)'
			].join('\n')
		);
	});
});
