import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, serialiseExport, type ExportFormat } from './serialise';
import { fixtureContext, madagizMine, mi24 } from './test_fixtures';

describe('serialiseExport', () => {
	it('gives each format its serialiser, MIME type and file name', () => {
		const ctx = fixtureContext({ from: '2016-04-01', to: '2016-04-05', types: ['Battles'] });
		const results = Object.fromEntries(
			EXPORT_FORMATS.map((format) => [format, serialiseExport({ format, features: [mi24], ctx })])
		);
		expect(results.geojson.type).toBe('application/geo+json');
		expect(JSON.parse(results.geojson.text).features[0].id).toBe('2016-04-02-mi24');
		expect(results.geojson.fileName).toBe('incident-atlas_2016-04-01_2016-04-05_battles.geojson');
		expect(results['incidents-csv'].text.startsWith('\uFEFFevent_id,')).toBe(true);
		expect(results['incidents-csv'].fileName).toBe(
			'incident-atlas_2016-04-01_2016-04-05_battles.csv'
		);
		expect(results['statements-csv'].text.startsWith('\uFEFFstatement_id,')).toBe(true);
		expect(results['statements-csv'].fileName).toBe(
			'incident-atlas_2016-04-01_2016-04-05_battles_statements.csv'
		);
		expect(results.kml.type).toBe('application/vnd.google-earth.kml+xml');
		expect(results.kml.text).toContain('<Placemark>');
	});

	it('names a one-incident export after the incident', () => {
		const result = serialiseExport({
			format: 'statements-csv',
			features: [madagizMine],
			ctx: fixtureContext(),
			what: madagizMine.id
		});
		expect(result.fileName).toBe('incident-atlas_2020-11-23-madagiz-mine-statements.csv');
	});

	it('refuses an unknown format', () => {
		expect(() =>
			serialiseExport({ format: 'shp' as ExportFormat, features: [], ctx: fixtureContext() })
		).toThrow('Unknown export format "shp"');
	});
});
