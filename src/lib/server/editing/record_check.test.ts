import { describe, expect, it } from 'vitest';
import {
	fileOf,
	idProblems,
	linksOf,
	newRecordId,
	problemsOfRecord,
	recordIdOf,
	schemaProblems,
	withRecordId
} from './record_check';

const lines = [
	'database:incidents.geojson: features[3] (inc-a): source_ids[0] "x" does not exist',
	'database:incidents.geojson: features[4] (inc-b): date must be an ISO date YYYY-MM-DD',
	'database:incidents.geojson: features[5] (inc-a-2): title.en must not be empty',
	'database:statements.json: [0] (inc-a): source_id "y" does not exist',
	'database:layers/nkao-1923-1991.geojson: features[0] (nkao): geometry.coordinates[0] ring is not closed'
];

describe('record checks', () => {
	it("picks the lines about one record out of a dataset's errors, by file and entry", () => {
		expect(problemsOfRecord(lines, 'incident', 'inc-a', 'database:')).toEqual([
			{ field: 'source_ids[0]', message: '"x" does not exist' }
		]);
		expect(problemsOfRecord(lines, 'statement', 'inc-a', 'database:')).toEqual([
			{ field: 'source_id', message: '"y" does not exist' }
		]);
		expect(problemsOfRecord(lines, 'layer', 'nkao-1923-1991', 'database:')).toEqual([
			{ field: 'features[0].geometry.coordinates[0]', message: 'ring is not closed' }
		]);
		expect(problemsOfRecord(lines, 'place', 'inc-a', 'database:')).toEqual([]);
	});

	it('names schema problems as check:data does, without properties.', () => {
		expect(schemaProblems('incident', { type: 'Feature', properties: {} })).toEqual(
			expect.arrayContaining([{ field: 'title', message: 'is missing' }])
		);
		expect(schemaProblems('source', [])).toEqual([
			{ field: '', message: 'the body must be a JSON object' }
		]);
	});

	it('reads, sets and checks ids by kind', () => {
		expect(recordIdOf('incident', { id: 'a', properties: { id: 'b' } })).toBe('b');
		expect(recordIdOf('source', { id: 'a' })).toBe('a');
		expect(recordIdOf('source', { id: 3 })).toBeUndefined();
		expect(withRecordId('place', { type: 'Feature', properties: { name: 'x' } }, 'p')).toEqual({
			type: 'Feature',
			id: 'p',
			properties: { name: 'x', id: 'p' }
		});
		expect(idProblems('source', 'a', { id: 'b' })).toEqual([
			{ field: 'id', message: `differs from the record's id "a"` }
		]);
		expect(idProblems('layer', 'Nope!', {})[0].field).toBe('id');
		expect(idProblems('layer', 'nope', { layer: { id: 'other' } })[0].field).toBe('layer.id');
		expect(idProblems('layer', 'nkao-1923-1991', {})).toEqual([]);
		expect(fileOf('layer', 'nkao-1923-1991')).toBe('layers/nkao-1923-1991.geojson');
	});

	it('makes fresh ids: an incident by its date', () => {
		expect(newRecordId('incident', { properties: { date: '2020-11-23' } })).toMatch(
			/^2020-11-23-[0-9a-f]{10}$/
		);
		expect(newRecordId('incident', { properties: { date: '<script>' } })).toMatch(
			/^incident-[0-9a-f]{10}$/
		);
		expect(newRecordId('source', {})).not.toBe(newRecordId('source', {}));
	});

	it("lists the records publishing a record needs: an incident's, a statement's source", () => {
		const incident = {
			properties: {
				place_ids: ['p1'],
				source_ids: ['s1'],
				statement_ids: ['st1'],
				claims: [{ source_id: 's2', statement_id: 'st1' }, 'junk']
			}
		};
		expect(linksOf('incident', incident)).toEqual([
			{ kind: 'place', id: 'p1' },
			{ kind: 'source', id: 's1' },
			{ kind: 'statement', id: 'st1' },
			{ kind: 'source', id: 's2' }
		]);
		expect(linksOf('statement', { source_id: 's1', incident_ids: ['i'] })).toEqual([
			{ kind: 'source', id: 's1' }
		]);
		expect(linksOf('source', { id: 's' })).toEqual([]);
	});
});
