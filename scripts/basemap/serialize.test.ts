import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureCollectionText } from './serialize';

describe('featureCollectionText', () => {
	it('writes one feature a line with keys in a fixed order', () => {
		const scrambled = {
			geometry: { coordinates: [46.75283, 39.81528], type: 'Point' },
			properties: { name: 'Xankandi', population: 53100 },
			type: 'Feature'
		} as Feature;
		expect(featureCollectionText([scrambled, scrambled])).toBe(
			'{"type":"FeatureCollection","features":[\n' +
				'{"type":"Feature","properties":{"name":"Xankandi","population":53100},"geometry":{"type":"Point","coordinates":[46.75283,39.81528]}},\n' +
				'{"type":"Feature","properties":{"name":"Xankandi","population":53100},"geometry":{"type":"Point","coordinates":[46.75283,39.81528]}}\n' +
				']}\n'
		);
	});

	it('writes an empty collection', () => {
		expect(featureCollectionText([])).toBe('{"type":"FeatureCollection","features":[]}\n');
	});

	it('drops foreign members such as a bbox or id', () => {
		const withExtras = {
			type: 'Feature',
			id: 7,
			bbox: [0, 0, 1, 1],
			properties: null,
			geometry: { type: 'Point', coordinates: [1, 1] }
		} as Feature;
		expect(featureCollectionText([withExtras])).not.toMatch(/bbox|"id"/);
	});

	it('rejects a feature without geometry', () => {
		const empty = { type: 'Feature', properties: {}, geometry: null } as unknown as Feature;
		expect(() => featureCollectionText([empty])).toThrow('every feature needs');
	});
});
