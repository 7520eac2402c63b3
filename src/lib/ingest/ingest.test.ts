import { describe, expect, it } from 'vitest';
import { buildGazetteer, type GazetteerData } from './gazetteer';
import { ingest, IngestError, MAX_TEXT_LENGTH } from './ingest';

const data: GazetteerData = {
	places: {
		type: 'FeatureCollection',
		features: [
			{
				properties: {
					id: 'madagiz',
					name: 'Madagiz',
					kind: 'village',
					names: { ru: 'Мадагиз', az: 'Suqovuşan' },
					aliases: ['Sugovushan', 'Մատաղիս']
				}
			},
			{
				properties: {
					id: 'tartar',
					name: 'Tartar',
					kind: 'city',
					names: { vi: 'Terter', ru: 'Тертер' },
					aliases: ['Tərtər']
				}
			},
			{
				properties: {
					id: 'tartar-river-source',
					name: 'Tartar river (source)',
					kind: 'river source',
					aliases: ['Terter']
				}
			},
			{ properties: { id: 'baku', name: 'Baku', kind: 'capital', names: { ru: 'Баку' } } }
		]
	},
	meta: {
		regions: [
			{
				id: 'nagorno-karabakh',
				name: 'Nagorno-Karabakh',
				kind: 'region',
				aliases: ['Nagorny Karabakh', 'Нагорный Карабах']
			},
			{
				id: 'azerbaijan',
				name: 'Azerbaijan',
				kind: 'country',
				aliases: ['Azebaijan', 'Азербайджан']
			},
			{ id: 'russia', name: 'Russia', kind: 'country', aliases: ['Nga', 'Россия'] }
		]
	},
	settlements: {
		type: 'FeatureCollection',
		features: [{ properties: { name: 'Terter', geonameid: 584871 } }]
	},
	incidents: {
		type: 'FeatureCollection',
		features: [
			{
				properties: {
					id: 'mine',
					date: '2020-11-23',
					date_precision: 'day',
					place_ids: ['madagiz', 'tartar']
				}
			}
		]
	}
};
const gazetteer = buildGazetteer(data);
const vi = { lang: 'vi' as const, published: '2020-11-24' };
const en = { lang: 'en' as const, published: '2020-11-24' };
const ru = { lang: 'ru' as const, published: '2020-11-24' };

describe('places', () => {
	it('finds every spelling and keeps the alternatives of an ambiguous one', () => {
		const text = 'Gần thành phố Madagiz, vùng Terter, ở Nagorny Karabakh; Suqovuşan; Մատաղիս.';
		const p = ingest(text, vi, gazetteer).places;
		expect(p.map((x) => x.place_id)).toEqual([
			'madagiz',
			'tartar',
			'nagorno-karabakh',
			'madagiz',
			'madagiz'
		]);
		const terter = p[1];
		expect(terter.text).toBe('Terter');
		expect(terter.alternatives.map((a) => a.place_id ?? a.kind)).toEqual([
			'district',
			'geonames:584871',
			'tartar-river-source'
		]);
	});

	it('matches Russian case forms and ignores lower-case words', () => {
		const p = ingest(
			'Взрыв у Мадагиза, в Тертере и в Нагорном Карабахе; nga là chữ thường.',
			ru,
			gazetteer
		).places;
		expect(p.map((x) => x.place_id)).toEqual(['madagiz', 'tartar', 'nagorno-karabakh']);
	});
});

describe('dates', () => {
	it('reads Vietnamese absolute and relative dates', () => {
		const d = ingest(
			'Ngày 23/11, bộ cho biết. Cùng ngày, ông nói. Hôm qua, ngày 2/4/2016.',
			vi,
			gazetteer
		).dates;
		expect(d.map((x) => [x.text, x.date, x.precision])).toEqual([
			['Ngày 23/11', '2020-11-23', 'day'],
			['Cùng ngày', '2020-11-23', 'day'],
			['Hôm qua', '2020-11-23', 'day'],
			['ngày 2/4/2016', '2016-04-02', 'day']
		]);
	});

	it('reads English weekdays against the publication date and month precision', () => {
		const d = ingest(
			'It happened on Monday. In April 2016 and on 23 November 2020.',
			en,
			gazetteer
		).dates;
		expect(d.map((x) => [x.date, x.precision])).toEqual([
			['2020-11-23', 'day'],
			['2016-04-01', 'month'],
			['2020-11-23', 'day']
		]);
	});

	it('reads Russian genitive months and puts a day without a year before publication', () => {
		const d = ingest('23 ноября и 30 декабря; в 1994 году.', ru, gazetteer).dates;
		expect(d.map((x) => [x.date, x.precision])).toEqual([
			['2020-11-23', 'day'],
			['2019-12-30', 'day'],
			['1994-01-01', 'year']
		]);
	});
});

