import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKml } from './kml';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseKml', () => {
	const result = parseKml(fixture('placemarks.kml'));
	const [stepanakert, road] = result.items;

	it('reads placemarks: name, description, TimeStamp, Point and ExtendedData', () => {
		expect(result.rows).toBe(3);
		expect(stepanakert.row).toBe(1);
		expect(stepanakert.incident.geometry).toEqual({
			type: 'Point',
			coordinates: [46.7519, 39.8153]
		});
		expect(stepanakert.incident.properties).toMatchObject({
			title: { en: 'Shelling reported in Stepanakert (test fixture)' },
			summary: { en: 'TEST FIXTURE (synthetic placemark): <b>markup</b> stays text.' },
			date: '2020-10-08',
			date_precision: 'day',
			type: 'Explosions/Remote violence',
			claims: [{ metric: 'killed', value: 1, claimant: 'Test Fixture Gazette' }]
		});
	});

	it('reads a TimeSpan of a month as a month, with its end, and a LineString', () => {
		expect(road.incident.properties).toMatchObject({
			date: '2020-10-01',
			date_end: '2020-10-31',
			date_precision: 'month'
		});
		expect(road.incident.geometry.type).toBe('LineString');
	});

	it('rejects a polygon and a date that is not one, by placemark and KML path', () => {
		expect(result.rejected).toEqual([
			{
				row: 3,
				column: 'TimeStamp.when',
				reason: '"sometime in October" is not a date (YYYY-MM-DD)'
			},
			{
				row: 3,
				column: 'type',
				reason:
					"is missing: one of ACLED's event types (Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments); --set type=… gives every row one"
			},
			{ row: 3, column: 'sub_type', reason: 'is missing: --set sub_type=… gives every row one' },
			{
				row: 3,
				column: 'geometry',
				reason: 'a Polygon: an incident is a Point, LineString or MultiLineString'
			},
			{
				row: 3,
				column: 'source',
				reason:
					'is missing: every incident needs a source (a publisher name; --set source=… names one for every row)'
			}
		]);
	});

	it('says where the XML breaks', () => {
		const broken = parseKml(bytes('<kml><Document><Placemark></Document></kml>'));
		expect(broken.items).toEqual([]);
		expect(broken.rejected[0].reason).toMatch(/^is not well-formed XML: 1:\d+: /);
	});
});
