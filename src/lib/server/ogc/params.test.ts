import { describe, expect, it } from 'vitest';
import { parseDatetime, parseItemsQuery } from './params';

const utc = (s: string) => Date.parse(s);

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

describe('parseItemsQuery', () => {
	const parse = (query: string, incidents = true) =>
		parseItemsQuery(new URLSearchParams(query), incidents);

	it('defaults to limit 10, offset 0 and no filter', () => {
		expect(parse('')).toEqual({ ok: true, value: { limit: 10, offset: 0 } });
		expect(parse('f=json&unknown=1&limit=')).toEqual({ ok: true, value: { limit: 10, offset: 0 } });
	});

	it('reads limit, offset, bbox, datetime and the incident filters', () => {
		expect(
			parse(
				'limit=10000&offset=20&bbox=46.5,39.5,47.2,40.5&datetime=2016-04-02&type=Battles&q=Tərtər'
			)
		).toEqual({
			ok: true,
			value: {
				limit: 10000,
				offset: 20,
				bbox: [46.5, 39.5, 47.2, 40.5],
				interval: [utc('2016-04-02T00:00:00Z'), utc('2016-04-02T23:59:59.999Z')],
				filter: { types: ['Battles'], q: 'Tərtər' }
			}
		});
	});

	it('ignores type, actor and q outside the incidents collection', () => {
		expect(parse('type=Nonsense&q=x', false)).toEqual({
			ok: true,
			value: { limit: 10, offset: 0 }
		});
	});

	it.each([
		['limit=0', 'limit'],
		['limit=10001', 'limit'],
		['limit=-1', 'limit'],
		['limit=1.5', 'limit'],
		['limit=ten', 'limit'],
		['limit=1e3', 'limit'],
		['limit=99999999999999999999', 'limit'],
		['limit=5&limit=6', 'limit'],
		['offset=-10', 'offset'],
		['offset=abc', 'offset'],
		['bbox=1,2,3', 'bbox'],
		['bbox=0,-91,1,1', 'bbox'],
		['bbox=2,0,1,1', 'bbox'],
		['datetime=2016-13-01', 'datetime'],
		['type=Skirmish', 'type']
	])('refuses %s, naming "%s"', (query, name) => {
		const result = parse(query);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.description).toContain(`"${name}"`);
	});
});
