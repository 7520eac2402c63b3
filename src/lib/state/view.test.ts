import { beforeAll, describe, expect, it } from 'vitest';
import { emptyLayers } from '$lib/data/layer_fixtures';
import type { Dataset, IncidentFeature, Statement } from '$lib/data/schema';
import { loadMessages } from '$lib/i18n';
import { AtlasView, type UrlWrite } from './view.svelte';

// The page loads a language's strings before it shows it (`+page.ts`); so do these tests.
beforeAll(() => loadMessages('vi'));

const SRC = 'src-thoidai-2020-11-24';

function incident(
	id: string,
	date: string,
	over: Partial<IncidentFeature['properties']> = {},
	coordinates: [number, number] = [46.75, 40.33]
): IncidentFeature {
	return {
		type: 'Feature',
		id,
		geometry: { type: 'Point', coordinates },
		properties: {
			id,
			title: { en: `Incident ${id}`, vi: `Sự kiện ${id}` },
			summary: { en: 'Summary.', vi: 'Tóm tắt.' },
			date,
			date_precision: 'day',
			type: 'Battles',
			sub_type: 'Armed clash',
			actors: ['Military Forces of Azerbaijan'],
			place_ids: [],
			location_precision: 1,
			uncertainty_m: 0,
			claims: [],
			source_ids: [SRC],
			statement_ids: [],
			...over
		}
	};
}

function statement(
	id: string,
	said_on: string,
	incident_ids: string[],
	over: Partial<Statement> = {}
): Statement {
	return {
		id,
		speaker: { name: 'Stéphane Dujarric', role: 'Spokesperson', organization_id: 'un' },
		said_on,
		date_precision: 'day',
		via: 'noon briefing',
		form: 'reported',
		quote: { lang: 'vi', text: 'Trích dẫn.' },
		translation: { lang: 'en', text: 'Quote.', by: 'Incident Atlas' },
		source_id: 'src-un-briefing',
		incident_ids,
		topics: ['humanitarian'],
		...over
	};
}

const MINE = incident('2020-11-23-madagiz-mine', '2020-11-23', {
	type: 'Explosions/Remote violence',
	actors: ['Military Forces of Russia', 'Military Forces of Azerbaijan'],
	title: { en: 'Mine explodes near Madagiz / Sugovushan', vi: 'Nổ mìn gần Madagiz' },
	source_ids: [SRC, 'src-other']
});
const CLASHES = incident('2016-04-02-loc-clashes', '2016-04-02', { date_end: '2016-04-05' });
const MI24 = incident('2016-04-02-mi24', '2016-04-02', { actors: ['Military Forces of Armenia'] });

const DATASET: Dataset = {
	meta: {
		name: 'Test',
		version: '1',
		updated: '2024-01-01',
		licence: 'CC BY 4.0',
		attribution: 'Test',
		extent: [44, 38.3, 50.5, 41.5]
	},
	places: { type: 'FeatureCollection', features: [] },
	layers: emptyLayers(),
	incidents: { type: 'FeatureCollection', features: [MINE, CLASHES, MI24] },
	statements: [
		statement('st-dujarric', '2020-11-23', ['2020-11-23-madagiz-mine']),
		statement('st-guterres-general', '2020-11-23', [], { source_id: 'src-other' }),
		statement('st-az-mod', '2016-04-02', ['2016-04-02-loc-clashes', '2016-04-02-mi24'], {
			speaker: {
				name: 'Vagif Dargahli',
				role: 'Spokesman',
				organization_id: 'az-ministry-of-defence'
			},
			topics: ['casualty-report']
		})
	],
	sources: [],
	organizations: [
		{ id: 'un', names: { en: 'United Nations', vi: 'Liên hợp quốc' }, kind: 'international' },
		{ id: 'azerbaijan', names: { en: 'Republic of Azerbaijan' }, kind: 'state' },
		{
			id: 'az-ministry-of-defence',
			names: {
				en: 'Ministry of Defence of the Republic of Azerbaijan',
				vi: 'Bộ Quốc phòng Azerbaijan'
			},
			kind: 'ministry',
			state: 'azerbaijan'
		}
	]
};

function view(query = '') {
	const writes: Array<[string, UrlWrite]> = [];
	const v = new AtlasView(DATASET, new URLSearchParams(query), (q, mode) => writes.push([q, mode]));
	return { v, writes };
}

