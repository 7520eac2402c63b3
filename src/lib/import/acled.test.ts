import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAcled } from './acled';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));

describe('parseAcled', () => {
	const result = parseAcled(fixture('acled.csv'));
	const [tartar, martuni, stepanakert] = result.items;

	it('reads every row of a clean export, numbered as a spreadsheet shows them', () => {
		expect(result.rows).toBe(3);
		expect(result.rejected).toEqual([]);
		expect(result.items.map((i) => i.row)).toEqual([2, 3, 4]);
		expect(result.notes).toEqual(['read as UTF-8']);
	});

	it('maps the event: id, external id, date, type, actors, place and summary', () => {
		expect(tartar.incident.id).toBe('acled-aze90001');
		expect(tartar.incident.geometry).toEqual({ type: 'Point', coordinates: [46.93, 40.34] });
		expect(tartar.incident.properties).toMatchObject({
			id: 'acled-aze90001',
			title: { en: 'Shelling/artillery/missile attack in Tartar' },
			date: '2020-09-27',
			date_precision: 'day',
			type: 'Explosions/Remote violence',
			sub_type: 'Shelling/artillery/missile attack',
			actors: ['Military Forces of Armenia (2018-)', 'Civilians (Azerbaijan)'],
			place_ids: [],
			location_precision: 1,
			uncertainty_m: 2000,
			location_note: 'Tartar, Tartar, Azerbaijan (ACLED geo_precision 1)',
			external_ids: { acled: 'AZE90001' }
		});
		expect(tartar.incident.properties.summary.en).toMatch(/^TEST FIXTURE/);
		expect(tartar.incident.properties.title.vi).toBeUndefined();
	});

	it('reads "DD Month YYYY" dates, time_precision 2 as a week and geo_precision 2 as 10 km', () => {
		expect(martuni.incident.properties).toMatchObject({
			date: '2020-09-28',
			date_precision: 'week',
			location_precision: 2,
			uncertainty_m: 10_000,
			actors: [
				'Military Forces of Azerbaijan (2003-)',
				'Military Forces of Armenia (2018-)',
				'Artsakh Defence Army'
			]
		});
	});

	it('makes fatalities a claim by ACLED citing its sources, never a bare number', () => {
		expect(tartar.incident.properties.claims).toEqual([
			{
				metric: 'killed',
				value: 2,
				subject: 'people (all sides, as ACLED counts them)',
				claimant: 'ACLED (citing Armenpress; Report.az)',
				source_id: 'acled-aze90001'
			}
		]);
		expect(stepanakert.incident.properties.claims[0]).toMatchObject({
			value: 0,
			note: 'ACLED codes 0 where no fatality was reported.'
		});
	});

	it('cites ACLED and each named source as dataset citations without a URL', () => {
		expect(tartar.incident.properties.source_ids).toEqual([
			'acled-aze90001',
			'acled-aze90001-s1',
			'acled-aze90001-s2'
		]);
		expect(tartar.sources.map((s) => [s.id, s.publisher, s.kind, s.url, s.published])).toEqual([
			[
				'acled-aze90001',
				'ACLED (Armed Conflict Location & Event Data Project)',
				'dataset citation',
				undefined,
				'2020-09-29'
			],
			['acled-aze90001-s1', 'Armenpress', 'dataset citation', undefined, '2020-09-27'],
			['acled-aze90001-s2', 'Report.az', 'dataset citation', undefined, '2020-09-27']
		]);
		expect(martuni.sources[1]).toMatchObject({ published_precision: 'week' });
	});

	it('keeps a formula-looking note as text, byte for byte', () => {
		expect(stepanakert.incident.properties.summary.en).toMatch(/^=HYPERLINK\("https:/);
	});

	it('rejects broken rows naming the row and every bad field', () => {
		const broken = parseAcled(fixture('acled-broken.csv'));
		expect(broken.rows).toBe(5);
		expect(broken.items.map((i) => i.row)).toEqual([2, 3, 4]);
		expect(broken.rejected).toEqual([
			{
				row: 5,
				column: 'event_date',
				reason: '"2020-13-45" is not a date (YYYY-MM-DD or DD Month YYYY, e.g. 27 September 2020)'
			},
			{
				row: 5,
				column: 'fatalities',
				reason: '"several" is not a count (a whole number, 0 or more)'
			},
			{ row: 6, column: 'event_type', reason: '"Shelling" is not one of ACLED\'s event types' },
			{ row: 6, column: 'geo_precision', reason: '"4" is not 1, 2 or 3' }
		]);
	});

	it('names every missing required column on the header row', () => {
		const missing = parseAcled(fixture('acled-missing-columns.csv'));
		expect(missing.items).toEqual([]);
		expect(missing.rejected).toEqual([
			{ row: 1, column: 'geo_precision', reason: 'required column is missing' },
			{ row: 1, column: 'fatalities', reason: 'required column is missing' }
		]);
	});
});