describe('claims', () => {
	it('reads Vietnamese figures with their claimant, words and bounds', () => {
		const text =
			'Ngày 23/11, Bộ Quốc phòng Nga cho biết, 1 binh sĩ và 4 nhân viên đã bị thương. Bộ Quốc phòng Azerbaijan thông báo một máy bay trực thăng bị bắn hạ, khiến ít nhất 30 người thiệt mạng.';
		const c = ingest(text, { ...vi, publisher: 'Báo X' }, gazetteer).claims;
		expect(c.map((x) => [x.metric, x.value, x.claimant])).toEqual([
			['wounded', 1, 'Ministry of Defence of Russia'],
			['wounded', 4, 'Ministry of Defence of Russia'],
			['aircraft_lost', 1, 'Ministry of Defence of Azerbaijan'],
			['killed', { low: 30 }, 'Báo X']
		]);
	});

	it('reads English figures after the verb and ranges', () => {
		const text =
			'Armenian President Serzh Sargsyan said the fighting killed 18 soldiers and 30-35 soldiers were wounded.';
		const c = ingest(text, en, gazetteer).claims;
		expect(c.map((x) => [x.metric, x.value, x.claimant])).toEqual([
			['killed', 18, 'Serzh Sargsyan'],
			['wounded', { low: 30, high: 35 }, 'Serzh Sargsyan']
		]);
	});

	it('reads Russian figures, vague quantities and a downed aircraft without a number', () => {
		const text =
			'Минобороны Азербайджана сообщило, что погибли 12 военнослужащих, сбит вертолёт Ми-24 и взяли под контроль несколько высот.';
		const c = ingest(text, ru, gazetteer).claims;
		expect(c.map((x) => [x.metric, x.value])).toEqual([
			['killed', 12],
			['aircraft_lost', 1],
			['positions_taken', { low: 2 }]
		]);
		expect(new Set(c.map((x) => x.claimant))).toEqual(
			new Set(['Ministry of Defence of Azerbaijan'])
		);
	});

	it('reads a figure left implicit after a first one, and skips model numbers and ages', () => {
		const text =
			'Sargsyan said 18 soldiers had died and that about 35 had been wounded. The Azerbaijani Defence Ministry said a Mi-24 helicopter was shot down and a 12-year-old boy was killed.';
		const c = ingest(text, en, gazetteer).claims;
		expect(c.map((x) => [x.metric, x.value])).toEqual([
			['killed', 18],
			['wounded', { best: 35 }],
			['aircraft_lost', 1],
			['killed', 1]
		]);
	});

	it('does not take a date or a year for a casualty figure', () => {
		expect(ingest('Ngày 23/11 năm 2020 có người bị thương.', vi, gazetteer).claims).toEqual([]);
	});
});

describe('statements', () => {
	it('attributes Vietnamese reporting clauses, joint speakers, anaphora and continuations', () => {
		const text =
			'Bộ trưởng Ngoại giao Nga Sergei Lavrov và Bộ trưởng Quốc phòng Sergei Shoigu đã điện đàm với người đồng cấp, kêu gọi ngừng bắn. Ngoại trưởng Mỹ John Kerry tuyên bố Mỹ lên án giao tranh. Theo đó, hai nước yêu cầu đàm phán. Ông kêu gọi kiềm chế.';
		const s = ingest(text, vi, gazetteer).statements;
		expect(s.map((x) => x.speaker)).toEqual([
			'Sergei Lavrov',
			'Sergei Shoigu',
			'John Kerry',
			'John Kerry'
		]);
		expect(s[2].text).toBe(
			'Ngoại trưởng Mỹ John Kerry tuyên bố Mỹ lên án giao tranh. Theo đó, hai nước yêu cầu đàm phán.'
		);
		expect(s[3].text).toBe('Ông kêu gọi kiềm chế.');
	});

	it('marks English direct speech and gives its quotation as the excerpt', () => {
		const text =
			'"There is no military solution," Steinmeier said. Kerry said the US condemned the fighting.';
		const s = ingest(text, en, gazetteer).statements;
		expect(s.map((x) => [x.speaker, x.form, x.text])).toEqual([
			['Frank-Walter Steinmeier', 'direct', 'There is no military solution,'],
			['John Kerry', 'reported', 'Kerry said the US condemned the fighting.']
		]);
	});

	it('gives a spokesperson’s words to the principal named with them', () => {
		const text =
			'Пресс-секретарь Дмитрий Песков сообщил, что Владимир Путин призывает к перемирию. Лавров заявил: «Нужно остановить огонь».';
		const s = ingest(text, ru, gazetteer).statements;
		expect(s.map((x) => [x.speaker, x.via, x.form])).toEqual([
			['Vladimir Putin', 'Dmitry Peskov', 'reported'],
			['Sergei Lavrov', null, 'direct']
		]);
	});

	it('proposes no statement for a verb without a known speaker', () => {
		expect(ingest('Cộng đồng quốc tế kêu gọi ngừng bắn.', vi, gazetteer).statements).toEqual([]);
	});
});

