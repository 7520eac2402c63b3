import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteThread } from './pglite_db';

/**
 * PGlite on its own thread (openPglite's default): what crosses between the threads, and how the
 * thread ends. One database for the first tests (each PGlite start runs initdb, seconds).
 */
describe('openPglite on a thread of its own', () => {
	let db: Awaited<ReturnType<typeof openPgliteThread>>;
	beforeAll(async () => {
		db = await openPgliteThread(undefined);
	});
	afterAll(() => db.close());

	it("keeps a database error's fields, and rolls back a transaction that throws", async () => {
		await db.exec('create table t (k integer primary key, at timestamptz, j jsonb)');
		await db.query('insert into t values (1, $1, $2)', [
			new Date('2026-01-02T03:04:05Z'),
			JSON.stringify({ a: [1, 2] })
		]);
		const error = await db.query('insert into t (k) values (1)').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(Error);
		expect(error).toMatchObject({
			message: 'duplicate key value violates unique constraint "t_pkey"',
			code: '23505',
			constraint: 't_pkey',
			table: 't'
		});
		await expect(
			db.transaction(async (tx) => {
				await tx.query('insert into t (k) values (2)');
				throw new Error('changed my mind');
			})
		).rejects.toThrow('changed my mind');
		expect(await db.transaction((tx) => tx.query('select k, at, j from t'))).toEqual([
			{ k: 1, at: new Date('2026-01-02T03:04:05Z'), j: { a: [1, 2] } }
		]);
	});

	it('hands over notifications until the listener stops', async () => {
		const payloads: string[] = [];
		let heard: () => void = () => {};
		const stop = await db.listen('atlas_test', (payload) => {
			payloads.push(payload);
			heard();
		});
		await new Promise<void>((resolve) => {
			heard = resolve;
			void db.query(`select pg_notify('atlas_test', 'one')`);
		});
		await stop();
		await db.query(`select pg_notify('atlas_test', 'two')`);
		await db.query('select 1');
		expect(payloads).toEqual(['one']);
	});

	it('ends the thread on close, and refuses calls after', async () => {
		const exited = new Promise((resolve) => db.worker.once('exit', resolve));
		await db.close();
		await exited;
		await expect(db.query('select 1')).rejects.toThrow("PGlite's thread is closed");
	});
});

describe('openPglite on a thread that stops', () => {
	it('rejects what is pending, and every call after', async () => {
		const db = await openPgliteThread(undefined);
		const pending = db.query('select pg_sleep(30)');
		await new Promise((resolve) => setTimeout(resolve, 100));
		await db.worker.terminate();
		await expect(pending).rejects.toThrow(
			"PGlite's thread stopped (exit code 1) before it answered"
		);
		await expect(db.query('select 1')).rejects.toThrow("PGlite's thread stopped");
		await db.close();
	});
});
