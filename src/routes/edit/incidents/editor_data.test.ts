import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
	Dataset,
	FeatureCollectionOf,
	IncidentFeature,
	PlaceFeature,
	Source
} from '$lib/data/schema';
import { editorReference, findPlace, placeName } from './editor_data';

const places = JSON.parse(
	readFileSync('geodata/places.geojson', 'utf8')
) as FeatureCollectionOf<PlaceFeature>;
const sources = JSON.parse(readFileSync('geodata/sources.json', 'utf8')) as Source[];
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
		const ref = editorReference({ places, sources, incidents, layers: {} } as unknown as Dataset);
		expect(ref.sources).toHaveLength(sources.length);
		expect(Object.keys(ref.sources[0]).sort()).toEqual(['id', 'published', 'publisher', 'title']);
		const dates = ref.sources.map((s) => s.published);
		expect(dates).toEqual([...dates].sort().reverse());
		expect(ref.subTypes).toContain('Armed clash');
		expect(new Set(ref.subTypes).size).toBe(ref.subTypes.length);
		expect(ref.actors).toContain('Armed Forces of Azerbaijan');
	});
});
