import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statement as statementSchema } from '$lib/data/schema';
import { OUR_TRANSLATION, emptyStatement, statementOfForm } from './statement_form';

const SNAPSHOT =
	'Ngày 23/11, Bộ Quốc phòng Nga cho biết, 1 binh sĩ gìn giữ hòa bình nước này đã bị thương.';
const EXCERPT = 'Bộ Quốc phòng Nga cho biết, 1 binh sĩ gìn giữ hòa bình nước này đã bị thương.';
const organizations = JSON.parse(readFileSync('geodata/organizations.json', 'utf8')) as {
	id: string;
}[];

const FILLED = {
	...emptyStatement(),
	sourceId: 'source-0a1b2c3d4e',
	speakerName: 'Ministry of Defence of Russia',
	speakerRole: 'ministry press service',
	organizationId: 'ru-ministry-of-defence',
	saidOn: '2020-11-23',
	via: 'official report relayed by the press',
	form: 'reported' as const,
	quoteLang: 'vi ',
	translation: 'The Russian Ministry of Defence said one peacekeeper was wounded.',
	topics: 'casualty-report\n\n mine-explosion \n'
};

describe('statementOfForm', () => {
	it('makes a statement in the dataset format, its excerpt the chosen range of the snapshot, its translation ours', () => {
		const start = SNAPSHOT.indexOf(EXCERPT);
		const body = statementOfForm(
			FILLED,
			{ text: SNAPSHOT, range: { start, end: start + EXCERPT.length } },
			'2020-11-23-0a1b2c3d4e'
		);
		expect(body).toEqual({
			speaker: {
				name: 'Ministry of Defence of Russia',
				role: 'ministry press service',
				organization_id: 'ru-ministry-of-defence'
			},
			said_on: '2020-11-23',
			date_precision: 'day',
			via: 'official report relayed by the press',
			form: 'reported',
			quote: { lang: 'vi', text: EXCERPT },
			translation: {
				lang: 'en',
				text: 'The Russian Ministry of Defence said one peacekeeper was wounded.',
				by: OUR_TRANSLATION
			},
			source_id: 'source-0a1b2c3d4e',
			incident_ids: ['2020-11-23-0a1b2c3d4e'],
			topics: ['casualty-report', 'mine-explosion']
		});
		expect(organizations.map((o) => o.id)).toContain('ru-ministry-of-defence');
		expect(statementSchema.safeParse({ ...body, id: 'st-x' }).success).toBe(true);
	});

	it('sends an empty excerpt when nothing is chosen, which the schema refuses at quote.text', () => {
		const body = statementOfForm(FILLED, { text: SNAPSHOT, range: null }, 'i');
		expect(body.quote).toEqual({ lang: 'vi', text: '' });
		const result = statementSchema.safeParse({ ...body, id: 'st-x' });
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['quote.text']);
	});

	it('keeps a note, and leaves out an empty one', () => {
		const range = { start: 0, end: 4 };
		expect(
			statementOfForm({ ...FILLED, note: 'Via TASS.' }, { text: SNAPSHOT, range }, 'i').note
		).toBe('Via TASS.');
		expect('note' in statementOfForm(FILLED, { text: SNAPSHOT, range }, 'i')).toBe(false);
	});
});
