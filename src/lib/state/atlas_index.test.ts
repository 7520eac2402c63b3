import { describe, expect, it, vi } from 'vitest';
import { emptyLayers } from '$lib/data/layer_fixtures';
import type { Dataset, IncidentFeature, Statement } from '$lib/data/schema';
import { buildSearchIndex } from '$lib/geo/search';
import { indexDataset, statementIncidentIds, statementsGap } from './atlas_index';

vi.mock('$lib/geo/search', async (original) => {
	const actual = await original<typeof import('$lib/geo/search')>();
	return { ...actual, buildSearchIndex: vi.fn(actual.buildSearchIndex) };
});

const incident = (
	id: string,
	date: string,
	statement_ids: string[] = [],
	date_end?: string
): IncidentFeature => ({
	type: 'Feature',
	id,
	geometry: { type: 'Point', coordinates: [46.75, 40.33] },
	properties: {
		id,
		title: { en: id, vi: id },
		summary: { en: '.', vi: '.' },
		date,
		...(date_end ? { date_end } : {}),
		date_precision: 'day',
		type: 'Riots',
		sub_type: 'Mob violence',
		actors: ['B actor', 'A actor'],
		place_ids: [],
		location_precision: 1,
		uncertainty_m: 0,
		claims: [],
		source_ids: ['src'],
		statement_ids
	}
});

const statement = (id: string, said_on: string, incident_ids: string[]): Statement => ({
	id,
	speaker: { name: 'N', role: 'R', organization_id: 'org' },
	said_on,
	date_precision: 'day',
	via: 'v',
	form: 'reported',
	quote: { lang: 'en', text: 'q' },
	translation: { lang: 'en', text: 't', by: 'Incident Atlas' },
	source_id: 'src',
	incident_ids,
	topics: ['concern']
});

const dataset = (incidents: IncidentFeature[], statements: Statement[]): Dataset => ({
	meta: {
		name: 'T',
		version: '1',
		updated: '2024-01-01',
		licence: 'L',
		attribution: 'A',
		extent: [44, 38.3, 50.5, 41.5]
	},
	places: { type: 'FeatureCollection', features: [] },
	layers: emptyLayers(),
	incidents: { type: 'FeatureCollection', features: incidents },
	statements,
	sources: [],
	organizations: [{ id: 'org', names: { en: 'Org' }, kind: 'international' }]
});

describe('indexDataset', () => {
	it('links statements to incidents from either side, once, oldest first', () => {
		const index = indexDataset(
			dataset(
				[incident('a', '2016-04-02', ['s-late', 's-early']), incident('b', '2016-04-03')],
				[
					statement('s-late', '2016-04-05', ['a']),
					statement('s-early', '2016-04-02', []),
					statement('s-b', '2016-04-03', ['b'])
				]
			)
		);
		expect(index.statementsByIncident.get('a')!.map((s) => s.id)).toEqual(['s-early', 's-late']);
		expect([...statementIncidentIds(index, 's-late')]).toEqual(['a']);
		expect([...statementIncidentIds(index, null)]).toEqual([]);
	});

	it('spans incidents (with their end dates) and statements, and sorts incidents by date', () => {
		const index = indexDataset(
			dataset(
				[
					incident('z', '2016-04-02', [], '2016-04-05'),
					incident('a', '2016-04-02'),
					incident('m', '2015-01-01')
				],
				[statement('s', '2017-01-01', [])]
			)
		);
		expect(index.span).toEqual({ from: '2015-01-01', to: '2017-01-01' });
		expect(index.incidents.map((f) => f.id)).toEqual(['m', 'a', 'z']);
		expect(index.actors).toEqual(['A actor', 'B actor']);
		expect(index.eventTypes).toEqual(['Riots']);
	});

	it('lists the actors by their English names, an organisation by its record’s', () => {
		const data = dataset([incident('a', '2016-04-02')], []);
		data.incidents.features[0].properties.actors = ['B actor', 'org', 'A actor'];
		// "org" is named "Ab org": between "A actor" and "B actor" by name, though last by id.
		data.organizations[0].names = { en: 'Ab org' };
		expect(indexDataset(data).actors).toEqual(['A actor', 'org', 'B actor']);
	});

	it('builds the search index on first use only, once', () => {
		vi.mocked(buildSearchIndex).mockClear();
		const index = indexDataset(dataset([incident('a', '2016-04-02')], []));
		expect(buildSearchIndex).not.toHaveBeenCalled();
		expect(index.search.text.get('a')).toContain('mob violence');
		expect(index.search).toBe(index.search);
		expect(buildSearchIndex).toHaveBeenCalledTimes(1);
	});

	it('copes with an empty dataset', () => {
		const index = indexDataset(dataset([], []));
		expect(index.incidents).toEqual([]);
		expect(index.span.from <= index.span.to).toBe(true);
	});
});

describe('statementsGap', () => {
	const all = [statement('s-a', '2016-04-02', ['a']), statement('s-later', '2017-06-01', [])];
	const index = indexDataset(
		dataset([incident('a', '2016-04-02'), incident('quiet', '2016-04-02')], all)
	);
	const april = { from: '2016-04-01', to: '2016-04-30' };
	const any = { org: null, topic: null };

	it('says nothing while the panel lists statements', () => {
		expect(statementsGap(index, all, 'a', april, any)).toBeNull();
		expect(statementsGap(index, all, null, april, any)).toBeNull();
	});

	it('tells an incident without linked statements from a window without any', () => {
		expect(statementsGap(index, all, 'quiet', april, any)).toBe('none-linked');
		expect(statementsGap(index, all, null, { from: '2018-01-01', to: '2018-12-31' }, any)).toBe(
			'none-in-window'
		);
	});

	it('blames the organisation or topic chosen when they hide every statement', () => {
		expect(statementsGap(index, all, 'a', april, { org: null, topic: 'ceasefire-call' })).toBe(
			'filtered'
		);
		expect(statementsGap(index, all, null, april, { org: 'other', topic: null })).toBe('filtered');
		expect(statementsGap(index, all, 'quiet', april, { org: 'other', topic: null })).toBe(
			'none-linked'
		);
	});
});
