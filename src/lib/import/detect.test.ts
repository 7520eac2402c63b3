import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../tests/fixtures/import/${name}`, import.meta.url), 'utf8');

describe('detectFormat', () => {
	it.each([
		['acled.csv', 'acled'],
		['ucdp.csv', 'ucdp'],
		['spreadsheet.csv', 'csv'],
		['spreadsheet-wkt.csv', 'csv'],
		['colleague.geojson', 'geojson'],
		['placemarks.kml', 'kml']
	])('reads %s as %s', (name, format) => {
		expect(detectFormat(name, fixture(name).slice(0, 4096))).toBe(format);
	});

	it('goes by the content when the name says nothing', () => {
		expect(detectFormat('export', fixture('acled.csv').slice(0, 4096))).toBe('acled');
		expect(detectFormat('upload.txt', '\uFEFF{"type":"FeatureCollection"}')).toBe('geojson');
		expect(detectFormat('upload.xml', '<?xml version="1.0"?>\n<kml xmlns="x">')).toBe('kml');
	});

	it('a table missing one of ACLED’s required columns is a plain spreadsheet', () => {
		expect(detectFormat('a.csv', 'event_id_cnty,event_date,latitude,longitude\n')).toBe('csv');
	});
});
