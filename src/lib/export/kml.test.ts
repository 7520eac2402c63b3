import { describe, expect, it } from 'vitest';
import type { IncidentFeature } from '../data/schema';
import { HOSTILE_TEXTS, parseXml } from '../../../tests/fixtures/hostile_text';
import { toKML, xmlChars } from './kml';
import { fixtureContext, lineOfContact2016, madagizMine, mi24 } from './test_fixtures';

const placemarks = (kml: string) => kml.match(/<Placemark>[\s\S]*?<\/Placemark>/g) ?? [];
const data = (placemark: string | undefined, name: string) =>
	placemark?.match(new RegExp(`<Data name="${name}"><value>([\\s\\S]*?)</value></Data>`))?.[1];

describe('toKML', () => {
	it('is a KML 2.2 document with one placemark per incident, named by title', () => {
		const kml = toKML([lineOfContact2016, mi24, madagizMine], fixtureContext());
		expect(
			kml.startsWith(
				'<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>'
			)
		).toBe(true);
		const marks = placemarks(kml);
		expect(marks).toHaveLength(3);
		expect(marks.map((p) => p.match(/<name>(.*?)<\/name>/)?.[1])).toEqual([
			'Heavy fighting along the line of contact',
			'Azerbaijani Mi-24 helicopter shot down',
			'Mine explosion near Madagiz during a search for the dead'
		]);
	});

	it('keeps a title in a further language as a column of its own, and Vietnamese as a column even when missing', () => {
		const title: { en: string } & Record<string, string> = { ...madagizMine.properties.title };
		delete title.vi;
		const russian = {
			...madagizMine,
			properties: { ...madagizMine.properties, title: { ...title, ru: 'Взрыв мины у Мадагиза' } }
		};
		const [mark] = placemarks(toKML([russian], fixtureContext()));
		expect(data(mark, 'title_ru')).toBe('Взрыв мины у Мадагиза');
		expect(mark).toContain('<Data name="title_vi">');
		expect(data(mark, 'title_vi') ?? '').toBe('');
	});

	it('writes the geometry with rounded coordinates', () => {
		const [mine, line] = placemarks(toKML([madagizMine, lineOfContact2016], fixtureContext()));
		expect(mine).toContain('<Point><coordinates>46.750222,40.325861</coordinates></Point>');
		expect(line).toContain(
			'<LineString><coordinates>46.74,40.39\n46.8,40.33\n46.95,40.25\n47.06,39.93</coordinates></LineString>'
		);
	});

	it('puts the details in ExtendedData: id, Vietnamese title, claims, statements, sources', () => {
		const [mark] = placemarks(toKML([madagizMine], fixtureContext()));
		expect(data(mark, 'id')).toBe('2020-11-23-madagiz-mine');
		expect(data(mark, 'title_vi')).toBe('Nổ mìn gần Madagiz trong lúc tìm kiếm thi thể');
		expect(data(mark, 'claims')).toContain(
			'Ministry of Defence of Russia claims killed: 1 (Azerbaijani serviceman) [source thoidai-2020-11-24]'
		);
		expect(data(mark, 'statements')).toContain('gần thành phố Madagiz.” [vi]');
		expect(data(mark, 'sources')).toContain('Thời Đại: Binh sĩ gìn giữ hòa bình');
		expect(data(mark, 'places')).toBe('Madagiz / Sugovushan');
	});

	it('escapes markup in text so it stays text', () => {
		const hostile = {
			...mi24,
			properties: { ...mi24.properties, title: { en: '<script>alert(1)</script> & "x"', vi: 'y' } }
		};
		const kml = toKML([hostile], fixtureContext());
		expect(kml).not.toContain('<script>');
		expect(kml).toContain('&#x3C;script>alert(1)&#x3C;/script> &#x26; "x"');
	});

	it('records version, time, filter and licence in the document description', () => {
		const kml = toKML([], fixtureContext({ from: '2016-04-01' }));
		expect(placemarks(kml)).toEqual([]);
		const description = kml.match(
			/<Document><name>[^<]*<\/name><description>([\s\S]*?)<\/description>/
		)?.[1];
		expect(description).toContain(
			'Generated 2024-05-01T12:00:00.000Z; 0 incident(s); filter {&quot;from&quot;:&quot;2016-04-01&quot;}.'
		);
		expect(description).toContain('Licence: CC BY 4.0');
		expect(description).not.toContain('Dataset version');
		const versioned = toKML([], { ...fixtureContext(), revision: 5 });
		expect(versioned).toContain('Dataset version 5.');
	});
});

/** Every character XML 1.0 may carry, as the parser must give it back. */
const expected = (text: string) => xmlChars(text).replace(/\r\n?/g, '\n');

describe('toKML with hostile text', () => {
	const hostileIncident = (text: string, i: number): IncidentFeature => ({
		...madagizMine,
		id: `hostile-${i}`,
		properties: {
			...madagizMine.properties,
			id: `hostile-${i}`,
			title: { en: text, vi: text },
			summary: { en: text, vi: text },
			location_note: text,
			claims: [{ ...madagizMine.properties.claims[0], subject: text, claimant: text }]
		}
	});

	it('stays well-formed XML, and each text reads back as written but for what XML cannot carry', () => {
		const features = HOSTILE_TEXTS.map(hostileIncident);
		const ctx = fixtureContext({ q: HOSTILE_TEXTS.join(' ') });
		ctx.meta = { ...ctx.meta, name: HOSTILE_TEXTS[0], attribution: HOSTILE_TEXTS[3] };
		const kml = toKML(features, ctx);
		const { texts } = parseXml(kml);
		for (const text of HOSTILE_TEXTS) {
			expect(texts, JSON.stringify(text)).toContain(expected(text));
		}
		expect(texts).toContain(expected(HOSTILE_TEXTS[0]));
		expect([...kml].filter((c) => xmlChars(c) !== c)).toEqual([]);
	});

	it('replaces only the characters XML cannot carry, with U+FFFD', () => {
		expect(xmlChars('a\u0000b\u0007c\ufffed\ud800e\udc00f')).toBe(
			'a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf'
		);
		expect(xmlChars('tab\t LF\n CR\r 🙂 \u0085')).toBe('tab\t LF\n CR\r 🙂 \u0085');
	});
});
