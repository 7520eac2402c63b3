import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupStore, restoreStore } from './backup';
import { StoreError } from './db';
import { acquireLock } from './lock';
import {
	CHANGES_CHANNEL,
	fullHistory,
	publishLatest,
	readPublishedDataset,
	saveDraft
} from './records';
import { importDir } from './snapshot';
import { openPostgres } from './postgres_db';
import { openStore } from './store';
import { engines, freshDatabase } from './test_engines';

const scratch = mkdtempSync(join(tmpdir(), 'atlas-backup-'));
/** Generous: removing several PGlite data directories takes seconds on a loaded machine. */
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000);

type Env = Record<string, string>;

/** Every row of every table, as text, in a fixed order: what a restore must give back exactly. */
async function everything(env: Env): Promise<Record<string, string[]>> {
	const store = await openStore(env);
	try {
		const tables = await store.db.query<{ tablename: string }>(
			`select tablename from pg_tables where schemaname = 'public' order by tablename`
		);
		const out: Record<string, string[]> = {};
		for (const { tablename } of tables) {
			const rows = await store.db.query<{ row: string }>(
				`select row_to_json(t)::text as row from ${tablename} t order by 1`
			);
			out[tablename] = rows.map((r) => r.row);
		}
		return out;
	} finally {
		await store.close();
	}
}

/** valid-min imported, then an incident published a second time and then edited as a draft. */
async function seed(env: Env) {
	const store = await openStore(env);
	try {
		await importDir(store.db, 'tests/fixtures/valid-min');
		const { dataset } = await readPublishedDataset(store.db);
		const [first] = dataset.incidents.features;
		const published = structuredClone(first);
		published.properties.title.en = 'Second published title';
		await saveDraft(store.db, 'incident', published.id, published, { author: 'user:a' });
		await publishLatest(store.db, 'incident', published.id, { author: 'user:b', reason: 'fix' });
		const draft = structuredClone(published);
		draft.properties.title.en = 'Unpublished draft title';
		await saveDraft(store.db, 'incident', draft.id, draft, { author: 'user:c' });
		return first.id;
	} finally {
		await store.close();
	}
}

const cleanups: (() => Promise<void>)[] = [];
// Dropping the test databases can take longer than the 10 s default on a loaded machine.
afterAll(async () => {
	for (const cleanup of cleanups) await cleanup();
}, 120_000);

describe.each(engines())('db:backup and db:restore on $name', { timeout: 120_000 }, (engine) => {
	/** A fresh empty store of this engine: a new DATA_DIR, or a new database on the server. */
	async function freshEnv(): Promise<Env> {
		if (engine.name === 'pglite') return { DATA_DIR: mkdtempSync(join(scratch, 'data-')) };
		const fresh = await freshDatabase(process.env.TEST_DATABASE_URL!);
		cleanups.push(fresh.drop);
		return { DATABASE_URL: fresh.url };
	}

	it('a restore into a fresh store gives back every table exactly: records, heads, drafts, revisions', async () => {
		const source = await freshEnv();
		const id = await seed(source);
		const before = await everything(source);
		expect(before.revisions.length).toBeGreaterThan(2);
		expect(before.records.some((r) => r.includes('Unpublished draft title'))).toBe(true);
		const file = join(scratch, `${engine.name}-roundtrip.backup`);
		await backupStore(source, file);

		const target = await freshEnv();
		const heard: string[] = [];
		let stop = async () => {};
		if (target.DATABASE_URL) {
			const listener = await openPostgres(target.DATABASE_URL);
			const unlisten = await listener.listen(CHANGES_CHANNEL, (p) => heard.push(p));
			stop = async () => {
				await unlisten();
				await listener.close();
			};
		}
		const { datasetVersion } = await restoreStore(target, file);
		expect(await everything(target)).toEqual(before);
		if (target.DATABASE_URL) {
			await expect.poll(() => heard, { timeout: 5000 }).toEqual([String(datasetVersion)]);
		}
		await stop();
		const store = await openStore(target);
		try {
			const history = await fullHistory(store.db, 'incident', id);
			expect(history.map((h) => [h.status, h.author])).toEqual([
				['published', 'cli:db:import'],
				['draft', 'user:a'],
				['published', 'user:b'],
				['draft', 'user:c']
			]);
			const { dataset } = await readPublishedDataset(store.db);
			expect(dataset.incidents.features[0].properties.title.en).toBe('Second published title');
		} finally {
			await store.close();
		}
	});

	it('refuses a store that holds data unless forced, then replaces it', async () => {
		const source = await freshEnv();
		await seed(source);
		const file = join(scratch, `${engine.name}-force.backup`);
		await backupStore(source, file);
		const expected = await everything(source);

		const target = await freshEnv();
		const store = await openStore(target);
		await importDir(store.db, 'tests/fixtures/valid-min');
		await store.close();
		const untouched = await everything(target);
		const error = await restoreStore(target, file).catch((e) => e);
		expect(error).toBeInstanceOf(StoreError);
		expect(error.message).toMatch(/--force/);
		expect(error.message.split('\n')).toHaveLength(1);
		expect(await everything(target)).toEqual(untouched);

		await restoreStore(target, file, { force: true });
		expect(await everything(target)).toEqual(expected);
	});

	it('a truncated or corrupt file is one line, and the database is left as it was', async () => {
		const source = await freshEnv();
		await seed(source);
		const file = join(scratch, `${engine.name}-whole.backup`);
		await backupStore(source, file);
		const bytes = readFileSync(file);
		const truncated = join(scratch, `${engine.name}-truncated.backup`);
		writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
		const garbage = join(scratch, `${engine.name}-garbage.backup`);
		writeFileSync(garbage, 'not a backup at all\n');
		const before = await everything(source);
		for (const bad of [truncated, garbage]) {
			const error = await restoreStore(source, bad, { force: true }).catch((e) => e);
			expect(error, bad).toBeInstanceOf(StoreError);
			expect(error.message.split('\n'), bad).toHaveLength(1);
			expect(error.message, bad).toContain(bad);
			expect(await everything(source)).toEqual(before);
		}
		const cli = spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/db_restore.ts', truncated, '--force'],
			{
				env: { ...process.env, DATA_DIR: '', DATABASE_URL: '', ...source },
				encoding: 'utf8'
			}
		);
		expect(cli.status).toBe(1);
		expect(cli.stderr.trim().split('\n')).toHaveLength(1);
		expect(await everything(source)).toEqual(before);
	});
});

/** Only the embedded database has a DATA_DIR to lock; a PostgreSQL server takes any number of clients. */
describe('db:backup and db:restore on an embedded DATA_DIR held by a server', () => {
	it(
		'refuses while a server holds DATA_DIR, with the lock line',
		{ timeout: 120_000 },
		async () => {
			const env = { DATA_DIR: mkdtempSync(join(scratch, 'data-')) };
			await seed(env);
			const file = join(scratch, 'locked.backup');
			await backupStore(env, file);
			const release = acquireLock(env.DATA_DIR, process.ppid);
			try {
				for (const attempt of [
					() => restoreStore(env, file, { force: true }),
					() => backupStore(env, join(scratch, 'never.backup'))
				]) {
					const error = await attempt().catch((e) => e);
					expect(error).toBeInstanceOf(StoreError);
					expect(error.message).toBe(
						`DATA_DIR is in use by process ${process.ppid}: stop the server or use DATABASE_URL`
					);
				}
			} finally {
				release();
			}
		}
	);
});
