import { describe, expect, it } from 'vitest';
import { buildDrafts, draftText, parseDecision, type Decision } from './draft_records';

const text = 'Ngày 23/11, Bộ Quốc phòng Nga cho biết 1 binh sĩ bị thương gần Madagiz.\nHết.';
const end = text.indexOf('\n');
const decision = (): Decision => ({
	article: {
		url: 'https://example.org/a',
		publisher: 'Báo Ví Dụ',
		title: 'Tiêu đề',
		published: '2020-11-24',
		lang: 'vi'
	},
	statements: [
		{
			start: 0,
			end: end + 1,
			speaker: 'Ministry of Defence of Russia',
			role: 'ministry press service',
			organization_id: 'ru-ministry-of-defence',
			form: 'reported',
			via: 'as reported by Báo Ví Dụ',
			translation: 'On 23 November the Russian Ministry of Defence said one soldier was wounded.'
		}
	],
	claims: [
		{
			metric: 'wounded',
			value: 1,
			subject: 'binh sĩ',
			claimant: 'Ministry of Defence of Russia',
			statement: 0
		}
	],
	incident: {
		title: { en: 'Mine near Madagiz', vi: 'Mìn gần Madagiz' },
		summary: { en: 'A soldier was wounded.', vi: 'Một binh sĩ bị thương.' },
		date: '2020-11-23',
		date_precision: 'day',
		type: 'Explosions/Remote violence',
		sub_type: 'Remote explosive/landmine/IED',
		place_ids: ['geonames:1', 'madagiz']
	}
});
const positions = new Map<string, [number, number]>([['madagiz', [46.9, 40.1]]]);
let n = 0;
const newId = (kind: string) => `${kind}-${++n}`;

describe('buildDrafts', () => {
	it('makes the source, statements quoting the very slice (trimmed) and the incident linking them', () => {
		const built = buildDrafts(text, decision(), positions, newId);
		if (!('ok' in built)) throw new Error(built.message);
		const [source, statement, incident] = built.records;
		expect(source.kind).toBe('source');
		expect(source.body).toMatchObject({
			url: 'https://example.org/a',
			language: 'vi',
			kind: 'news article'
		});
		expect(statement.body).toMatchObject({
			quote: { lang: 'vi', text: text.slice(0, end) },
			source_id: source.id,
			incident_ids: [incident.id],
			said_on: '2020-11-23'
		});
		expect(built.incidentId).toBe(incident.id);
		const p = incident.body.properties as Record<string, unknown>;
		expect(incident.body.geometry).toEqual({ type: 'Point', coordinates: [46.9, 40.1] });
		expect(p.statement_ids).toEqual([statement.id]);
		expect(p.source_ids).toEqual([source.id]);
		expect(p.claims).toEqual([
			{
				metric: 'wounded',
				value: 1,
				subject: 'binh sĩ',
				claimant: 'Ministry of Defence of Russia',
				statement_id: statement.id,
				source_id: source.id
			}
		]);
	});

	it('an incident left without Vietnamese is drafted in English only', () => {
		const d = decision();
		d.incident!.title = { en: ' Mine near Madagiz ', vi: '' };
		d.incident!.summary = { en: 'A soldier was wounded.', vi: '   ' };
		const built = buildDrafts(text, d, positions, newId);
		if (!('ok' in built)) throw new Error(built.message);
		const p = built.records[2].body.properties as Record<string, unknown>;
		expect(p.title).toEqual({ en: 'Mine near Madagiz' });
		expect(p.summary).toEqual({ en: 'A soldier was wounded.' });
		expect(draftText({ en: 'x', vi: ' y ' })).toEqual({ en: 'x', vi: 'y' });
	});

	it('without an incident: statements about none, claims dropped', () => {
		const built = buildDrafts(text, { ...decision(), incident: null }, positions, newId);
		if (!('ok' in built)) throw new Error(built.message);
		expect(built.records.map((r) => r.kind)).toEqual(['source', 'statement']);
		expect(built.records[1].body.incident_ids).toEqual([]);
		expect(built.incidentId).toBeNull();
	});

	it('refuses a range outside the text and an incident with no placed place, naming the field', () => {
		const d = decision();
		d.statements[0].end = text.length + 5;
		expect(buildDrafts(text, d, positions, newId)).toMatchObject({ field: 'statements[0]' });
		expect(buildDrafts(text, decision(), new Map(), newId)).toMatchObject({
			field: 'incident.place_ids'
		});
	});

	it('an English article’s excerpt is its own translation unless one is given', () => {
		const d = decision();
		d.article.lang = 'en';
		d.statements[0].translation = '';
		const built = buildDrafts(text, d, positions, newId);
		if (!('ok' in built)) throw new Error(built.message);
		expect(built.records[1].body.translation).toMatchObject({ text: text.slice(0, end) });
	});
});

describe('parseDecision', () => {
	it('reads the JSON and names the first field that is wrong', () => {
		expect(parseDecision(JSON.stringify(decision()))).toMatchObject({ ok: true });
		expect(parseDecision('{')).toEqual({ field: 'decision', message: 'is not JSON' });
		expect(parseDecision('{"article":{},"statements":[{"start":"0"}],"claims":[]}')).toMatchObject({
			field: 'statements[0]'
		});
		expect(parseDecision('{"statements":[],"claims":[]}')).toMatchObject({
			field: 'decision.article'
		});
	});
});
