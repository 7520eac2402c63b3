import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '$lib/export/test_fixtures';
import { buildSearchIndex, haystackMatches, normalise, queryWords } from './search';

describe('normalise', () => {
	it('folds Azerbaijani letters: Tərtər and Terter match, Suqovuşan becomes suqovusan', () => {
		expect(normalise('Tərtər')).toBe('terter');
		expect(normalise('TƏRTƏR')).toBe('terter');
		expect(normalise('Suqovuşan')).toBe('suqovusan');
		expect(normalise('Talış Ağdam Çaylı Göyarx Füzuli İsmayıllı')).toBe(
			'talis agdam cayli goyarx fuzuli ismayilli'
		);
	});

	it('strips Vietnamese tones and maps đ to d', () => {
		expect(normalise('Bộ Quốc phòng Azerbaijan')).toBe('bo quoc phong azerbaijan');
		expect(normalise('Đại diện')).toBe('dai dien');
	});

	it('collapses whitespace and punctuation, and keeps non-Latin letters', () => {
		expect(normalise('  Madagiz / Sugovushan\n(Mataghis), "Մատաղիս"… ')).toBe(
			'madagiz sugovushan mataghis մատաղիս'
		);
		expect(normalise('Nagorno-Karabakh')).toBe('nagorno karabakh');
		expect(normalise('?!.')).toBe('');
	});

	it('agrees with the plain Unicode-regex definition on every kind of character', () => {
		const reference = (text: string) =>
			text
				.toLowerCase()
				.normalize('NFD')
				.replace(/\p{M}/gu, '')
				.replace(/[əıđłøß]/g, (c) => ({ ə: 'e', ı: 'i', đ: 'd', ł: 'l', ø: 'o', ß: 'ss' })[c]!)
				.replace(/[^\p{L}\p{N}]+/gu, ' ')
				.trim();
		const samples = [
			...fixtureDataset().statements.flatMap((s) => [s.quote.text, s.translation.text]),
			...fixtureDataset().incidents.features.flatMap((f) => [
				f.properties.title.vi,
				f.properties.summary.vi
			]),
			'İsmayıllı ŞƏKİ Ağdərə',
			'Мадагиз — Тертер, «Карабах»',
			'a\u0301\u0323b\tc\u00a0d',
			'😀 emoji 😀 and 𝐀𝐁 math letters',
			'١٢٣ ٤ Arabic-Indic digits',
			'ǅungla ﬁle Ⅻ ½',
			'\u0000\uffff\ud800 lone surrogate'
		];
		for (const text of samples) expect(normalise(text), text).toBe(reference(text));
	});

	it('splits a query into normalised words', () => {
		expect(queryWords(' Ban  Ki-moon ')).toEqual(['ban', 'ki', 'moon']);
		expect(queryWords('--')).toEqual([]);
	});
});

describe('buildSearchIndex', () => {
	const dataset = fixtureDataset();
	const index = buildSearchIndex(dataset);
	const find = (q: string) =>
		[...index.text].filter(([, hay]) => haystackMatches(hay, queryWords(q))).map(([id]) => id);

	it('indexes every incident', () => {
		expect([...index.text.keys()]).toEqual([
			'2016-04-02-line-of-contact',
			'2016-04-02-mi24',
			'2020-11-23-madagiz-mine'
		]);
	});

	it('finds the Madagiz mine under each of its place names, in any spelling', () => {
		for (const q of ['madagiz', 'Sugovushan', 'Suqovuşan', 'suqovusan', 'Mataghis', 'Մատաղիս']) {
			expect(find(q), q).toContain('2020-11-23-madagiz-mine');
		}
	});

	it('finds text of linked statements: quotes, translations and speakers', () => {
		expect(find('Ban Ki-moon')).toEqual(['2016-04-02-line-of-contact']);
		expect(find('ngừng bắn tôn trọng')).toEqual(['2016-04-02-line-of-contact']);
		expect(find('peacekeepers emergency')).toEqual(['2020-11-23-madagiz-mine']);
		expect(find('trực thăng')).toEqual(['2016-04-02-line-of-contact', '2016-04-02-mi24']);
	});

	it('finds Vietnamese titles without their diacritics, and requires every word', () => {
		expect(find('min phat no')).toEqual(['2020-11-23-madagiz-mine']);
		expect(find('madagiz helicopter')).toEqual(['2016-04-02-line-of-contact']);
		expect(find('Mataghis Kerry')).toEqual([]);
	});

	it('treats a statement linked only from its own incident_ids as linked', () => {
		// Ban Ki-moon's statement is not in the incident's statement_ids, only the reverse.
		expect(
			dataset.incidents.features[0].properties.statement_ids.includes('st-2016-04-02-ban-ki-moon')
		).toBe(false);
		expect(index.text.get('2016-04-02-line-of-contact')).toContain('ban ki moon');
	});

	it('finds an incident by its title in any language it has, not English and Vietnamese alone', () => {
		const dataset = structuredClone(fixtureDataset());
		const first = dataset.incidents.features[0];
		first.properties.title = { ...first.properties.title, ru: 'Взрыв мины у Мадагиза' };
		const index = buildSearchIndex(dataset);
		expect(haystackMatches(index.text.get(first.id)!, queryWords('взрыв мины'))).toBe(true);
	});

	it('finds an actor that is an organisation by its id and its names in every language', () => {
		const dataset = structuredClone(fixtureDataset());
		const first = dataset.incidents.features[0];
		first.properties.actors = ['hy-armed-forces', 'Unidentified Armed Group (Armenia)'];
		dataset.organizations.push({
			id: 'hy-armed-forces',
			kind: 'armed-force',
			names: {
				en: 'Armed Forces of Armenia',
				vi: 'Lực lượng vũ trang Armenia',
				hy: 'Հայաստանի զինված ուժեր'
			}
		});
		const hay = buildSearchIndex(dataset).text.get(first.id)!;
		for (const q of [
			'hy-armed-forces',
			'Armed Forces of Armenia',
			'luc luong vu trang',
			'զինված ուժեր',
			'Unidentified Armed Group'
		])
			expect(haystackMatches(hay, queryWords(q)), q).toBe(true);
	});
});
