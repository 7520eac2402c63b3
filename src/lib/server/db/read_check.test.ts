import { describe, expect, it } from 'vitest';
import { loadDataset } from '../load';
import { RecordChecker, checkRecordText, recordChecker, sameJson } from './read_check';

const seed = loadDataset('tests/fixtures/valid-min');
const source = seed.sources[0];
const incident = seed.incidents.features[0];

describe('checking stored records against their schemas', () => {
	it('sameJson compares JSON values, object keys in order', () => {
		expect(sameJson({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true);
		expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
		expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
		expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
		expect(sameJson({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
		expect(sameJson(' x', 'x')).toBe(false);
	});

	it('passes records as their schema gives them back, and names those it gives back otherwise', () => {
		const text = [incident, incident].map((r) => JSON.stringify(r)).join(',');
		expect(checkRecordText('incident', text)).toEqual({ valid: true, differs: [] });
		const { id, ...rest } = source;
		const reordered = { ...rest, id };
		const untrimmed = { ...source, publisher: ` ${source.publisher} ` };
		const unknownField = { ...source, note_to_self: 'x' };
		const texts = [source, reordered, untrimmed, unknownField].map((r) => JSON.stringify(r));
		expect(checkRecordText('source', texts.join(','))).toEqual({ valid: true, differs: [1, 2, 3] });
	});

	it('says invalid for a record failing its schema, text that is not JSON, or a kind no file holds', () => {
		const bad = { ...incident, properties: { ...incident.properties, date: '2020-02-30' } };
		const text = [incident, bad].map((r) => JSON.stringify(r)).join(',');
		expect(checkRecordText('incident', text)).toEqual({ valid: false, differs: [] });
		expect(checkRecordText('incident', '{"type":')).toEqual({ valid: false, differs: [] });
		expect(checkRecordText('no-such-kind', '{}')).toEqual({ valid: false, differs: [] });
		expect(checkRecordText('meta', JSON.stringify(seed.meta)).valid).toBe(true);
		const [layer] = Object.values(seed.layers);
		expect(checkRecordText('layer', JSON.stringify(layer)).valid).toBe(true);
	});

	it('the checking thread gives the verdicts checkRecordText gives, and is shared by the process', async () => {
		const texts: [string, string][] = [
			['incident', JSON.stringify(incident)],
			[
				'source',
				[source, { ...source, publisher: ` ${source.publisher}` }]
					.map((r) => JSON.stringify(r))
					.join(',')
			],
			['source', '{"id":']
		];
		const checker = recordChecker();
		expect(recordChecker()).toBe(checker);
		const verdicts = await Promise.all(texts.map(([kind, text]) => checker.check(kind, text)));
		expect(verdicts).toEqual(texts.map(([kind, text]) => checkRecordText(kind, text)));
	});

	it('a closed checker fails its checks with one line', async () => {
		const checker = new RecordChecker();
		const pending = checker.check('incident', JSON.stringify(incident));
		const failed = expect(pending).rejects.toThrow(/closed/);
		await checker.close();
		await failed;
		await expect(checker.check('incident', '{}')).rejects.toThrow(/closed/);
	});
});
