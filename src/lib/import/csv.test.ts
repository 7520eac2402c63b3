import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { detectMapping } from './fields';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectMapping', () => {
	it('finds fields by the names headers give them, whatever their case and spacing', () => {
		const { mapping } = detectMapping(['Date', 'Lat', 'Lon', 'Event type', 'Actor1', 'Actor2']);
		expect(mapping).toEqual({
			date: ['Date'],
			latitude: ['Lat'],
			longitude: ['Lon'],
			type: ['Event type'],
			actors: ['Actor1', 'Actor2']
		});
	});

	it('lets --map override a detected column and says what it cannot map', () => {
		const { mapping, errors } = detectMapping(['when', 'Date', 'y'], {
			date: 'when',
			depth: 'y',
			title: 'Name'
		});
		expect(mapping.date).toEqual(['when']);
		expect(errors).toEqual([
			'--map y=depth: "depth" is not a field (id, title, summary, date, date_end, date_precision, type, sub_type, actors, latitude, longitude, wkt, location_precision, uncertainty_m, location_note, fatalities, claimant, source, source_url, source_title, source_published, acled, ucdp, geonames, wikidata)',
			'--map Name=title: the file has no column "Name"'
		]);
	});
});

describe('parseCsv', () => {
	it('reads a spreadsheet with latitude/longitude columns', () => {
		const result = parseCsv(fixture('spreadsheet.csv'));
		expect(result.rows).toBe(3);
		const [tartar, shusha] = result.items;
		expect(tartar.incident.geometry).toEqual({ type: 'Point', coordinates: [46.934, 40.344] });
		expect(tartar.incident.properties).toMatchObject({
			title: { en: 'Shelling reported in Tartar (test fixture)' },
			date: '2020-09-27',
			type: 'Explosions/Remote violence',
			location_precision: 2,
			uncertainty_m: 5000,
			location_note: 'The file gives no location precision; 5 km assumed.',
			claims: [
				{
					metric: 'killed',
					value: 2,
					subject: 'people (as the imported file counts them)',
					claimant: 'Test Fixture Gazette',
					source_id: tartar.incident.id + '-s1'
				}
			]
		});
		expect(tartar.incident.id).toMatch(/^csv-[0-9a-f]{16}$/);
		expect(tartar.sources[0]).toMatchObject({
			publisher: 'Test Fixture Gazette',
			url: 'https://example.org/test-fixture/report-1',
			kind: 'web page'
		});
		expect(shusha.sources[0]).toMatchObject({ kind: 'dataset citation' });
		expect(shusha.sources[0].url).toBeUndefined();
		expect(shusha.incident.properties.claims).toEqual([]);
	});

	it('gives the same id to the same row on every read, another to a changed row', () => {
		const once = parseCsv(fixture('spreadsheet.csv')).items.map((i) => i.incident.id);
		const again = parseCsv(fixture('spreadsheet.csv')).items.map((i) => i.incident.id);
		expect(again).toEqual(once);
		const changed = readFileSync('tests/fixtures/import/spreadsheet.csv', 'utf8').replace(
			'Shelling reported in Tartar',
			'Shelling in Tartar'
		);
		expect(parseCsv(bytes(changed)).items[0].incident.id).not.toBe(once[0]);
	});

	it('rejects a broken row naming each bad column', () => {
		expect(parseCsv(fixture('spreadsheet.csv')).rejected).toEqual([
			{ row: 4, column: 'Date', reason: '"10/12/2020" is not a date (YYYY-MM-DD)' },
			{ row: 4, column: 'Lat', reason: '"40,34" is not a number' },
			{ row: 4, column: 'Killed', reason: '"a few" is not a count (a whole number, 0 or more)' }
		]);
	});

	it('reads WKT geometries from a semicolon-separated file, with a column mapped by hand', () => {
		const unmapped = parseCsv(fixture('spreadsheet-wkt.csv'));
		expect(unmapped.rejected[0]).toEqual({
			row: 2,
			column: 'date',
			reason: 'is missing: every incident needs a date'
		});
		const result = parseCsv(fixture('spreadsheet-wkt.csv'), { map: { date: 'Datum' } });
		expect(result.rejected).toEqual([]);
		expect(result.notes).toContain('columns separated by semicolons');
		expect(result.items.map((i) => i.incident.geometry)).toEqual([
			{
				type: 'LineString',
				coordinates: [
					[46.7, 39.8],
					[46.75, 39.82]
				]
			},
			{ type: 'Point', coordinates: [46.7519, 39.8153] }
		]);
	});

	it('refuses a file with no coordinates at all, on the header row', () => {
		const result = parseCsv(bytes('date,type\n2020-10-01,Battles\n'));
		expect(result.items).toEqual([]);
		expect(result.rejected).toEqual([
			{
				row: 1,
				column: 'latitude, longitude',
				reason:
					'required columns are missing: latitude and longitude, or WKT (map yours with --map column=latitude)'
			}
		]);
	});

	it('gives every row a value no column holds with --set', () => {
		const result = parseCsv(bytes('date,latitude,longitude\n2020-10-01,39.8153,46.7519\n'), {
			set: { type: 'Battles', sub_type: 'Armed clash', source: 'A colleague (test fixture)' }
		});
		expect(result.rejected).toEqual([]);
		expect(result.items[0].incident.properties).toMatchObject({
			type: 'Battles',
			sub_type: 'Armed clash',
			title: { en: 'Armed clash' }
		});
		expect(result.items[0].sources[0].publisher).toBe('A colleague (test fixture)');
	});

	it('refuses a javascript: or proxied source URL, naming the column', () => {
		const result = parseCsv(
			bytes(
				'date,latitude,longitude,type,sub_type,source,source_url\n' +
					'2020-10-01,39.8153,46.7519,Battles,Armed clash,Test Fixture Gazette,javascript:alert(1)\n' +
					'2020-10-01,39.8153,46.7519,Battles,Armed clash,Test Fixture Gazette,https://web.archive.org/web/2020/https://example.org/a\n'
			)
		);
		expect(result.items).toEqual([]);
		expect(result.rejected.map((r) => [r.row, r.column, r.reason.split(':')[0]])).toEqual([
			[2, 'source_url', 'must be an http(s) URL'],
			[3, 'source_url', 'wraps another URL in its path (a redirector or proxy)']
		]);
	});
});
