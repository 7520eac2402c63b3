import { describe, expect, it } from 'vitest';
import {
	contextFor,
	exportLookups,
	linkedPlaces,
	linkedSources,
	linkedStatements,
	statementsOf
} from './context';
import { EXPORT_FORMATS, serialiseExport } from './serialise';
import { fixtureContext, lineOfContact2016, madagizMine, mi24 } from './test_fixtures';

const lookups = exportLookups(fixtureContext());

describe('linked records', () => {
	it('links statements from either side, oldest first, each once', () => {
		expect(linkedStatements(lineOfContact2016, lookups).map((s) => s.id)).toEqual([
			'st-2016-04-02-az-mod',
			'st-2016-04-02-ban-ki-moon'
		]);
		expect(linkedStatements(mi24, lookups).map((s) => s.id)).toEqual(['st-2016-04-02-az-mod']);
	});

	it('collects sources from the incident, its claims and its statements, without repeats', () => {
		const statements = linkedStatements(lineOfContact2016, lookups);
		expect(linkedSources(lineOfContact2016, statements, lookups).map((s) => s.id)).toEqual([
			'dantocmiennui-2016-04',
			'armradio-2016-04-02'
		]);
	});

	it('skips ids that resolve to nothing rather than failing', () => {
		const dangling = {
			...madagizMine,
			properties: {
				...madagizMine.properties,
				place_ids: ['nowhere', 'madagiz'],
				statement_ids: ['st-missing'],
				source_ids: ['src-missing']
			}
		};
		expect(linkedPlaces(dangling, lookups).map((p) => p.properties.id)).toEqual(['madagiz']);
		expect(linkedStatements(dangling, lookups).map((s) => s.id)).toEqual([
			'st-2020-11-23-russian-mod'
		]);
	});

	it('gathers the statements of a selection', () => {
		expect(statementsOf([madagizMine, mi24], lookups).map((s) => s.id)).toEqual([
			'st-2016-04-02-az-mod',
			'st-2020-11-23-russian-mod'
		]);
		expect(statementsOf([], lookups)).toEqual([]);
	});
});

describe('contextFor', () => {
	it('keeps only what the features refer to, and every export of them stays the same', () => {
		const full = fixtureContext();
		const trimmed = contextFor([madagizMine], full);
		expect(trimmed.statements.map((s) => s.id)).toEqual(['st-2020-11-23-russian-mod']);
		expect(trimmed.places.map((p) => p.properties.id)).toEqual(['madagiz']);
		expect(trimmed.sources.length).toBeLessThan(full.sources.length);
		for (const format of EXPORT_FORMATS) {
			for (const features of [[madagizMine], [lineOfContact2016, mi24]]) {
				expect(serialiseExport({ format, features, ctx: contextFor(features, full) }).text).toBe(
					serialiseExport({ format, features, ctx: full }).text
				);
			}
		}
	});
});
