import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, parseUrlState, serialiseUrlState, type UrlState } from './url_state';

const parse = (query: string, vocabulary = {}) =>
	parseUrlState(new URLSearchParams(query), vocabulary);

const SHARED: UrlState = {
	sel: '2020-11-23-madagiz-mine',
	from: '2020-11-01',
	to: '2020-11-30',
	types: ['Explosions/Remote violence', 'Battles'],
	actors: ['Military Forces of Russia (2000-)', 'Government of Armenia, Ministry of Defence'],
	q: 'Sugovushan mine',
	bbox: [46.5, 39.5, 47.2, 40.5],
	layersOff: ['basemap-settlements', 'ceasefire-2020'],
	lang: 'vi',
	view: { center: [46.75022, 40.32586], zoom: 11.5 },
	period: { from: '2016-03-01', to: '2016-05-31' },
	org: 'United Nations',
	topic: 'humanitarian',
	first: 'translation'
};

describe('url state', () => {
	it('gives the defaults for an empty query, and an empty query for the defaults', () => {
		expect(parse('')).toEqual(DEFAULT_URL_STATE);
		expect(serialiseUrlState({ ...DEFAULT_URL_STATE })).toBe('');
	});

	it('round-trips every field', () => {
		const query = serialiseUrlState(SHARED);
		expect(parse(query, { layers: ['nkao-1923-1991', 'ceasefire-2020'] })).toEqual(SHARED);
	});

	it('switches any region layer the dataset declares, and no other', () => {
		const layers = ['nkao-1923-1991', 'test-extra-zone'];
		// A layer no code knows of, declared by the data: read and written back.
		const state = parse('layers=test-extra-zone,places,ceasefire-2020,nope', { layers });
		expect(state.layersOff).toEqual(['test-extra-zone', 'places']);
		expect(serialiseUrlState({ ...DEFAULT_URL_STATE, layersOff: state.layersOff })).toBe(
			'layers=places%2Ctest-extra-zone'
		);
		// Without the dataset's layers, only the toggles every map has.
		expect(parse('layers=test-extra-zone,incidents').layersOff).toEqual(['incidents']);
	});

	it('writes the documented parameter names', () => {
		const params = new URLSearchParams(serialiseUrlState(SHARED));
		expect([...params.keys()]).toEqual([
			'sel',
			'from',
			'to',
			'type',
			'actor',
			'actor',
			'q',
			'bbox',
			'layers',
			'lang',
			'view',
			'period',
			'org',
			'topic',
			'first'
		]);
		expect(params.getAll('actor')).toEqual(SHARED.actors);
		expect(params.get('type')).toBe('Explosions/Remote violence,Battles');
		expect(params.get('layers')).toBe('basemap-settlements,ceasefire-2020');
		expect(params.get('view')).toBe('46.75022,40.32586,11.5');
		expect(params.get('period')).toBe('2016-03-01,2016-05-31');
	});

	it('reads a hand-written link', () => {
		const state = parse('sel=2016-04-02-mi24&from=2016-04-01&to=2016-04-05&type=Battles&lang=vi');
		expect(state).toEqual({
			...DEFAULT_URL_STATE,
			sel: '2016-04-02-mi24',
			from: '2016-04-01',
			to: '2016-04-05',
			types: ['Battles'],
			lang: 'vi'
		});
	});

	it('accepts repeated list parameters and drops duplicates', () => {
		expect(parse('type=Battles&type=Riots,Battles').types).toEqual(['Battles', 'Riots']);
	});

	it('splits a comma list but keeps a comma followed by a space inside a name', () => {
		const state = parse(
			`actor=${encodeURIComponent('Government of Armenia, Ministry of Defence,AFP')}`
		);
		expect(state.actors).toEqual(['Government of Armenia, Ministry of Defence', 'AFP']);
	});

	it('rounds the map view to what matters', () => {
		const query = serialiseUrlState({
			...DEFAULT_URL_STATE,
			view: { center: [46.750223456, 40.325861234], zoom: 9.87654 }
		});
		expect(new URLSearchParams(query).get('view')).toBe('46.75022,40.32586,9.88');
	});

	it('swaps a window given backwards', () => {
		const state = parse('from=2020-12-01&to=2020-11-01');
		expect([state.from, state.to]).toEqual(['2020-11-01', '2020-12-01']);
	});

	it.each([
		['from=2020-02-30', { from: null }],
		['from=yesterday&to=2020-13-01', { from: null, to: null }],
		['lang=fr', { lang: 'en' }],
		['lang=', { lang: 'en' }],
		['first=both', { first: null }],
		['view=46.7,40.3', { view: null }],
		['view=46.7,40.3,abc', { view: null }],
		['view=200,40,5', { view: null }],
		['view=46.7,89,5', { view: null }],
		['view=46.7,40.3,30', { view: null }],
		['view=,,', { view: null }],
		['view=Infinity,0,1', { view: null }],
		['period=2016-05-31,2016-03-01', { period: null }],
		['period=2016-03-01', { period: null }],
		['period=2016-03-01,2016-02-30', { period: null }],
		['period=2016-03-01,2016-05-31,2016-06-01', { period: null }],
		['layers=incidents,tiles,,places', { layersOff: ['incidents', 'places'] }],
		['sel=%20%20', { sel: null }],
		[`sel=${'x'.repeat(201)}`, { sel: null }],
		[`q=${'a'.repeat(501)}`, { q: '' }],
		['bbox=46,40,45,41', { bbox: null }],
		['type=,,,', { types: [] }],
		['org=&topic=', { org: null, topic: null }]
	])('ignores garbage: %s', (query, expected) => {
		expect(parse(query)).toEqual({ ...DEFAULT_URL_STATE, ...expected });
	});

	it('ignores values outside the known vocabulary when one is given', () => {
		const state = parse('type=Battles,Picnics&actor=A,B', { types: ['Battles'], actors: ['B'] });
		expect(state.types).toEqual(['Battles']);
		expect(state.actors).toEqual(['B']);
	});

	it('reads an actor given by any name of its organisation as the id the incidents hold', () => {
		const organizations = new Map([
			[
				'az-armed-forces',
				{
					id: 'az-armed-forces',
					kind: 'armed-force' as const,
					names: { en: 'Armed Forces of Azerbaijan', vi: 'Lực lượng vũ trang Azerbaijan' }
				}
			]
		]);
		const vocabulary = { actors: ['az-armed-forces', 'Civilians (Armenia)'], organizations };
		const state = parse(
			'actor=Armed+Forces+of+Azerbaijan&actor=L%E1%BB%B1c+l%C6%B0%E1%BB%A3ng+v%C5%A9+tr%E1%BA%A1ng+Azerbaijan&actor=az-armed-forces&actor=Civilians+(Armenia)&actor=Armed+Forces+of+Armenia',
			vocabulary
		);
		expect(state.actors).toEqual(['az-armed-forces', 'Civilians (Armenia)']);
	});

	it('never throws on hostile input', () => {
		for (const query of [
			'%',
			'&&&',
			'=x',
			'sel=<script>alert(1)</script>',
			'q=%E0%A4%A',
			'view=%00'
		]) {
			expect(() => parse(query)).not.toThrow();
		}
		expect(parse('sel=<script>alert(1)</script>').sel).toBe('<script>alert(1)</script>');
	});
});
