import { describe, expect, it } from 'vitest';
import { recordTitle } from './record_title';

describe('recordTitle', () => {
	it("names an incident by its title in the reader's language, else English", () => {
		const body = { properties: { title: { en: 'Shelling of Madagiz', vi: 'Pháo kích Madagiz' } } };
		expect(recordTitle('incident', body, 'i-1', 'vi')).toBe('Pháo kích Madagiz');
		expect(
			recordTitle('incident', { properties: { title: { en: 'Only English' } } }, 'i-1', 'vi')
		).toBe('Only English');
	});

	it('names a place by its name in the language, else its label', () => {
		const body = {
			properties: { name: 'Madagiz', label: 'Madagiz / Sugovushan', names: { en: 'Madagiz' } }
		};
		expect(recordTitle('place', body, 'madagiz', 'en')).toBe('Madagiz');
		expect(recordTitle('place', body, 'madagiz', 'vi')).toBe('Madagiz / Sugovushan');
	});

	it('names a source by its title and a layer by its first feature', () => {
		expect(recordTitle('source', { title: 'Thời Đại, 24 Nov 2020' }, 's', 'en')).toBe(
			'Thời Đại, 24 Nov 2020'
		);
		const layer = { type: 'FeatureCollection', features: [{ properties: { name: 'NKAO' } }] };
		expect(recordTitle('layer', layer, 'nkao-1923-1991', 'en')).toBe('NKAO');
	});

	it('names a statement by its speaker and quote, clipped to 80 characters', () => {
		const body = { speaker: { name: 'Spokesperson' }, quote: { text: 'x'.repeat(200) } };
		const title = recordTitle('statement', body, 'st-1', 'en');
		expect(title).toHaveLength(80);
		expect(title.startsWith('Spokesperson: xxx')).toBe(true);
		expect(title.endsWith('…')).toBe(true);
	});

	it('falls back to the id for an empty, malformed or absent body', () => {
		expect(recordTitle('incident', null, 'i-2', 'en')).toBe('i-2');
		expect(recordTitle('source', { title: '   ' }, 's-2', 'en')).toBe('s-2');
		expect(recordTitle('layer', { features: 'none' }, 'l-2', 'en')).toBe('l-2');
		expect(recordTitle('statement', [], 'st-2', 'en')).toBe('st-2');
		expect(recordTitle('place', { properties: { names: { vi: 42 } } }, 'p-2', 'vi')).toBe('p-2');
	});
});
