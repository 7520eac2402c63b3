import { describe, expect, it } from 'vitest';
import { lineOfContact2016, madagizMine, mi24, fixtureDataset } from '$lib/export/test_fixtures';
import {
	filterIncidents,
	filterToParams,
	isEmptyFilter,
	parseFilterParams,
	type IncidentFilter
} from './filter';
import { buildSearchIndex } from './search';

const all = [lineOfContact2016, mi24, madagizMine];
const ids = (filter: IncidentFilter, withIndex = true) =>
	filterIncidents(all, filter, withIndex ? buildSearchIndex(fixtureDataset()) : undefined).map(
		(f) => f.id
	);

describe('filterIncidents', () => {
	it('returns everything, in order, for an empty filter', () => {
		expect(ids({})).toEqual([
			'2016-04-02-line-of-contact',
			'2016-04-02-mi24',
			'2020-11-23-madagiz-mine'
		]);
	});

	it('keeps an incident whose span [date, date_end] overlaps the window, ends inclusive', () => {
		// The 2016 fighting runs 2–5 April; the Mi-24 is 2 April only.
		expect(ids({ from: '2016-04-05', to: '2016-04-05' })).toEqual(['2016-04-02-line-of-contact']);
		expect(ids({ from: '2016-04-06' })).toEqual(['2020-11-23-madagiz-mine']);
		expect(ids({ to: '2016-04-01' })).toEqual([]);
		expect(ids({ to: '2016-04-02' })).toEqual(['2016-04-02-line-of-contact', '2016-04-02-mi24']);
		expect(ids({ from: '2020-11-23', to: '2020-11-23' })).toEqual(['2020-11-23-madagiz-mine']);
	});

	it('matches any of the types and any of the actors', () => {
		expect(ids({ types: ['Explosions/Remote violence'] })).toEqual(['2020-11-23-madagiz-mine']);
		expect(ids({ types: ['Battles', 'Explosions/Remote violence'] })).toHaveLength(3);
		expect(ids({ actors: ['Military Forces of Russia (2000-)'] })).toEqual([
			'2020-11-23-madagiz-mine'
		]);
		expect(
			ids({ actors: ['Nagorno-Karabakh Defence Army', 'Military Forces of Russia (2000-)'] })
		).toHaveLength(3);
		expect(ids({ types: [], actors: [] })).toHaveLength(3);
	});

	it('keeps features whose geometry bbox intersects the bbox, lines included', () => {
		// A box around Madagiz only: the point, and the 2016 line which passes through it.
		expect(ids({ bbox: [46.7, 40.3, 46.8, 40.35] })).toEqual([
			'2016-04-02-line-of-contact',
			'2020-11-23-madagiz-mine'
		]);
		expect(ids({ bbox: [44, 38, 45, 39] })).toEqual([]);
	});

	it('finds "madagiz" through place aliases and "Terter" spelled "Tərtər"', () => {
		expect(ids({ q: 'madagiz' })).toEqual([
			'2016-04-02-line-of-contact',
			'2020-11-23-madagiz-mine'
		]);
		expect(ids({ q: 'Sugovushan mine' })).toEqual(['2020-11-23-madagiz-mine']);
	});

	it('searches only the incident’s own text without an index', () => {
		expect(ids({ q: 'Mi-24' }, false)).toEqual(['2016-04-02-mi24']);
		expect(ids({ q: 'Sugovushan' }, false)).toEqual(['2020-11-23-madagiz-mine']);
		expect(ids({ q: 'Suqovuşan' }, false)).toEqual([]);
		expect(ids({ q: 'Ban Ki-moon' }, false)).toEqual([]);
	});

	it('combines every criterion', () => {
		expect(
			ids({
				from: '2016-01-01',
				to: '2016-12-31',
				types: ['Battles'],
				q: 'Mi-24',
				bbox: [46, 40, 47, 41]
			})
		).toEqual(['2016-04-02-mi24']);
	});
});

describe('parseFilterParams', () => {
	const parse = (query: string) => parseFilterParams(new URLSearchParams(query));

	it('reads every parameter, types repeated or comma-separated', () => {
		expect(
			parse(
				'from=2016-04-01&to=2016-04-05&type=Battles,Protests&type=Riots&actor=Military+Forces+of+Azerbaijan+(2003-)&q=%20Madagiz%20&bbox=46.5,39.5,47.2,40.5&unknown=1'
			)
		).toEqual({
			ok: true,
			filter: {
				from: '2016-04-01',
				to: '2016-04-05',
				types: ['Battles', 'Protests', 'Riots'],
				actors: ['Military Forces of Azerbaijan (2003-)'],
				q: 'Madagiz',
				bbox: [46.5, 39.5, 47.2, 40.5]
			}
		});
	});

	it('keeps commas inside actor names', () => {
		expect(parse('actor=Police+Forces+of+Armenia,+Unit+2')).toEqual({
			ok: true,
			filter: { actors: ['Police Forces of Armenia, Unit 2'] }
		});
	});

	it('treats empty values as absent', () => {
		expect(parse('from=&to=&type=&q=%20&bbox=')).toEqual({ ok: true, filter: {} });
	});

	it.each([
		['from=2016-13-01', 'from'],
		['from=2016-02-30', 'from'],
		['to=yesterday', 'to'],
		['from=2016-04-05&to=2016-04-01', 'from'],
		['from=2016-04-01&from=2016-04-02', 'from'],
		['type=Skirmish', 'type'],
		['q=' + 'a'.repeat(501), 'q'],
		['q=a&q=b', 'q'],
		['bbox=1,2,3', 'bbox'],
		['bbox=0,95,1,96', 'bbox'],
		['bbox=1,2,3,4&bbox=1,2,3,4', 'bbox']
	])('refuses %s with a 400 naming "%s"', (query, name) => {
		const result = parse(query);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.status).toBe(400);
			expect(result.code).toBe('InvalidParameterValue');
			expect(result.description).toContain(`"${name}"`);
		}
	});

	it('round-trips through filterToParams', () => {
		const filter: IncidentFilter = {
			from: '2016-04-01',
			to: '2016-04-05',
			types: ['Battles', 'Explosions/Remote violence'],
			actors: ['A, B', 'C'],
			q: 'Tərtər',
			bbox: [46.5, 39.5, 47.2, 40.5]
		};
		expect(parseFilterParams(filterToParams(filter))).toEqual({ ok: true, filter });
	});
});

describe('isEmptyFilter', () => {
	it('tells an empty filter from one that restricts', () => {
		expect(isEmptyFilter({})).toBe(true);
		expect(isEmptyFilter({ types: [], actors: [], q: ' ' })).toBe(true);
		expect(isEmptyFilter({ to: '2020-01-01' })).toBe(false);
		expect(isEmptyFilter({ bbox: [0, 0, 1, 1] })).toBe(false);
	});
});
