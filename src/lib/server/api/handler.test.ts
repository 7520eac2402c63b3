import { check } from '@placemarkio/check-geojson';
import { csvParse } from 'd3-dsv';
import { describe, expect, it, vi } from 'vitest';
import { PreparedDataset } from '$lib/export/prepared_dataset';
import { serialiseExportParts, type ExportFormat } from '$lib/export/serialise';
import { fixtureContext, fixtureDataset } from '$lib/export/test_fixtures';
import { buildSearchIndex } from '$lib/geo/search';
import { handleApiRequest } from './handler';

const dataset = fixtureDataset();
const search = buildSearchIndex(dataset);
const NOW = '2024-05-01T12:00:00.000Z';
const get = (name: string, query = '') =>
	handleApiRequest(name, new URL(`http://127.0.0.1/api/${name}${query}`), dataset, search, NOW);

describe('handleApiRequest', () => {
	it('serves filtered incidents as GeoJSON with the filter in metadata', () => {
		const r = get('incidents.geojson', '?from=2016-04-01&to=2016-04-05&type=Battles');
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toBe('application/geo+json');
		expect(r.headers['content-disposition']).toBe(
			'attachment; filename="incident-atlas_2016-04-01_2016-04-05_battles.geojson"'
		);
		const fc = check(r.body) as unknown as { features: { id: string }[]; metadata: object };
		expect(fc.features.map((f) => f.id)).toEqual(['2016-04-02-line-of-contact', '2016-04-02-mi24']);
		expect(fc.metadata).toMatchObject({
			filter: { from: '2016-04-01', to: '2016-04-05', types: ['Battles'] },
			generated_at: NOW
		});
	});

	it('serves CSV with a BOM and KML with their types', () => {
		const csv = get('incidents.csv', '?q=madagiz');
		expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
		expect(csv.body.startsWith('\uFEFFevent_id,')).toBe(true);
		expect(csvParse(csv.body.slice(1)).map((r) => r.event_id)).toEqual([
			'2016-04-02-line-of-contact',
			'2020-11-23-madagiz-mine'
		]);
		const kml = get('incidents.kml');
		expect(kml.headers['content-type']).toBe('application/vnd.google-earth.kml+xml');
		expect(kml.body.match(/<Placemark>/g)).toHaveLength(3);
	});

	it('serves the statements about the selection as JSON and CSV', () => {
		const r = get('statements.json', '?bbox=46.7,40.3,46.8,40.35&from=2020-01-01');
		expect(r.headers['content-type']).toBe('application/json');
		const body = JSON.parse(r.body);
		expect(body.statements.map((s: { id: string }) => s.id)).toEqual(['st-2020-11-23-russian-mod']);
		expect(body.sources.map((s: { id: string }) => s.id)).toEqual(['thoidai-2020-11-24']);
		expect(body.metadata).toMatchObject({ count: 1, incidents: 1, filter: { from: '2020-01-01' } });
		const csv = get('statements.csv', '?type=Battles');
		expect(csv.headers['content-disposition']).toContain('incident-atlas_battles_statements.csv');
		expect(csvParse(csv.body.slice(1)).map((r) => r.statement_id)).toEqual([
			'st-2016-04-02-az-mod',
			'st-2016-04-02-ban-ki-moon'
		]);
	});

	it('makes its files with the export worker’s pipeline, the same bytes as the dashboard’s', () => {
		const prepared = new PreparedDataset(dataset);
		const exportRows = vi.spyOn(prepared, 'exportRows');
		const files: [string, ExportFormat][] = [
			['incidents.geojson', 'geojson'],
			['incidents.csv', 'incidents-csv'],
			['incidents.kml', 'kml'],
			['statements.csv', 'statements-csv']
		];
		for (const [name, format] of files) {
			const query = '?from=2016-04-01&to=2016-04-05';
			const url = new URL(`http://127.0.0.1/api/${name}${query}`);
			const r = handleApiRequest(name, url, dataset, search, NOW, prepared);
			expect(exportRows).toHaveBeenLastCalledWith(expect.objectContaining({ format }));
			const features = dataset.incidents.features.filter((f) =>
				['2016-04-02-line-of-contact', '2016-04-02-mi24'].includes(f.id)
			);
			const ctx = {
				...fixtureContext(),
				meta: dataset.meta,
				filter: { from: '2016-04-01', to: '2016-04-05' },
				generatedAt: NOW
			};
			expect(r.body, name).toBe(serialiseExportParts({ format, features, ctx }).parts.join(''));
		}
		expect(exportRows).toHaveBeenCalledTimes(4);
	});

	it('answers 400 JSON naming the bad parameter', () => {
		for (const [query, name] of [
			['?from=2016-02-30', 'from'],
			['?bbox=1,2,3', 'bbox'],
			['?type=War', 'type']
		]) {
			const r = get('incidents.geojson', query);
			expect(r.status).toBe(400);
			expect(r.headers['content-type']).toBe('application/json');
			const body = JSON.parse(r.body);
			expect(body.code).toBe('InvalidParameterValue');
			expect(body.description).toContain(`"${name}"`);
		}
	});

	it('answers 404 JSON for an unknown file, listing the real ones', () => {
		const r = get('incidents.shp');
		expect(r.status).toBe(404);
		expect(JSON.parse(r.body).description).toContain('/api/incidents.geojson');
	});
});
