import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentFeature, Source, Statement } from '../../data/schema';
import { loadDataset } from '../load';
import type { Db } from './db';
import { InvalidRecord, readLatest, saveNewDrafts, type NewDraft } from './editing';
import { putSnapshot, readExcerpt } from './evidence';
import { applyDataset } from './records';
import { engines } from './test_engines';

const seed = loadDataset('tests/fixtures/valid-min');
const editor = { author: 'user:ed-1' };
const TEXT = 'Ngày 23/11, Bộ Quốc phòng Nga cho biết một vụ nổ mìn.\nĐoạn sau.';
const QUOTE = 'Ngày 23/11, Bộ Quốc phòng Nga cho biết một vụ nổ mìn.';

/** A source, a statement quoting its snapshot and an incident linking both: new records linking each other. */
function set(quote = QUOTE): NewDraft[] {
	const source: Source = { ...structuredClone(seed.sources[0]), id: 'src-new' };
	const statement: Statement = {
		...structuredClone(seed.statements[0]),
		id: 'st-new',
		quote: { lang: 'vi', text: quote },
		source_id: 'src-new',
		incident_ids: ['inc-new']
	};
	const base = structuredClone(seed.incidents.features[0]);
	const incident: IncidentFeature = {
		...base,
		id: 'inc-new',
		properties: {
			...base.properties,
			id: 'inc-new',
			source_ids: ['src-new'],
			statement_ids: ['st-new'],
			claims: []
		}
	};
	return [
		{ kind: 'incident', id: 'inc-new', body: incident },
		{ kind: 'statement', id: 'st-new', body: statement },
		{ kind: 'source', id: 'src-new', body: source }
	];
}

describe.each(engines())('saveNewDrafts on $name', { timeout: 60_000 }, (engine) => {
	let db: Db;
	let drop: () => Promise<void>;
	beforeAll(async () => {
		({ db, drop } = await engine.open());
	}, 120_000);
	afterAll(() => drop());
	beforeEach(async () => {
		await db.exec('truncate heads, records, revisions, statement_excerpts, source_snapshots');
		await applyDataset(db, seed, { author: 'system:seed' });
	});

	const snapshot =
		(text: string) => (tx: Parameters<NonNullable<Parameters<typeof saveNewDrafts>[3]>>[0]) =>
			putSnapshot(tx, 'src-new', { text, origin: 'pasted', author: editor.author }).then(() => {});

	it('saves records that link each other as drafts, the excerpt as a range of the snapshot put with them', async () => {
		await saveNewDrafts(db, set(), editor, snapshot(TEXT));
		for (const [kind, id] of [
			['source', 'src-new'],
			['statement', 'st-new'],
			['incident', 'inc-new']
		]) {
			expect(await readLatest(db, kind, id)).toMatchObject({ version: 1, status: 'draft' });
		}
		const excerpt = await readExcerpt(db, 'st-new');
		expect(excerpt).toMatchObject({ start: 0, end: QUOTE.length, text: QUOTE });
	});

	it('saves nothing, snapshot included, when one excerpt is not in the text', async () => {
		await expect(
			saveNewDrafts(db, set('Không có trong bài.'), editor, snapshot(TEXT))
		).rejects.toThrow(InvalidRecord);
		expect(await readLatest(db, 'source', 'src-new')).toBeNull();
		expect(await readLatest(db, 'incident', 'inc-new')).toBeNull();
		const [row] = await db.query<{ n: number }>('select count(*)::int as n from source_snapshots');
		expect(Number(row.n)).toBe(0);
	});

	it('saves nothing when one record does not validate, naming its field', async () => {
		const records = set();
		(records[0].body as IncidentFeature).properties.place_ids = ['no-such-place'];
		const error = await saveNewDrafts(db, records, editor, snapshot(TEXT)).catch((e) => e);
		expect(error).toBeInstanceOf(InvalidRecord);
		expect(JSON.stringify(error.problems)).toContain('place_ids');
		expect(await readLatest(db, 'statement', 'st-new')).toBeNull();
	});
});
