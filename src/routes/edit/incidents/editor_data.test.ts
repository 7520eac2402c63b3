import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
	Dataset,
	FeatureCollectionOf,
	IncidentFeature,
	Organization,
	PlaceFeature,
	Source,
	Statement
} from '$lib/data/schema';
import { editorReference, findPlace, placeName, unlisted } from './editor_data';

const places = JSON.parse(
	readFileSync('geodata/places.geojson', 'utf8')
) as FeatureCollectionOf<PlaceFeature>;
const sources = JSON.parse(readFileSync('geodata/sources.json', 'utf8')) as Source[];
const statements = JSON.parse(readFileSync('geodata/statements.json', 'utf8')) as Statement[];
const organizations = JSON.parse(
	readFileSync('geodata/organizations.json', 'utf8')
) as Organization[];
const incidents = JSON.parse(
	readFileSync('geodata/incidents.geojson', 'utf8')
) as FeatureCollectionOf<IncidentFeature>;

describe('findPlace', () => {
	it('finds a place by its label, any of its names or aliases, ignoring case and spaces', () => {
		for (const typed of ['Madagiz / Sugovushan', 'sugovushan', '  Suqovuşan ', 'Мадагиз']) {
			expect(findPlace(places.features, typed, 'en')?.properties.id, typed).toBe('madagiz');
		}
		expect(findPlace(places.features, 'Terter', 'vi')?.properties.id).toBe('tartar');
	});

	it('finds nothing for an empty or unknown name', () => {
		expect(findPlace(places.features, '', 'en')).toBeUndefined();
		expect(findPlace(places.features, 'Atlantis', 'en')).toBeUndefined();
	});
});

describe('placeName', () => {
	it('shows the disputed label in English and the Vietnamese name in Vietnamese', () => {
		const tartar = places.features.find((p) => p.properties.id === 'tartar')!;
		expect(placeName(tartar, 'en')).toBe('Terter / Tartar');
		expect(placeName(tartar, 'vi')).toBe('Terter');
		const talish = places.features.find((p) => p.properties.id === 'talish')!;
		expect(placeName(talish, 'vi')).toBe('Talish');
	});
});

describe('editorReference', () => {
	it('lists every source newest first with what the picker shows, and the sub-types and actors in use', () => {
		const ref = editorReference({
			places,
			sources,
			statements,
			organizations,
			incidents,
			layers: {}
		} as unknown as Dataset);
		expect(ref.sources).toHaveLength(sources.length);
		expect(Object.keys(ref.sources[0]).sort()).toEqual([
			'id',
			'language',
			'published',
			'publisher',
			'title'
		]);
		const dates = ref.sources.map((s) => s.published);
		expect(dates).toEqual([...dates].sort().reverse());
		expect(ref.subTypes).toContain('Armed clash');
		expect(new Set(ref.subTypes).size).toBe(ref.subTypes.length);
		expect(ref.actors).toContainEqual({
			entry: 'az-armed-forces',
			names: { en: 'Armed Forces of Azerbaijan', vi: 'Lực lượng vũ trang Azerbaijan' },
			record: true
		});
	});

	it('lists the statements a claim may come from, and the organisations a speaker may speak for', () => {
		const ref = editorReference({
			places,
			sources,
			statements,
			organizations,
			incidents,
			layers: {}
		} as unknown as Dataset);
		expect(ref.statements).toContainEqual({
			id: 'st-2020-11-23-russian-mod-announcement',
			speaker: 'Ministry of Defence of Russia',
			quote: statements[0].quote.text,
			source_id: 'thoidai-2020-11-24'
		});
		expect(ref.organizations).toContainEqual({
			id: 'ru-ministry-of-defence',
			name: organizations.find((o) => o.id === 'ru-ministry-of-defence')!.names.en
		});
		const names = ref.organizations.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});

describe('unlisted', () => {
	it('names the linked sources and statements the published reference does not list, once each', () => {
		const reference = editorReference({
			places,
			layers: { type: 'FeatureCollection', features: [] },
			sources,
			statements,
			organizations,
			incidents
		} as unknown as Dataset);
		const feature = structuredClone(incidents.features[0]);
		expect(unlisted(reference, feature)).toEqual({ sources: [], statements: [] });
		feature.properties.source_ids = [sources[0].id, 'src-draft', 'src-draft'];
		feature.properties.statement_ids = ['st-draft', statements[0].id];
		expect(unlisted(reference, feature)).toEqual({
			sources: ['src-draft'],
			statements: ['st-draft']
		});
	});
});
