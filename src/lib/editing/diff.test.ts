import { describe, expect, it } from 'vitest';
import { diffRecords, fieldsOf } from './diff';

const incident = {
	type: 'Feature',
	id: 'inc-2020-10-04-stepanakert',
	geometry: { type: 'Point', coordinates: [46.75, 39.82] },
	properties: {
		id: 'inc-2020-10-04-stepanakert',
		date: '2020-10-04',
		type: 'shelling',
		actors: ['az-army'],
		claims: [{ metric: 'killed_civilians', best: 2, source_id: 'src-a' }],
		notes: 'Shelling of the city centre.'
	}
};

const copy = () => structuredClone(incident);

describe('diffRecords', () => {
	it('finds nothing between equal versions', () => {
		expect(diffRecords(incident, copy())).toEqual([]);
	});

	it('names a changed text field by its path, before and after as text', () => {
		const next = copy();
		next.properties.notes = 'Shelling of the city centre and the market.';
		expect(diffRecords(incident, next)).toEqual([
			{
				path: 'properties.notes',
				before: 'Shelling of the city centre.',
				after: 'Shelling of the city centre and the market.'
			}
		]);
	});

	it('names a change inside an array of objects by index', () => {
		const next = copy();
		next.properties.claims[0].best = 3;
		expect(diffRecords(incident, next)).toEqual([
			{ path: 'properties.claims[0].best', before: '2', after: '3' }
		]);
	});

	it('treats a position as one value', () => {
		const next = copy();
		next.geometry.coordinates = [46.76, 39.82];
		expect(diffRecords(incident, next)).toEqual([
			{ path: 'geometry.coordinates', before: '[46.75,39.82]', after: '[46.76,39.82]' }
		]);
	});

	it('lists added and removed fields and array elements with null on the missing side', () => {
		const next = copy() as Record<string, unknown> & typeof incident;
		next.properties.actors = ['az-army', 'am-army'];
		delete (next.properties as Partial<typeof incident.properties>).notes;
		(next.properties as Record<string, unknown>).time = '14:00';
		expect(diffRecords(incident, next)).toEqual([
			{ path: 'properties.actors[1]', before: null, after: 'am-army' },
			{ path: 'properties.time', before: null, after: '14:00' },
			{ path: 'properties.notes', before: 'Shelling of the city centre.', after: null }
		]);
	});

	it('tells a number from the same digits as a string, and null from absent', () => {
		expect(diffRecords({ a: 1, b: null }, { a: '1', b: null })).toEqual([
			{ path: 'a', before: '1', after: '1' }
		]);
		expect(diffRecords({ a: null }, {})).toEqual([{ path: 'a', before: 'null', after: null }]);
	});

	it('quotes keys that are not names', () => {
		expect(diffRecords({ 'nkao-1923': 1 }, { 'nkao-1923': 2 })).toEqual([
			{ path: '"nkao-1923"', before: '1', after: '2' }
		]);
		expect(diffRecords({ x: { 'a b': 1 } }, { x: { 'a b': 2 } })).toEqual([
			{ path: 'x["a b"]', before: '1', after: '2' }
		]);
	});

	it('compares a whole record with nothing (the first version)', () => {
		expect(diffRecords(undefined, { a: 1 })).toEqual([
			{ path: '', before: null, after: '{"a":1}' }
		]);
	});
});

describe('fieldsOf', () => {
	it('lists every field by path, positions whole, empty lists and objects as such', () => {
		expect(
			fieldsOf({
				id: 'a',
				geometry: { coordinates: [1, 2] },
				tags: [],
				meta: {},
				claims: [{ best: 2 }]
			})
		).toEqual([
			{ path: 'id', value: 'a' },
			{ path: 'geometry.coordinates', value: '[1,2]' },
			{ path: 'tags', value: '[]' },
			{ path: 'meta', value: '{}' },
			{ path: 'claims[0].best', value: '2' }
		]);
	});
});