describe('AtlasView', () => {
	it('shows every incident, oldest first, over the dataset span by default', () => {
		const { v } = view();
		expect(v.visible.map((f) => f.id)).toEqual([
			'2016-04-02-loc-clashes',
			'2016-04-02-mi24',
			'2020-11-23-madagiz-mine'
		]);
		expect(v.window).toEqual({ from: '2016-04-02', to: '2020-11-23' });
		expect(v.eventTypes).toEqual(['Battles', 'Explosions/Remote violence']);
		expect(v.query).toBe('');
	});

	it('reads the URL it opened with, ignoring unknown ids and values', () => {
		const { v } = view('sel=2016-04-02-mi24&type=Battles,Picnics&lang=vi&org=Nobody');
		expect(v.selected?.id).toBe('2016-04-02-mi24');
		expect(v.types).toEqual(['Battles']);
		expect(v.lang).toBe('vi');
		expect(v.t.timeline.heading).toBe('Dòng thời gian');
		expect(v.org).toBeNull();
		expect(view('sel=no-such-incident').v.selectedId).toBeNull();
	});

	it('pushes a history entry when the selection changes, and none when it does not', () => {
		const { v, writes } = view();
		v.select('2020-11-23-madagiz-mine');
		v.select('2020-11-23-madagiz-mine');
		expect(writes).toEqual([['sel=2020-11-23-madagiz-mine', 'push']]);
		v.select(null);
		expect(writes.at(-1)).toEqual(['', 'push']);
	});

	it('filters by window: one ending before 2020 hides the 2020 incident', () => {
		const { v, writes } = view();
		v.setWindow('2016-01-01', '2019-12-31', 'replace');
		expect(v.visible.map((f) => f.id)).toEqual(['2016-04-02-loc-clashes', '2016-04-02-mi24']);
		expect(writes.at(-1)).toEqual(['from=2016-01-01&to=2019-12-31', 'replace']);
		v.setWindow('2016-04-04', '2020-11-23');
		expect(v.visible.map((f) => f.id)).toEqual([
			'2016-04-02-loc-clashes',
			'2020-11-23-madagiz-mine'
		]);
		expect(writes.at(-1)).toEqual(['from=2016-04-04', 'push']);
	});

	it('swaps a backwards window, keeps dates beyond the span and leaves ends at the span open', () => {
		const { v } = view();
		v.setWindow('2030-01-01', '2018-01-01');
		expect(v.window).toEqual({ from: '2018-01-01', to: '2030-01-01' });
		expect(v.query).toBe('from=2018-01-01&to=2030-01-01');
		v.setWindow('2016-04-02', '2019-01-01');
		expect(v.query).toBe('to=2019-01-01');
		v.resetWindow();
		expect(v.query).toBe('');
		expect(view('from=2016-04-02&to=2020-11-23').v.query).toBe('');
	});

	it('filters by type, actor and diacritics-insensitive search, keeping the window', () => {
		const { v } = view();
		v.setTypes(['Explosions/Remote violence']);
		expect(v.visible.map((f) => f.id)).toEqual(['2020-11-23-madagiz-mine']);
		v.setTypes([]);
		v.setActors(['Military Forces of Armenia']);
		expect(v.visible.map((f) => f.id)).toEqual(['2016-04-02-mi24']);
		v.clearFilters();
		v.setQuery('MADÁGIZ');
		expect(v.visible.map((f) => f.id)).toEqual(['2020-11-23-madagiz-mine']);
		expect(v.activeFilters).toBe(1);
		expect(v.timelineIncidents.map((f) => f.id)).toEqual(['2020-11-23-madagiz-mine']);
	});

	it('reads bbox from the link as an active filter, keeps it in the URL and clears it', () => {
		const outside = view('bbox=44,38,45,39&type=Battles').v;
		expect(outside.visible).toEqual([]);
		expect(outside.bbox).toEqual([44, 38, 45, 39]);
		expect(outside.activeFilters).toBe(2);
		expect(outside.query).toBe('type=Battles&bbox=44%2C38%2C45%2C39');
		outside.clearFilters();
		expect(outside.bbox).toBeNull();
		expect(outside.visible).toHaveLength(3);
		const inside = view('bbox=46.7,40.3,46.8,40.4').v;
		expect(inside.visible).toHaveLength(3);
		expect(inside.filter).toEqual({ bbox: [46.7, 40.3, 46.8, 40.4] });
		expect(view('bbox=46,41,45,40').v.bbox).toBeNull();
	});

	it('draws the timeline from the filters but the window', () => {
		const { v } = view();
		v.setTypes(['Battles']);
		v.setWindow('2016-01-01', '2019-12-31');
		expect(v.visible.map((f) => f.id)).toEqual(['2016-04-02-loc-clashes', '2016-04-02-mi24']);
		v.setWindow('2020-01-01', '2020-12-31');
		expect(v.visible).toEqual([]);
		expect(v.filter).toEqual({ from: '2020-01-01', to: '2020-12-31', types: ['Battles'] });
		expect(v.timelineIncidents.map((f) => f.id)).toEqual([
			'2016-04-02-loc-clashes',
			'2016-04-02-mi24'
		]);
		v.setActors(['Military Forces of Armenia']);
		expect(v.timelineIncidents.map((f) => f.id)).toEqual(['2016-04-02-mi24']);
	});

	it('makes a burst of typing one history entry', () => {
		const { v, writes } = view();
		v.setQuery('m');
		v.setQuery('ma');
		v.setQuery('mad');
		expect(writes.map((w) => w[1])).toEqual(['push', 'replace', 'replace']);
		expect(writes.at(-1)![0]).toBe('q=mad');
	});

	it('rewrites, never pushes, the map view', () => {
		const { v, writes } = view();
		v.setMapView({ center: [46.75, 40.33], zoom: 9 });
		expect(writes).toEqual([['view=46.75%2C40.33%2C9', 'replace']]);
	});

	it('keeps the timeline’s zoom apart from the window, writing it as the days it touches when asked', () => {
		const { v, writes } = view();
		const start = Date.parse('2016-03-01') + 5 * 3_600_000;
		const end = Date.parse('2016-06-01') + 3_600_000;
		v.setPeriod([start, end], false);
		expect(v.period).toEqual([start, end]);
		expect(writes).toEqual([]);
		v.setPeriod(v.period);
		expect(writes).toEqual([['period=2016-03-01%2C2016-06-01', 'replace']]);
		expect(v.window).toEqual(v.span);
		v.readUrl(new URLSearchParams('period=2016-04-01,2016-04-30'));
		expect(v.period).toEqual([Date.parse('2016-04-01'), Date.parse('2016-05-01')]);
		v.setPeriod(null);
		expect(writes.at(-1)).toEqual(['', 'replace']);
	});

	it('lists the statements of the selection, else of the window, narrowed by organisation and topic', () => {
		const { v } = view();
		expect(v.statements.map((s) => s.id)).toEqual([
			'st-az-mod',
			'st-dujarric',
			'st-guterres-general'
		]);
		v.setWindow('2020-01-01', '2020-12-31');
		expect(v.statements.map((s) => s.id)).toEqual(['st-dujarric', 'st-guterres-general']);
		v.select('2016-04-02-mi24');
		expect(v.statements.map((s) => s.id)).toEqual(['st-az-mod']);
		v.select(null);
		v.resetWindow();
		v.setOrg('un');
		expect(v.statements.map((s) => s.id)).toEqual(['st-dujarric', 'st-guterres-general']);
		v.setOrg(null);
		v.setTopic('casualty-report');
		expect(v.statements.map((s) => s.id)).toEqual(['st-az-mod']);
	});

	it('adds, for a selected incident, the unlinked statements reported in its sources', () => {
		const { v } = view();
		v.select('2016-04-02-mi24');
		expect(v.relatedStatements).toEqual([]);
		v.select('2020-11-23-madagiz-mine');
		expect(v.statements.map((s) => s.id)).toEqual(['st-dujarric']);
		expect(v.relatedStatements.map((s) => s.id)).toEqual(['st-guterres-general']);
		v.setOrg('az-ministry-of-defence');
		expect(v.relatedStatements).toEqual([]);
		v.select(null);
		expect(v.relatedStatements).toEqual([]);
	});

	it('highlights the incidents of a chosen statement', () => {
		const { v } = view();
		v.highlight('st-az-mod');
		expect([...v.highlightedIds].sort()).toEqual(['2016-04-02-loc-clashes', '2016-04-02-mi24']);
		v.highlight(null);
		expect(v.highlightedIds.size).toBe(0);
	});

	it('toggles layers, writing the ones switched off', () => {
		const { v, writes } = view();
		v.toggleLayer('line-of-contact-1994-2020', false);
		expect(v.layers['line-of-contact-1994-2020']).toBe(false);
		expect(v.layers.incidents).toBe(true);
		expect(writes.at(-1)).toEqual(['layers=line-of-contact-1994-2020', 'push']);
		v.toggleLayer('tiles', false);
		expect(writes).toHaveLength(1);
	});

	it('puts the reader’s language first unless the reader chose an order', () => {
		expect(view().v.first).toBe('translation');
		expect(view('lang=vi').v.first).toBe('original');
		expect(view('lang=vi&first=translation').v.first).toBe('translation');
		const { v, writes } = view();
		v.setFirst('original');
		expect(writes.at(-1)).toEqual(['first=original', 'push']);
	});

	it('lists each organisation once, grouped by state, named in the reader’s language', () => {
		const { v } = view('lang=vi');
		expect(
			v.organisationGroups.map((g) => [g.state?.id ?? null, g.members.map((m) => m.id)])
		).toEqual([
			['azerbaijan', ['az-ministry-of-defence']],
			[null, ['un']]
		]);
		expect(v.organizationName('un')).toBe('Liên hợp quốc');
		expect(v.organizationName('az-ministry-of-defence')).toBe('Bộ Quốc phòng Azerbaijan');
	});

	it('re-reads the URL on back/forward without writing it', () => {
		const { v, writes } = view();
		v.select('2016-04-02-mi24');
		v.readUrl(new URLSearchParams('from=2020-01-01&first=original'));
		expect(v.selectedId).toBeNull();
		expect(v.window.from).toBe('2020-01-01');
		expect(v.first).toBe('original');
		expect(writes).toHaveLength(1);
	});
});
