import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../load';
import type { Dataset } from '../../data/schema';
import type { Db } from './db';
import {
	checkedRecords,
	datasetToRecords,
	kindsToDataset,
	kindsToFiles,
	recordsToFiles
} from './dataset_records';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import {
	RecordRejected,
	applyDataset,
	datasetVersion,
	fullHistory,
	isEmpty,
	publicHistory,
	publicRevisionsSince,
	publishLatest,
	readPublishedDataset,
	readPublishedKinds,
	readPublishedRows,
	saveDraft
} from './records';
import { engines } from './test_engines';

const seed = loadDataset('tests/fixtures/valid-min');
const clone = (d: Dataset): Dataset => structuredClone(d);

describe('checking the records of one stored text', () => {
	it('gives each record as its schema gives it back, or null for any record or text that does not pass', () => {
		const [first, second] = seed.sources;
		const { id, ...rest } = second;
		const stored = [first, { note: 'x', ...rest, publisher: ` ${rest.publisher} `, id }];
		const text = stored.map((r) => JSON.stringify(r)).join(',');
		const records = checkedRecords('source', text);
		expect(JSON.stringify(records)).toBe(JSON.stringify([first, second]));
		const incident = seed.incidents.features[0];
		const bad = { ...incident, properties: { ...incident.properties, date: '2021-02-29' } };
		expect(checkedRecords('incident', JSON.stringify(incident))).toEqual([incident]);
		expect(checkedRecords('incident', `${JSON.stringify(incident)},${JSON.stringify(bad)}`)).toBe(
			null
		);
		expect(checkedRecords('incident', '{"type":')).toBe(null);
		expect(checkedRecords('no-such-kind', '{}')).toBe(null);
		expect(checkedRecords('meta', JSON.stringify(seed.meta))).toEqual([seed.meta]);
	});
});