describe('draft incidents', () => {
	it('groups by date and proposes attaching to the incident with that place and day', () => {
		const text =
			'Ngày 23/11, Bộ Quốc phòng Nga cho biết 1 binh sĩ bị thương trong vụ nổ mìn gần Madagiz.';
		const [incident] = ingest(text, vi, gazetteer).incidents;
		expect(incident).toMatchObject({
			place_ids: ['madagiz'],
			date: '2020-11-23',
			type: 'Explosions/Remote violence',
			claims: [0],
			statements: [0],
			attach_to: 'mine'
		});
		const other = ingest(text.replace('23/11', '24/11'), vi, gazetteer).incidents[0];
		expect(other.attach_to).toBeNull();
	});
});

describe('robustness', () => {
	it('gives an empty proposal for empty text', () => {
		expect(ingest('', vi, gazetteer)).toEqual({
			places: [],
			dates: [],
			claims: [],
			statements: [],
			incidents: []
		});
	});

	it('refuses text over the length limit with a clear error, at once', () => {
		const big = 'a'.repeat(5 * 1024 * 1024);
		expect(() => ingest(big, vi, gazetteer)).toThrow(IngestError);
		expect(() => ingest(big, vi, gazetteer)).toThrow(/limit is 1000000/);
		expect(MAX_TEXT_LENGTH).toBeLessThan(big.length);
	});

	it('handles text just under the limit (no sentence breaks at all)', () => {
		const text = 'Madagiz Terter 12 binh sĩ bị thương '.repeat(Math.floor(MAX_TEXT_LENGTH / 40));
		const p = ingest(text, vi, gazetteer);
		expect(p.places.length).toBeGreaterThan(1000);
	});

	it('refuses binary junk', () => {
		let seed = 7;
		const junk = Array.from({ length: 4096 }, () =>
			String.fromCharCode((seed = (seed * 48271) % 2147483647) % 256)
		).join('');
		expect(() => ingest(junk, vi, gazetteer)).toThrow(/looks binary/);
	});

	it('reads HTML with scripts as text without running or choking on it', () => {
		const html =
			'<html><script>while(true){} "Kerry said" </script><p>Ngày 23/11, Bộ Quốc phòng Nga cho biết 1 binh sĩ bị thương gần <b>Madagiz</b>.</p><script>alert(1)</script></html>';
		const p = ingest(html, vi, gazetteer);
		expect(p.places.map((x) => x.place_id)).toContain('madagiz');
		for (const x of [...p.places, ...p.claims, ...p.statements])
			expect(html.slice(x.start, x.end)).toBe(x.text);
	});

	it('keeps ranges exact with mixed scripts, astral characters and bidi controls', () => {
		const text =
			'\u202eMadagiz\u202c 🙂 Мадагиз \u2067Մատաղիս\u2069 𝔘 Terter \u200f\u200e Ngày 23/11.';
		const p = ingest(text, vi, gazetteer);
		expect(p.places.map((x) => x.place_id)).toEqual(['madagiz', 'madagiz', 'madagiz', 'tartar']);
		for (const x of [...p.places, ...p.dates]) expect(text.slice(x.start, x.end)).toBe(x.text);
	});

	it('refuses a bad language or publication date, naming the option', () => {
		expect(() => ingest('x', { lang: 'fr' as 'vi', published: '2020-11-24' }, gazetteer)).toThrow(
			/lang must be one of vi, en, ru/
		);
		expect(() => ingest('x', { lang: 'vi', published: '2020-02-30' }, gazetteer)).toThrow(
			/published must be a date/
		);
	});
});
