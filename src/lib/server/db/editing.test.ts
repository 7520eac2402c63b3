import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../load';
import type { IncidentFeature, PlaceFeature, Source, Statement } from '../../data/schema';
import type { Db } from './db';
import {
	InvalidRecord,
	NoSuchRecord,
	PublishRefused,
	RecordExists,
	StaleVersion,
	StatusRefused,
	changeStatus,
	readLatest,
	readPublished,
	saveVersion
} from './editing';
import { applyDataset, datasetVersion, fullHistory, readPublishedDataset } from './records';
import { engines } from './test_engines';

const seed = loadDataset('tests/fixtures/valid-min');
const editor = { author: 'user:ed-1' };
const reviewer = { author: 'user:rev-1' };

function newSource(id: string): Source {
	return { ...structuredClone(seed.sources[0]), id, title: `Draft source ${id}` };
}
function newPlace(id: string): PlaceFeature {
	const place = structuredClone(seed.places.features[0]);
	return { ...place, id, properties: { ...place.properties, id, name: `Place ${id}` } };
}
function newStatement(id: string, sourceId: string, incidentIds: string[]): Statement {
	return {
		...structuredClone(seed.statements[0]),
		id,
		source_id: sourceId,
		incident_ids: incidentIds
	};
}
function newIncident(
	id: string,
	links: { sources: string[]; statements?: string[]; places?: string[] }
): IncidentFeature {
	const incident = structuredClone(seed.incidents.features[0]);
	incident.id = id;
	incident.properties = {
		...incident.properties,
		id,
		title: { en: `Draft incident ${id}`, vi: `Sự cố nháp ${id}` },
		source_ids: links.sources,
		statement_ids: links.statements ?? [],
		place_ids: links.places ?? [],
		claims: []
	};
	return incident;
}

