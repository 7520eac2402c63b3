import { describe, expect, it } from 'vitest';
import type { IncidentFeature, Statement } from '../data/schema';
import { loadDataset } from '../server/load';
import {
	byStatementDate,
	linkedPlaces,
	linkedSources,
	linkedStatements,
	linksOf,
	RecordLinks,
	relatedStatements,
	statementsAboutAll
} from './links';

const seed = loadDataset('geodata');

function statement(id: string, said_on: string, incident_ids: string[] = []): Statement {
	const base = seed.statements[0];
	return { ...base, id, said_on, incident_ids, source_id: base.source_id };
}

function incident(id: string, statement_ids: string[] = []): IncidentFeature {
	const base = seed.incidents.features[0];
	return {
		...base,
		id,
		properties: { ...base.properties, id, statement_ids }
	};
}

describe('RecordLinks', () => {
	it('links a statement to an incident from either side, each once, oldest first', () => {
		const a = statement('a', '2020-11-24', ['i']); // names the incident
		const b = statement('b', '2020-11-23'); // named by the incident
		const c = statement('c', '2020-11-25', ['i']); // both sides
		const links = new RecordLinks({
			statements: [a, b, c],
			sources: [],
			places: [],
			organizations: []
		});
		expect(linkedStatements(incident('i', ['b', 'c']), links).map((s) => s.id)).toEqual([
			'b',
			'a',
			'c'
		]);
		expect(linkedStatements(incident('other'), links)).toEqual([]);
		expect(
			statementsAboutAll([incident('i', ['b']), incident('j', ['c'])], links).map((s) => s.id)
		).toEqual(['b', 'a', 'c']);
	});

	it('orders by code point, the same in every locale (ties by id)', () => {
		const upper = statement('Z', '2020-01-01');
		const lower = statement('a', '2020-01-01');
		expect([lower, upper].sort(byStatementDate).map((s) => s.id)).toEqual(['Z', 'a']);
	});

	it('names an incident’s sources once: its own, its claims’, its statements’', () => {
		const links = linksOf(seed);
		for (const f of seed.incidents.features) {
			const statements = linkedStatements(f, links);
			const ids = linkedSources(f, statements, links).map((s) => s.id);
			expect(new Set(ids).size).toBe(ids.length);
			for (const id of f.properties.source_ids) expect(ids).toContain(id);
			for (const s of statements) expect(ids).toContain(s.source_id);
			expect(linkedPlaces(f, links).map((p) => p.properties.id)).toEqual(f.properties.place_ids);
		}
	});

	it('finds the statements of an incident’s sources that are not about it', () => {
		const links = linksOf(seed);
		for (const f of seed.incidents.features) {
			const linked = linkedStatements(f, links);
			for (const s of relatedStatements(f, linked, links)) {
				expect(linked).not.toContain(s);
				expect(f.properties.source_ids).toContain(s.source_id);
			}
		}
	});

	it('is built once per dataset', () => {
		expect(linksOf(seed)).toBe(linksOf(seed));
		expect(linksOf(seed).incidents.get(seed.incidents.features[0].id)).toBe(
			seed.incidents.features[0]
		);
		expect(linksOf(structuredClone(seed))).not.toBe(linksOf(seed));
	});
});
