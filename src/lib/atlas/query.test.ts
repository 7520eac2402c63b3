import { describe, expect, it } from 'vitest';
import { lineOfContact2016, madagizMine, mi24, fixtureDataset } from '$lib/export/test_fixtures';
import { buildSearchIndex } from '$lib/geo/search';
import {
	filterIncidents,
	isEmptyQuery,
	overlaps,
	parseDatetime,
	parseQuery,
	queryMatcher,
	queryToParams,
	readQuery,
	timeWindow,
	type IncidentQuery
} from './query';

const all = [lineOfContact2016, mi24, madagizMine];
const utc = (s: string) => Date.parse(s);
const ids = (filter: IncidentQuery, withIndex = true) =>
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

describe('parseQuery', () => {
	const parse = (query: string) => parseQuery(new URLSearchParams(query));

	it('reads every parameter, types repeated or comma-separated', () => {
		expect(
			parse(
				'from=2016-04-01&to=2016-04-05&type=Battles,Protests&type=Riots&actor=Military+Forces+of+Azerbaijan+(2003-)&q=%20Madagiz%20&bbox=46.5,39.5,47.2,40.5&unknown=1'
			)
		).toEqual({
			ok: true,
			query: {
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
			query: { actors: ['Police Forces of Armenia, Unit 2'] }
		});
	});

	it('treats empty values as absent', () => {
		expect(parse('from=&to=&type=&q=%20&bbox=')).toEqual({ ok: true, query: {} });
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

	it('round-trips through queryToParams', () => {
		const filter: IncidentQuery = {
			from: '2016-04-01',
			to: '2016-04-05',
			types: ['Battles', 'Explosions/Remote violence'],
			actors: ['A, B', 'C'],
			q: 'Tərtər',
			bbox: [46.5, 39.5, 47.2, 40.5]
		};
		expect(parseQuery(queryToParams(filter))).toEqual({ ok: true, query: filter });
	});
});

describe('isEmptyQuery', () => {
	it('tells an empty filter from one that restricts', () => {
		expect(isEmptyQuery({})).toBe(true);
		expect(isEmptyQuery({ types: [], actors: [], q: ' ' })).toBe(true);
		expect(isEmptyQuery({ to: '2020-01-01' })).toBe(false);
		expect(isEmptyQuery({ bbox: [0, 0, 1, 1] })).toBe(false);
	});
});

describe('parseDatetime', () => {
	it('reads a date as its whole UTC day', () => {
		expect(parseDatetime('2016-04-02')).toEqual({
			ok: true,
			value: [utc('2016-04-02T00:00:00Z'), utc('2016-04-02T23:59:59.999Z')]
		});
	});

	it('reads an RFC 3339 date-time as an instant, with Z or an offset, any case', () => {
		expect(parseDatetime('2016-04-02T03:00:00Z')).toEqual({
			ok: true,
			value: [utc('2016-04-02T03:00:00Z'), utc('2016-04-02T03:00:00Z')]
		});
		expect(parseDatetime('2016-04-02t07:30:00.5+04:00')).toEqual({
			ok: true,
			value: [utc('2016-04-02T03:30:00.5Z'), utc('2016-04-02T03:30:00.5Z')]
		});
	});

	it('reads intervals, with ".." or nothing for an open end', () => {
		expect(parseDatetime('2016-04-01/2016-04-05')).toEqual({
			ok: true,
			value: [utc('2016-04-01T00:00:00Z'), utc('2016-04-05T23:59:59.999Z')]
		});
		expect(parseDatetime('../2016-04-05')).toEqual({
			ok: true,
			value: [-Infinity, utc('2016-04-05T23:59:59.999Z')]
		});
		expect(parseDatetime('2020-11-10T00:00:00Z/')).toEqual({
			ok: true,
			value: [utc('2020-11-10T00:00:00Z'), Infinity]
		});
		expect(parseDatetime('../..')).toEqual({ ok: true, value: [-Infinity, Infinity] });
	});

	it.each([
		['2016-02-30', 'is not a valid date-time'],
		['2016-4-2', 'is not a valid date-time'],
		['2016-04-02T25:00:00Z', 'is not a valid date-time'],
		['2016-04-02T10:00:00', 'is not a valid date-time'],
		['2016-04-02T10:00:00+24:00', 'is not a valid date-time'],
		['yesterday', 'is not a valid date-time'],
		['', 'is not a valid date-time'],
		['2016-04-01/2016-04-05/2016-04-06', 'has more than one "/"'],
		['2016-04-05/2016-04-01', 'starts after it ends'],
		['x/..', 'has an invalid start'],
		['../x', 'has an invalid end']
	])('refuses %j (%s), naming the parameter', (text, why) => {
		const result = parseDatetime(text);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.description).toContain('Parameter "datetime"');
			expect(result.description).toContain(why);
		}
	});
});

describe('readQuery', () => {
	const read = (query: string, datetime = false) =>
		readQuery(new URLSearchParams(query), { datetime });

	it('reports every bad parameter and keeps the good ones (what the dashboard shows)', () => {
		const { query, errors } = read(
			'from=2016-04-01&to=someday&type=Battles,Picnics&q=mine&bbox=1,2,3&actor=AFP'
		);
		expect(query).toEqual({ from: '2016-04-01', types: ['Battles'], q: 'mine', actors: ['AFP'] });
		expect(errors.map((e) => e.parameter)).toEqual(['to', 'type', 'bbox']);
		for (const e of errors) {
			expect(e.code).toBe('InvalidParameterValue');
			expect(e.description).toContain(`"${e.parameter}"`);
		}
	});

	it('swaps a window given backwards, and still reports it', () => {
		const { query, errors } = read('from=2020-12-01&to=2020-11-01');
		expect(query).toEqual({ from: '2020-11-01', to: '2020-12-01' });
		expect(errors.map((e) => e.parameter)).toEqual(['from']);
	});

	it('reads the first of a repeated single parameter, and reports the repeat', () => {
		const { query, errors } = read('q=a&q=b&from=2016-04-01&from=2016-04-02');
		expect(query).toEqual({ q: 'a', from: '2016-04-01' });
		expect(errors.map((e) => e.parameter)).toEqual(['from', 'q']);
	});

	it('reads datetime only when asked (OGC), validated', () => {
		expect(read('datetime=2016-04-02').query).toEqual({});
		expect(read('datetime=2016-04-02', true).query).toEqual({ datetime: '2016-04-02' });
		expect(read('datetime=2016-04-31', true).errors.map((e) => e.parameter)).toEqual(['datetime']);
	});

	it('splits a comma list on a comma not followed by a space', () => {
		expect(read('actor=A,B&actor=Government+of+Armenia,+Ministry+of+Defence').query).toEqual({
			actors: ['A', 'B', 'Government of Armenia, Ministry of Defence']
		});
	});

	it('never throws on hostile input', () => {
		for (const query of ['%', '&&&', '=x', 'q=%E0%A4%A', 'bbox=%00', 'datetime=/', 'type=,,']) {
			expect(() => read(query, true)).not.toThrow();
		}
	});
});

describe('queryToParams', () => {
	it('writes the documented names, omitting what is absent, and reads back the same', () => {
		const query: IncidentQuery = {
			from: '2016-04-01',
			datetime: '2016-04-02T00:00:00Z/..',
			types: ['Battles'],
			bbox: [46.5, 39.5, 47.2, 40.5]
		};
		const params = queryToParams(query);
		expect(params.toString()).toBe(
			'from=2016-04-01&datetime=2016-04-02T00%3A00%3A00Z%2F..&type=Battles&bbox=46.5%2C39.5%2C47.2%2C40.5'
		);
		expect(readQuery(params, { datetime: true })).toEqual({ query, errors: [] });
		expect(queryToParams({}).toString()).toBe('');
	});
});

describe('overlaps', () => {
	it('is a closed-interval overlap with open ends, for ISO days and for numbers', () => {
		expect(overlaps('2016-04-02', '2016-04-05', '2016-04-05', undefined)).toBe(true);
		expect(overlaps('2016-04-02', '2016-04-05', '2016-04-06', undefined)).toBe(false);
		expect(overlaps('2016-04-02', '2016-04-05', undefined, '2016-04-02')).toBe(true);
		expect(overlaps('2016-04-02', '2016-04-05', undefined, '2016-04-01')).toBe(false);
		expect(overlaps('2016-04-02', '2016-04-02', undefined, undefined)).toBe(true);
		expect(overlaps(5, 10, 10, 20)).toBe(true);
		expect(overlaps(5, 10, -Infinity, 4)).toBe(false);
		expect(overlaps(NaN, NaN, -Infinity, Infinity)).toBe(false);
	});
});

describe('timeWindow and datetime', () => {
	it('gives no window for a query without time', () => {
		expect(timeWindow({ q: 'x' })).toBeNull();
	});

	it('covers whole days for from/to, and intersects from/to with datetime (both apply)', () => {
		expect(timeWindow({ from: '2016-04-02', to: '2016-04-03' })).toEqual([
			utc('2016-04-02T00:00:00Z'),
			utc('2016-04-03T23:59:59.999Z')
		]);
		expect(timeWindow({ from: '2020-01-01', datetime: '../2020-12-31' })).toEqual([
			utc('2020-01-01T00:00:00Z'),
			utc('2020-12-31T23:59:59.999Z')
		]);
		expect(timeWindow({ from: '2020-01-01' })).toEqual([utc('2020-01-01T00:00:00Z'), Infinity]);
	});

	it('matches datetime as from/to do: an instant selects the incidents of its day', () => {
		expect(ids({ datetime: '2016-04-02T03:00:00Z' })).toEqual(
			ids({ from: '2016-04-02', to: '2016-04-02' })
		);
		expect(ids({ datetime: '2016-04-05T23:59:59Z/..' })).toEqual(ids({ from: '2016-04-05' }));
	});

	it('ANDs from/to with datetime; windows that do not meet select nothing', () => {
		expect(ids({ from: '2020-01-01' })).toEqual(['2020-11-23-madagiz-mine']);
		expect(ids({ from: '2020-01-01', datetime: '2016-01-01/2016-12-31' })).toEqual([]);
		expect(queryMatcher({ to: '2016-01-01', datetime: '2020-01-01/..' })(madagizMine)).toBe(false);
		expect(ids({ to: '2016-04-03', datetime: '2016-04-03/..' })).toEqual([
			'2016-04-02-line-of-contact'
		]);
	});
});
