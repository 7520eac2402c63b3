import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUcdp } from './ucdp';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));

describe('parseUcdp', () => {
	const result = parseUcdp(fixture('ucdp.csv'));
	const [martuni, tartar] = result.items;

	it('reads a clean GED file', () => {
		expect(result.rows).toBe(2);
		expect(result.rejected).toEqual([]);
		expect(result.items.map((i) => i.incident.id)).toEqual(['ucdp-990001', 'ucdp-990002']);
	});

	it('maps type_of_violence, where_prec and date_prec as UCDP defines them', () => {
		expect(martuni.incident.properties).toMatchObject({
			date: '2020-10-01',
			date_precision: 'day',
			type: 'Battles',
			sub_type: 'Armed clash',
			actors: ['Government of Azerbaijan', 'Republic of Artsakh'],
			location_precision: 1,
			uncertainty_m: 2000,
			external_ids: { ucdp: '990001' }
		});
		expect(martuni.incident.properties).not.toHaveProperty('date_end');
		expect(tartar.incident.properties).toMatchObject({
			date: '2020-10-05',
			date_end: '2020-10-20',
			date_precision: 'month',
			type: 'Violence against civilians',
			sub_type: 'Attack',
			location_precision: 3,
			uncertainty_m: 50_000
		});
	});

	it('makes low/best/high one range claim and the breakdown one claim per group', () => {
		const claimant = 'UCDP GED (citing Armenpress; Reuters)';
		expect(martuni.incident.properties.claims).toEqual([
			{
				metric: 'killed',
				value: { low: 6, best: 8, high: 12 },
				subject: 'people on all sides (UCDP’s total)',
				claimant,
				source_id: 'ucdp-990001'
			},
			{
				metric: 'killed',
				value: 3,
				subject: 'Government of Azerbaijan',
				claimant,
				source_id: 'ucdp-990001',
				note: 'UCDP’s breakdown of its best estimate.'
			},
			{
				metric: 'killed',
				value: 5,
				subject: 'Republic of Artsakh',
				claimant,
				source_id: 'ucdp-990001',
				note: 'UCDP’s breakdown of its best estimate.'
			}
		]);
		expect(tartar.incident.properties.claims.map((c) => [c.subject, c.value])).toEqual([
			['people on all sides (UCDP’s total)', { low: 2, best: 2, high: 2 }],
			['civilians', 2]
		]);
	});

	it('cites each source office with its date and headline, without a URL', () => {
		expect(martuni.sources.map((s) => [s.id, s.publisher, s.title, s.published, s.url])).toEqual([
			[
				'ucdp-990001',
				'Uppsala Conflict Data Program (UCDP), Georeferenced Event Dataset',
				'UCDP GED event 990001',
				'2020-10-01',
				undefined
			],
			['ucdp-990001-s1', 'Armenpress', 'TEST FIXTURE headline one', '2020-10-02', undefined],
			['ucdp-990001-s2', 'Reuters', 'TEST FIXTURE headline two', '2020-10-03', undefined]
		]);
		expect(tartar.sources[1]).toMatchObject({
			publisher: 'Caucasian Knot',
			published: '2020-10-05',
			published_precision: 'month'
		});
	});

	it('rejects unknown codes and a best estimate above high, naming the field', () => {
		const broken = parseUcdp(fixture('ucdp-broken.csv'));
		expect(broken.items).toHaveLength(2);
		expect(broken.rejected).toEqual([
			{ row: 4, column: 'where_prec', reason: '"9" is not 1–7' },
			{
				row: 4,
				column: 'type_of_violence',
				reason: '"4" is not 1 (state-based), 2 (non-state) or 3 (one-sided)'
			},
			{ row: 5, column: 'best', reason: '70 is above high 60: must be low ≤ best ≤ high' }
		]);
	});
});