describe.each(engines())('editing records on $name', { timeout: 60_000 }, (engine) => {
	let db: Db;
	let drop: () => Promise<void>;
	beforeAll(async () => {
		({ db, drop } = await engine.open());
	}, 120_000);
	afterAll(() => drop());
	beforeEach(async () => {
		await db.exec('truncate heads, records, revisions');
		await applyDataset(db, seed, { author: 'system:seed' });
	});

	it('creates a record as draft version 1 that readers do not see', async () => {
		const before = await readPublishedDataset(db);
		const source = newSource('src-new');
		expect(await saveVersion(db, 'source', 'src-new', source, null, editor)).toEqual({
			version: 1,
			status: 'draft'
		});
		expect(await readLatest(db, 'source', 'src-new')).toMatchObject({
			version: 1,
			status: 'draft',
			body: source,
			publishedVersion: null
		});
		expect(await readPublished(db, 'source', 'src-new')).toBeNull();
		expect(await readPublishedDataset(db)).toEqual(before);
		const [revision] = await fullHistory(db, 'source', 'src-new');
		expect(revision).toMatchObject({ version: 1, status: 'draft', author: 'user:ed-1' });
	});

	it('refuses to create a record whose id is taken', async () => {
		const taken = seed.sources[0];
		await expect(saveVersion(db, 'source', taken.id, taken, null, editor)).rejects.toThrow(
			RecordExists
		);
	});

	it('saves against the version edited; a stale version is refused with the current one', async () => {
		await saveVersion(db, 'source', 'src-new', newSource('src-new'), null, editor);
		const v2 = { ...newSource('src-new'), title: 'Second' };
		expect(await saveVersion(db, 'source', 'src-new', v2, 1, editor)).toMatchObject({
			version: 2
		});
		const error = await saveVersion(db, 'source', 'src-new', newSource('src-new'), 1, editor).catch(
			(e) => e
		);
		expect(error).toBeInstanceOf(StaleVersion);
		expect((error as StaleVersion).currentVersion).toBe(2);
		expect((await readLatest(db, 'source', 'src-new'))?.body).toEqual(v2);
		await expect(saveVersion(db, 'source', 'nope', newSource('nope'), 1, editor)).rejects.toThrow(
			NoSuchRecord
		);
	});

	it('two saves against the same version at once: one wins, the other is stale, none is lost silently', async () => {
		await saveVersion(db, 'source', 'src-race', newSource('src-race'), null, editor);
		const a = { ...newSource('src-race'), title: 'Edit A' };
		const b = { ...newSource('src-race'), title: 'Edit B' };
		const results = await Promise.allSettled([
			saveVersion(db, 'source', 'src-race', a, 1, editor),
			saveVersion(db, 'source', 'src-race', b, 1, reviewer)
		]);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r) => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(1);
		expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleVersion);
		const latest = await readLatest(db, 'source', 'src-race');
		expect(latest?.version).toBe(2);
		expect((await fullHistory(db, 'source', 'src-race')).map((r) => r.version)).toEqual([1, 2]);
	});

	it('editing a published record makes a draft over it; readers keep the published version', async () => {
		const published = seed.incidents.features[0];
		const edited = structuredClone(published);
		edited.properties.title.en = 'An edited title';
		expect(await saveVersion(db, 'incident', published.id, edited, 1, editor)).toEqual({
			version: 2,
			status: 'draft'
		});
		expect(await readPublished(db, 'incident', published.id)).toEqual({
			version: 1,
			body: published
		});
		expect(await readLatest(db, 'incident', published.id)).toMatchObject({
			version: 2,
			status: 'draft',
			publishedVersion: 1
		});
		const read = await readPublishedDataset(db);
		expect(read.dataset.incidents.features[0]).toEqual(published);
	});

	it('refuses an invalid draft naming the field as check:data does, and writes nothing', async () => {
		const cases: [string, (i: IncidentFeature) => void, string][] = [
			['bad date', (i) => (i.properties.date = '2020-02-30'), 'date'],
			['bidi control', (i) => (i.properties.title.en = 'evil \u202E txt'), 'title.en'],
			['missing source', (i) => (i.properties.source_ids = ['no-such-source']), 'source_ids[0]'],
			[
				'wrong type',
				(i) => ((i.properties as { uncertainty_m: unknown }).uncertainty_m = '3'),
				'uncertainty_m'
			],
			[
				'outside the extent',
				(i) => (i.geometry = { type: 'Point', coordinates: [10, 10] }),
				'geometry.coordinates'
			]
		];
		const before = await db.query('select count(*)::int as n from revisions');
		for (const [name, spoil, field] of cases) {
			const incident = newIncident('inc-bad', { sources: [seed.sources[0].id] });
			spoil(incident);
			const error = await saveVersion(db, 'incident', 'inc-bad', incident, null, editor).catch(
				(e) => e
			);
			expect(error, name).toBeInstanceOf(InvalidRecord);
			expect(
				(error as InvalidRecord).problems.map((p) => p.field),
				name
			).toContain(field);
		}
		const source = { ...newSource('src-js'), url: 'javascript:alert(1)' };
		const error = await saveVersion(db, 'source', 'src-js', source, null, editor).catch((e) => e);
		expect((error as InvalidRecord).problems).toEqual([
			{ field: 'url', message: 'must be an http(s) URL' }
		]);
		expect(await db.query('select count(*)::int as n from revisions')).toEqual(before);
		expect(await readLatest(db, 'incident', 'inc-bad')).toBeNull();
	});

	it('refuses a body whose id is not the record id', async () => {
		const error = await saveVersion(db, 'source', 'src-a', newSource('src-b'), null, editor).catch(
			(e) => e
		);
		expect((error as InvalidRecord).problems[0].field).toBe('id');
	});

	it('lets a draft link to other drafts', async () => {
		await saveVersion(db, 'source', 'src-d', newSource('src-d'), null, editor);
		const incident = newIncident('inc-d', { sources: ['src-d'] });
		expect(await saveVersion(db, 'incident', 'inc-d', incident, null, editor)).toMatchObject({
			version: 1
		});
	});

	it('moves draft → in review → published by role; publishing takes the linked new drafts along', async () => {
		await saveVersion(db, 'source', 'src-d', newSource('src-d'), null, editor);
		await saveVersion(db, 'place', 'place-d', newPlace('place-d'), null, editor);
		await saveVersion(
			db,
			'incident',
			'inc-d',
			newIncident('inc-d', { sources: ['src-d'], places: ['place-d', 'madagiz'] }),
			null,
			editor
		);
		await saveVersion(
			db,
			'statement',
			'st-d',
			newStatement('st-d', 'src-d', ['inc-d']),
			null,
			editor
		);
		const incident = newIncident('inc-d', {
			sources: ['src-d'],
			places: ['place-d', 'madagiz'],
			statements: ['st-d']
		});
		await saveVersion(db, 'incident', 'inc-d', incident, 1, editor);
		const before = await datasetVersion(db);

		const early = await changeStatus(db, 'incident', 'inc-d', 'published', 'reviewer', {
			...reviewer,
			reason: ''
		}).catch((e) => e);
		expect((early as StatusRefused).refusal.status).toBe(409);

		await changeStatus(db, 'incident', 'inc-d', 'in_review', 'editor', { ...editor, reason: '' });
		const denied = await changeStatus(db, 'incident', 'inc-d', 'published', 'editor', {
			...editor,
			reason: ''
		}).catch((e) => e);
		expect((denied as StatusRefused).refusal.status).toBe(403);
		expect(await datasetVersion(db)).toBe(before);

		const done = await changeStatus(db, 'incident', 'inc-d', 'published', 'reviewer', {
			...reviewer,
			reason: 'checked against the source'
		});
		expect(done).toMatchObject({ id: 'inc-d', version: 2, status: 'published' });
		expect(done.alsoPublished.sort()).toEqual([
			'places/place-d',
			'sources/src-d',
			'statements/st-d'
		]);
		expect(done.datasetVersion).toBeGreaterThan(before);
		const [last] = await db.query<{ n: number }>('select max(revision)::int as n from revisions');
		expect(done.datasetVersion).toBe(last.n);
		const { dataset, version } = await readPublishedDataset(db);
		expect(version).toBe(done.datasetVersion);
		expect(dataset.incidents.features.map((f) => f.id)).toContain('inc-d');
		expect(dataset.sources.map((s) => s.id)).toContain('src-d');
		expect(dataset.statements.map((s) => s.id)).toContain('st-d');
		expect(dataset.places.features.map((f) => f.id)).toContain('place-d');
		expect(
			(await fullHistory(db, 'incident', 'inc-d')).map((r) => [r.version, r.status, r.author])
		).toEqual([
			[1, 'draft', 'user:ed-1'],
			[2, 'draft', 'user:ed-1'],
			[2, 'in_review', 'user:ed-1'],
			[2, 'published', 'user:rev-1']
		]);
		expect((await fullHistory(db, 'source', 'src-d')).at(-1)).toMatchObject({
			status: 'published',
			author: 'user:rev-1'
		});
	});

	it('refuses to publish an incident whose linked draft would not validate once published, naming it, and changes nothing', async () => {
		await saveVersion(db, 'source', 'src-d', newSource('src-d'), null, editor);
		await saveVersion(
			db,
			'incident',
			'inc-other',
			newIncident('inc-other', { sources: ['src-d'] }),
			null,
			editor
		);
		await saveVersion(
			db,
			'statement',
			'st-d',
			newStatement('st-d', 'src-d', ['inc-other']),
			null,
			editor
		);
		await saveVersion(
			db,
			'incident',
			'inc-d',
			newIncident('inc-d', { sources: ['src-d'], statements: ['st-d'] }),
			null,
			editor
		);
		await changeStatus(db, 'incident', 'inc-d', 'in_review', 'editor', { ...editor, reason: '' });
		const before = await datasetVersion(db);
		const error = await changeStatus(db, 'incident', 'inc-d', 'published', 'admin', {
			...reviewer,
			reason: ''
		}).catch((e) => e);
		expect(error).toBeInstanceOf(PublishRefused);
		expect((error as PublishRefused).problems.join('\n')).toMatch(
			/statements\.json: \[\d+\] \(st-d\): incident_ids\[0\] "inc-other" does not exist/
		);
		expect(await datasetVersion(db)).toBe(before);
		expect((await readLatest(db, 'source', 'src-d'))?.status).toBe('draft');
		expect((await readLatest(db, 'incident', 'inc-d'))?.status).toBe('in_review');
	});

	it('saves a draft in English only; publishing it is refused naming the missing Vietnamese, and changes nothing', async () => {
		await saveVersion(db, 'source', 'src-d', newSource('src-d'), null, editor);
		const incident = newIncident('inc-en', { sources: ['src-d'] });
		incident.properties.title = { en: 'Draft incident in English only' };
		incident.properties.summary = { en: 'Summary in English only.' };
		expect(await saveVersion(db, 'incident', 'inc-en', incident, null, editor)).toMatchObject({
			version: 1,
			status: 'draft'
		});
		expect((await readLatest(db, 'incident', 'inc-en'))?.body).toEqual(incident);

		await changeStatus(db, 'incident', 'inc-en', 'in_review', 'editor', { ...editor, reason: '' });
		const before = await datasetVersion(db);
		const error = await changeStatus(db, 'incident', 'inc-en', 'published', 'reviewer', {
			...reviewer,
			reason: ''
		}).catch((e) => e);
		expect(error).toBeInstanceOf(PublishRefused);
		const problems = (error as PublishRefused).problems.join('\n');
		expect(problems).toMatch(/incidents\.geojson: .*\(inc-en\): title\.vi is missing/);
		expect(problems).toMatch(/\(inc-en\): summary\.vi is missing/);
		expect(await datasetVersion(db)).toBe(before);
		expect((await readLatest(db, 'incident', 'inc-en'))?.status).toBe('in_review');
		expect((await readLatest(db, 'source', 'src-d'))?.status).toBe('draft');

		// With its translation added, the same incident publishes.
		incident.properties.title = { en: 'Draft incident in English only', vi: 'Sự cố nháp' };
		incident.properties.summary = { en: 'Summary in English only.', vi: 'Tóm tắt.' };
		await saveVersion(db, 'incident', 'inc-en', incident, 1, editor);
		await changeStatus(db, 'incident', 'inc-en', 'in_review', 'editor', { ...editor, reason: '' });
		expect(
			await changeStatus(db, 'incident', 'inc-en', 'published', 'reviewer', {
				...reviewer,
				reason: ''
			})
		).toMatchObject({ id: 'inc-en', status: 'published' });
	});

	it('moves only the version the caller read when it names one', async () => {
		await saveVersion(db, 'source', 'src-d', newSource('src-d'), null, editor);
		await changeStatus(db, 'source', 'src-d', 'in_review', 'editor', { ...editor, reason: '' }, 1);
		await saveVersion(
			db,
			'source',
			'src-d',
			{ ...newSource('src-d'), title: 'Changed' },
			1,
			editor
		);
		await changeStatus(db, 'source', 'src-d', 'in_review', 'editor', { ...editor, reason: '' });
		const stale = await changeStatus(
			db,
			'source',
			'src-d',
			'published',
			'reviewer',
			{ ...reviewer, reason: '' },
			1
		).catch((e) => e);
		expect(stale).toBeInstanceOf(StaleVersion);
		expect((stale as StaleVersion).currentVersion).toBe(2);
		expect(await readPublished(db, 'source', 'src-d')).toBeNull();
		await changeStatus(
			db,
			'source',
			'src-d',
			'published',
			'reviewer',
			{ ...reviewer, reason: '' },
			2
		);
		expect((await readPublished(db, 'source', 'src-d'))?.version).toBe(2);
	});

	it('sends a record back with a reason, which its history keeps', async () => {
		await saveVersion(db, 'source', 'src-d', newSource('src-d'), null, editor);
		await changeStatus(db, 'source', 'src-d', 'in_review', 'editor', { ...editor, reason: '' });
		const noReason = await changeStatus(db, 'source', 'src-d', 'draft', 'reviewer', {
			...reviewer,
			reason: ' '
		}).catch((e) => e);
		expect((noReason as StatusRefused).refusal.status).toBe(400);
		await changeStatus(db, 'source', 'src-d', 'draft', 'reviewer', {
			...reviewer,
			reason: 'The date is the capture date, not the publication date'
		});
		expect((await fullHistory(db, 'source', 'src-d')).at(-1)).toMatchObject({
			status: 'draft',
			version: 1,
			reason: 'The date is the capture date, not the publication date'
		});
	});

	it('retracts a published record: readers stop seeing it; a record still linked is refused, naming the link', async () => {
		const used = seed.sources[0].id;
		const refused = await changeStatus(db, 'source', used, 'retracted', 'reviewer', {
			...reviewer,
			reason: 'wrong'
		}).catch((e) => e);
		expect(refused).toBeInstanceOf(PublishRefused);
		expect((refused as PublishRefused).problems.join('\n')).toContain(`"${used}" does not exist`);

		const incident = seed.incidents.features[0];
		const edited = structuredClone(incident);
		edited.properties.title.en = 'A pending edit';
		await saveVersion(db, 'incident', incident.id, edited, 1, editor);
		const before = await datasetVersion(db);
		const done = await changeStatus(db, 'incident', incident.id, 'retracted', 'reviewer', {
			...reviewer,
			reason: 'The blast was on another day'
		});
		expect(done).toMatchObject({ version: 3, status: 'retracted' });
		expect(done.datasetVersion).toBeGreaterThan(before);
		expect(done.alsoRetracted.sort()).toEqual(
			seed.statements.map((s) => `statements/${s.id}`).sort()
		);
		expect(await readPublished(db, 'incident', incident.id)).toBeNull();
		const latest = await readLatest(db, 'incident', incident.id);
		expect(latest).toMatchObject({ version: 3, status: 'retracted', publishedVersion: null });
		expect(latest?.body).toEqual(incident);
		const { dataset } = await readPublishedDataset(db);
		expect(dataset.incidents.features.map((f) => f.id)).not.toContain(incident.id);
		expect(dataset.statements).toEqual([]);
		expect((await fullHistory(db, 'incident', incident.id)).at(-1)).toMatchObject({
			status: 'retracted',
			author: 'user:rev-1',
			reason: 'The blast was on another day'
		});
		const again = await changeStatus(db, 'incident', incident.id, 'retracted', 'admin', {
			...reviewer,
			reason: 'twice'
		}).catch((e) => e);
		expect((again as StatusRefused).refusal.status).toBe(409);
	});

	it('edits a layer as a whole file, against its version', async () => {
		const layer = structuredClone(seed.layers['nkao-1923-1991']);
		layer.features[0].properties.method = 'Redrawn from the 1988 map';
		expect(await saveVersion(db, 'layer', 'nkao-1923-1991', layer, 1, editor)).toMatchObject({
			version: 2
		});
		const error = await saveVersion(db, 'layer', 'no-such-layer', layer, null, editor).catch(
			(e) => e
		);
		// The layer's declaration names its own id: stored under another, it is refused.
		expect((error as InvalidRecord).problems[0].field).toBe('layer.id');
	});
});
