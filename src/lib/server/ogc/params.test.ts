import { describe, expect, it } from 'vitest';
import { parseItemsQuery } from './params';

const utc = (s: string) => Date.parse(s);

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
