import { describe, expect, it } from 'vitest';
import type { IncidentFeature } from '../data/schema';
import { datasetCheck, pickRows, rowIndices, verifyDataset } from './rows';
import { fixtureDataset, lineOfContact2016, madagizMine, meta, mi24 } from './test_fixtures';

const all = fixtureDataset().incidents.features; // line of contact, Mi-24, Madagiz mine

/** `n` stand-in incidents with ids `i0`…: only ids matter to the row functions. */
function many(n: number): IncidentFeature[] {
	return Array.from({ length: n }, (_, i) => ({ ...mi24, id: `i${i}` }));
}

describe('rowIndices', () => {
	it('gives each feature its row in the dataset, in the features’ order', () => {
		expect([...rowIndices([madagizMine, lineOfContact2016], all)]).toEqual([2, 0]);
		expect(rowIndices([], all)).toEqual(new Int32Array(0));
	});

	it('finds features by id, so copies of the dataset’s objects work too', () => {
		expect([...rowIndices([structuredClone(mi24)], all)]).toEqual([1]);
	});

	it('refuses a feature that is not in the dataset', () => {
		expect(() => rowIndices([{ ...mi24, id: 'nowhere' }], all)).toThrow(
			'Incident "nowhere" is not in the loaded dataset'
		);
	});
});

describe('datasetCheck and verifyDataset', () => {
	it('accepts the same dataset', () => {
		const rows = rowIndices([mi24, madagizMine], all);
		const check = datasetCheck(all, meta, rows);
		expect(check).toEqual({
			count: 3,
			version: meta.version,
			updated: meta.updated,
			probes: [
				[1, mi24.id],
				[2, madagizMine.id]
			]
		});
		expect(() => verifyDataset(check, all, meta)).not.toThrow();
	});

	it('probes 32 rows of a large selection, first and last included', () => {
		const big = many(10_000);
		const rows = Int32Array.from({ length: 5000 }, (_, i) => 2 * i);
		const { probes } = datasetCheck(big, meta, rows);
		expect(probes).toHaveLength(32);
		expect(probes[0]).toEqual([0, 'i0']);
		expect(probes[31]).toEqual([9998, 'i9998']);
	});

	it('names what differs: count, version, update date or the incident at a row', () => {
		const rows = rowIndices([mi24], all);
		const check = datasetCheck(all, meta, rows);
		expect(() => verifyDataset(check, all.slice(0, 2), meta)).toThrow(
			`The export worker's copy of the dataset differs from the page's (incident count: page 3, worker 2)`
		);
		expect(() => verifyDataset(check, all, { ...meta, version: '9' })).toThrow(
			/meta\.version: page "1\.0\.0-test", worker "9"/
		);
		expect(() => verifyDataset(check, all, { ...meta, updated: '2030-01-01' })).toThrow(
			/meta\.updated/
		);
		const published = datasetCheck(all, meta, rows, 7);
		expect(() => verifyDataset(published, all, meta, 7)).not.toThrow();
		expect(() => verifyDataset(published, all, meta, 8)).toThrow(
			/dataset version: page 7, worker 8/
		);
		const reordered = [mi24, lineOfContact2016, madagizMine];
		expect(() => verifyDataset(check, reordered, meta)).toThrow(
			`(incident at row 1: page "${mi24.id}", worker "${lineOfContact2016.id}")`
		);
	});
});

describe('pickRows', () => {
	it('returns the incidents at the rows, in order', () => {
		expect(pickRows(all, Int32Array.of(2, 0)).map((f) => f.id)).toEqual([
			madagizMine.id,
			lineOfContact2016.id
		]);
	});

	it('refuses a row outside the dataset', () => {
		expect(() => pickRows(all, Int32Array.of(0, 3))).toThrow(
			"Row 3 is outside the dataset's 3 incidents"
		);
	});
});