describe.each(engines())('the record store on $name', { timeout: 60_000 }, (engine) => {
	let db: Db;
	let drop: () => Promise<void>;
	beforeAll(async () => {
		({ db, drop } = await engine.open());
	}, 120_000);
	afterAll(() => drop());
	beforeEach(() => db.exec('truncate heads, records, revisions'));

	it('migrates idempotently: a second run applies nothing', async () => {
		expect(await migrate(db)).toEqual([]);
		expect(await isEmpty(db)).toBe(true);
		expect(await datasetVersion(db)).toBe(0);
	});

	it('seeds every record as a published revision and reads the same dataset back', async () => {
		const report = await applyDataset(db, seed, { author: 'system:seed' });
		const records = datasetToRecords(seed);
		expect(report).toMatchObject({ created: records.length, changed: 0, retracted: 0 });
		expect(report.datasetVersion).toBe(records.length);
		const back = await readPublishedDataset(db);
		expect(back.version).toBe(records.length);
		expect(back.dataset).toEqual(seed);
		expect(JSON.stringify(back.dataset)).toBe(JSON.stringify(seed));
	});

	it('an unchanged import makes no revision; a change, an addition and a removal make one each', async () => {
		await applyDataset(db, seed, { author: 'system:seed' });
		const before = await datasetVersion(db);
		expect(await applyDataset(db, seed, { author: 'cli:db:import' })).toMatchObject({
			created: 0,
			changed: 0,
			retracted: 0,
			datasetVersion: before
		});
		const next = clone(seed);
		const incident = next.incidents.features[0];
		incident.properties.summary.en = 'A changed summary.';
		const removed = next.sources.pop()!;
		for (const f of next.incidents.features)
			f.properties.source_ids = f.properties.source_ids.filter((s) => s !== removed.id);
		for (const s of next.statements) expect(s.source_id).not.toBe(removed.id);
		const report = await applyDataset(db, next, { author: 'cli:db:import', reason: 'test' });
		expect(report.retracted).toBe(1);
		expect(report.created).toBe(0);
		expect(report.changed).toBeGreaterThanOrEqual(1);
		expect(report.datasetVersion).toBe(before + report.changed + report.retracted);
		expect((await readPublishedDataset(db)).dataset).toEqual(next);
		const history = await publicHistory(db, 'incident', incident.id);
		expect(history.map((h) => [h.version, h.status, h.author])).toEqual([
			[1, 'published', 'system:seed'],
			[2, 'published', 'cli:db:import']
		]);
		expect((history[1].body as typeof incident).properties.summary.en).toBe('A changed summary.');
		const gone = await publicHistory(db, 'source', removed.id);
		expect(gone.map((h) => h.status)).toEqual(['published', 'retracted']);
	});

	it('reads the published records one text per kind: the same files as row by row, in file order, without drafts or retracted records', async () => {
		await applyDataset(db, seed, { author: 'system:seed' });
		const next = clone(seed);
		// File order now differs from both the id order and the order the records were written in.
		next.places.features.reverse();
		next.statements.reverse();
		const removed = next.sources.pop()!;
		for (const f of next.incidents.features)
			f.properties.source_ids = f.properties.source_ids.filter((s) => s !== removed.id);
		await applyDataset(db, next, { author: 'cli:db:import' });
		const draft = clone(next).incidents.features[0];
		draft.properties.title.en = 'Draft title';
		await saveDraft(db, 'incident', draft.id, draft, { author: 'user:test' });

		const files = kindsToFiles(await readPublishedKinds(db));
		expect(files).toEqual(recordsToFiles(await readPublishedRows(db)));
		// Two positions to a text: the three places come in two texts, joined in order.
		expect(kindsToFiles(await readPublishedKinds(db, 2))).toEqual(files);
		await expect(readPublishedKinds(db, 0)).rejects.toThrow(/chunk 0/);
		expect(JSON.parse(files.get('incidents.geojson')!)).toEqual(next.incidents);
		const places = JSON.parse(files.get('places.geojson')!);
		expect(places.features.map((f: { id: string }) => f.id)).toEqual(
			seed.places.features.map((f) => f.id).reverse()
		);
		expect(places).toEqual(next.places);
		expect(JSON.parse(files.get('statements.json')!)).toEqual(next.statements);
		expect(JSON.parse(files.get('sources.json')!)).toEqual(next.sources);
		expect(JSON.parse(files.get('meta.json')!)).toEqual(next.meta);
		for (const [id, layer] of Object.entries(next.layers))
			expect(JSON.parse(files.get(`layers/${id}.geojson`)!)).toEqual(layer);
		expect(files.get('incidents.geojson')).not.toContain('Draft title');
		expect((await readPublishedDataset(db)).dataset).toEqual(next);
	});

	it('keeps serving the published version while a newer draft exists, until it is published', async () => {
		await applyDataset(db, seed, { author: 'system:seed' });
		const version = await datasetVersion(db);
		const edited = clone(seed).incidents.features[0];
		edited.properties.title.en = 'Draft title';
		expect(await saveDraft(db, 'incident', edited.id, edited, { author: 'user:test' })).toBe(2);
		const read = await readPublishedDataset(db);
		expect(read.version).toBe(version);
		expect(read.dataset.incidents.features[0].properties.title.en).toBe(
			seed.incidents.features[0].properties.title.en
		);
		expect(await publicRevisionsSince(db, version, 100)).toEqual([]);
		expect((await fullHistory(db, 'incident', edited.id)).map((h) => h.status)).toEqual([
			'published',
			'draft'
		]);
		const revision = await publishLatest(db, 'incident', edited.id, { author: 'user:test' });
		expect(revision).toBe(version + 2);
		const after = await readPublishedDataset(db);
		expect(after.version).toBe(revision);
		expect(after.dataset.incidents.features[0].properties.title.en).toBe('Draft title');
		expect((await publicRevisionsSince(db, version, 100)).map((r) => r.revision)).toEqual([
			revision
		]);
	});

	it('refuses a draft that would not validate and writes nothing', async () => {
		await applyDataset(db, seed, { author: 'system:seed' });
		const bad = clone(seed).incidents.features[0];
		bad.properties.source_ids = ['no-such-source'];
		await expect(saveDraft(db, 'incident', bad.id, bad, { author: 'user:test' })).rejects.toThrow(
			RecordRejected
		);
		expect((await fullHistory(db, 'incident', bad.id)).length).toBe(1);
	});

	it('keeps a body as the JSON text it was written as (json, not jsonb), drafts too', async () => {
		await applyDataset(db, seed, { author: 'system:seed' });
		const [meta] = await db.query<{ text: string; type: string }>(
			`select body::text as text, pg_typeof(body)::text as type from records where kind = 'meta'`
		);
		expect(meta).toEqual({ text: JSON.stringify(seed.meta), type: 'json' });
		const { id, ...rest } = clone(seed).sources[0];
		const reordered = { ...rest, id };
		await saveDraft(db, 'source', id, reordered, { author: 'user:test' });
		const [draft] = await db.query<{ text: string }>(
			`select body::text as text from records where kind = 'source' and id = $1 and version = 2`,
			[id]
		);
		expect(draft.text).toBe(JSON.stringify(reordered));
		// An unchanged import compares values, not texts: no revision for the same record.
		const before = await datasetVersion(db);
		expect((await applyDataset(db, seed, { author: 'cli:db:import' })).datasetVersion).toBe(before);
	});

	it('refuses a stored record that does not validate with the error lines of a dataset directory', async () => {
		await applyDataset(db, seed, { author: 'system:seed' });
		const bad = clone(seed).incidents.features[0];
		bad.properties.date = '2020-02-30';
		await db.query(`update records set body = $1::text::json where kind = 'incident' and id = $2`, [
			JSON.stringify(bad),
			bad.id
		]);
		const { errors } = kindsToDataset(await readPublishedKinds(db));
		expect(errors).toEqual([
			`database:incidents.geojson: features[0] (${bad.id}): date is not a real calendar date`
		]);
		await expect(readPublishedDataset(db)).rejects.toThrow(
			`The stored dataset does not validate:\n${errors.join('\n')}`
		);
	});

	it('serves a stored record its schema gives back otherwise (trimmed, fields dropped or in order) as validating its text does', async () => {
		await applyDataset(db, seed, { author: 'system:seed' });
		const { id, ...rest } = clone(seed).sources[1];
		const stored = { note: 'not in the schema', ...rest, publisher: ` ${rest.publisher}  `, id };
		await db.query(`update records set body = $1::text::json where kind = 'source' and id = $2`, [
			JSON.stringify(stored),
			id
		]);
		const expected = kindsToDataset(await readPublishedKinds(db)).dataset!;
		expect(expected.sources[1]).toEqual(seed.sources[1]);
		const read = await readPublishedDataset(db);
		expect(JSON.stringify(read.dataset)).toBe(JSON.stringify(expected));
		expect(JSON.stringify(read.dataset)).toBe(JSON.stringify(seed));
	});

	it('migration 6 keeps every body as json, the dataset read back the same', async () => {
		const old = await engine.open(MIGRATIONS.filter((m) => m.version < 6));
		try {
			await applyDataset(old.db, seed, { author: 'system:seed' });
			const [before] = await old.db.query<{ type: string }>(
				`select pg_typeof(body)::text as type from records limit 1`
			);
			expect(before.type).toBe('jsonb');
			expect(await migrate(old.db)).toEqual([6]);
			const types = await old.db.query<{ type: string }>(
				`select distinct pg_typeof(body)::text as type from records`
			);
			expect(types).toEqual([{ type: 'json' }]);
			const read = await readPublishedDataset(old.db);
			expect(JSON.stringify(read.dataset)).toBe(JSON.stringify(seed));
			expect((await applyDataset(old.db, seed, { author: 'cli:db:import' })).changed).toBe(0);
		} finally {
			await old.drop();
		}
	});

	it('keeps the revision log append-only', async () => {
		await applyDataset(db, seed, { author: 'system:seed' });
		await expect(db.query(`update revisions set author = 'x'`)).rejects.toThrow(/append-only/);
		await expect(db.query('delete from revisions')).rejects.toThrow(/append-only/);
	});

	it('lists public revisions after N in order', async () => {
		await applyDataset(db, seed, { author: 'system:seed' });
		const all = await publicRevisionsSince(db, 0, 1000);
		expect(all.map((r) => r.revision)).toEqual(all.map((_, i) => i + 1));
		expect((await publicRevisionsSince(db, 3, 2)).map((r) => r.revision)).toEqual([4, 5]);
	});
});
