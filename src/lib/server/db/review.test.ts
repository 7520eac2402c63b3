import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../load';
import type { Source } from '../../data/schema';
import type { Db } from './db';
import { StaleVersion, changeStatus, readLatest, saveVersion } from './editing';
import { applyDataset } from './records';
import {
	NoSuchVersion,
	recordHistory,
	restoreVersion,
	reviewQueue,
	reviewQueueSize
} from './review';
import { engines } from './test_engines';
import { correctionsOf } from './corrections';

const seed = loadDataset('tests/fixtures/valid-min');
const editor = { author: 'user:ed-1' };
const reviewer = { author: 'user:rev-1' };

const newSource = (id: string, title = `Draft source ${id}`): Source => ({
	...structuredClone(seed.sources[0]),
	id,
	title
});

describe.each(engines())('review queue and history on $name', { timeout: 60_000 }, (engine) => {
	let db: Db;
	let drop: () => Promise<void>;
	beforeAll(async () => {
		({ db, drop } = await engine.open());
	}, 120_000);
	afterAll(() => drop());
	beforeEach(async () => {
		await db.exec('truncate heads, records, revisions, users cascade');
		await applyDataset(db, seed, { author: 'system:seed' });
		await db.query(
			`insert into users (id, email, role, password_hash) values
			 ('ed-1', 'ed@example.org', 'editor', 'x'), ('rev-1', 'rev@example.org', 'reviewer', 'x')`
		);
	});

	it('lists the records in review of every collection, who submitted them and since when', async () => {
		expect(await reviewQueue(db)).toEqual([]);
		await saveVersion(db, 'source', 'src-a', newSource('src-a'), null, editor);
		await saveVersion(db, 'source', 'src-b', newSource('src-b'), null, editor);
		await changeStatus(db, 'source', 'src-a', 'in_review', 'editor', { ...editor, reason: '' });
		const published = seed.incidents.features[0];
		const edited = structuredClone(published);
		edited.properties.title = { ...edited.properties.title, en: 'Edited title' };
		const latest = await readLatest(db, 'incident', published.id);
		await saveVersion(db, 'incident', published.id, edited, latest!.version, reviewer);
		await changeStatus(db, 'incident', published.id, 'in_review', 'reviewer', {
			...reviewer,
			reason: ''
		});

		const queue = await reviewQueue(db);
		expect(queue).toMatchObject([
			{
				collection: 'sources',
				id: 'src-a',
				version: 1,
				submittedBy: 'user:ed-1',
				submitterEmail: 'ed@example.org',
				publishedVersion: null
			},
			{
				collection: 'incidents',
				id: published.id,
				version: 2,
				submittedBy: 'user:rev-1',
				submitterEmail: 'rev@example.org',
				publishedVersion: 1
			}
		]);
		expect(Date.parse(queue[0].since)).toBeGreaterThan(Date.now() - 60_000);
		expect(await reviewQueueSize(db)).toBe(2);

		await changeStatus(db, 'source', 'src-a', 'draft', 'reviewer', {
			...reviewer,
			reason: 'Name the publisher'
		});
		expect((await reviewQueue(db)).map((e) => e.id)).toEqual([published.id]);
		expect(await reviewQueueSize(db)).toBe(1);
	});

	it('gives the full history to editors and only public versions to readers, with authors', async () => {
		await saveVersion(db, 'source', 'src-a', newSource('src-a'), null, editor);
		await changeStatus(db, 'source', 'src-a', 'in_review', 'editor', { ...editor, reason: '' });
		await changeStatus(db, 'source', 'src-a', 'draft', 'reviewer', {
			...reviewer,
			reason: 'Name the publisher'
		});
		const full = await recordHistory(db, 'source', 'src-a', { publicOnly: false });
		expect(full.map((e) => [e.version, e.status, e.authorEmail, e.authorRole, e.reason])).toEqual([
			[1, 'draft', 'ed@example.org', 'editor', ''],
			[1, 'in_review', 'ed@example.org', 'editor', ''],
			[1, 'draft', 'rev@example.org', 'reviewer', 'Name the publisher']
		]);
		expect(await recordHistory(db, 'source', 'src-a', { publicOnly: true })).toEqual([]);
		const seeded = await recordHistory(db, 'source', seed.sources[0].id, { publicOnly: true });
		expect(seeded).toMatchObject([{ version: 1, status: 'published', author: 'system:seed' }]);
		expect(seeded[0].authorEmail).toBeNull();
	});

	it('restores an old version as a new draft version, itself a revision', async () => {
		await saveVersion(db, 'source', 'src-a', newSource('src-a', 'First'), null, editor);
		await saveVersion(db, 'source', 'src-a', newSource('src-a', 'Second'), 1, editor);
		expect(await restoreVersion(db, 'source', 'src-a', 1, 2, reviewer)).toEqual({
			version: 3,
			status: 'draft'
		});
		expect((await readLatest(db, 'source', 'src-a'))?.body).toMatchObject({ title: 'First' });
		const history = await recordHistory(db, 'source', 'src-a', { publicOnly: false });
		expect(history.at(-1)).toMatchObject({
			version: 3,
			status: 'draft',
			author: 'user:rev-1',
			reason: 'Restored version 1'
		});
		await expect(restoreVersion(db, 'source', 'src-a', 1, 2, reviewer)).rejects.toThrow(
			StaleVersion
		);
		await expect(restoreVersion(db, 'source', 'src-a', 9, 3, reviewer)).rejects.toThrow(
			NoSuchVersion
		);
	});

	it('tells readers of a correction: an update after publication, and a retraction that stands', async () => {
		const incident = seed.incidents.features[0];
		expect(await correctionsOf(db, 'incident', incident.id)).toEqual({
			retracted: null,
			updatedAt: null
		});
		const edited = structuredClone(incident);
		edited.properties.title = { ...edited.properties.title, en: 'Corrected title' };
		await saveVersion(db, 'incident', incident.id, edited, 1, editor);
		expect((await correctionsOf(db, 'incident', incident.id)).updatedAt).toBeNull();
		await changeStatus(db, 'incident', incident.id, 'in_review', 'editor', {
			...editor,
			reason: ''
		});
		await changeStatus(db, 'incident', incident.id, 'published', 'reviewer', {
			...reviewer,
			reason: ''
		});
		const updated = await correctionsOf(db, 'incident', incident.id);
		expect(updated.retracted).toBeNull();
		expect(Date.parse(updated.updatedAt!)).toBeGreaterThan(Date.now() - 60_000);

		const other = seed.incidents.features[1] ?? incident;
		await changeStatus(db, 'incident', other.id, 'retracted', 'reviewer', {
			...reviewer,
			reason: 'Double-counted with another incident'
		}).catch((e) => {
			throw new Error(`retraction refused: ${e.message}`);
		});
		expect(await correctionsOf(db, 'incident', other.id)).toMatchObject({
			retracted: { reason: 'Double-counted with another incident' },
			updatedAt: null
		});
		expect(await correctionsOf(db, 'incident', 'no-such-incident')).toEqual({
			retracted: null,
			updatedAt: null
		});
	});
});
