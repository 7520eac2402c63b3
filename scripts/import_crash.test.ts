import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../src/lib/server/db/db';
import { importDir } from '../src/lib/server/db/snapshot';
import { openStore } from '../src/lib/server/db/store';
import { freshDatabase } from '../src/lib/server/db/test_engines';
import { acledLines } from './synthetic/acled';

const scratch = mkdtempSync(join(tmpdir(), 'atlas-import-crash-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Rows in the file: enough that the write is still going when the first progress line comes. */
const ROWS = 5_000;
const FILE = join(scratch, 'acled-synthetic.csv');
writeFileSync(FILE, [...acledLines(ROWS, 11)].join('\n') + '\n');

type Env = Record<string, string>;

/** Everything the store holds, as counts and digests: equal before and after means untouched. */
async function fingerprint(db: Queryable) {
	const [row] = await db.query<Record<string, string | number>>(
		`select
		   (select count(*)::int from records) as records,
		   (select count(*)::int from revisions) as revisions,
		   (select count(*)::int from heads) as heads,
		   (select coalesce(max(revision), 0)::int from revisions) as last_revision,
		   (select md5(coalesce(string_agg(kind || '/' || id || '@' || version || ':' || status || ':' || md5(body::text), ',' order by kind, id, version), '')) from records) as records_digest,
		   (select md5(coalesce(string_agg(kind || '/' || id || ':' || coalesce(published_version, 0) || ':' || latest_version || ':' || position, ',' order by kind, id), '')) from heads) as heads_digest`
	);
	return row;
}

async function withStore<T>(env: Env, fn: (db: Db) => Promise<T>): Promise<T> {
	const store = await openStore(env);
	try {
		return await fn(store.db);
	} finally {
		await store.close();
	}
}

/**
 * Starts the real import command on {@link FILE}, waits for its first progress line on stderr
 * (the first batch of rows written inside the transaction, more to come), and kills it with SIGKILL.
 */
async function importThenKill(env: Env): Promise<string> {
	const { DATABASE_URL: _drop, ...base } = process.env;
	void _drop;
	const child = spawn(
		process.execPath,
		['--import', 'tsx', resolve('scripts/import.ts'), FILE, '--format', 'acled'],
		{ env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	let output = '';
	const exited = new Promise<void>((res) => child.once('exit', () => res()));
	const writing = new Promise<string>((res, rej) => {
		child.stderr.on('data', (d) => {
			output += d;
			const m = /import: wrote \d+ records from (\d+) of (\d+) rows/.exec(output);
			if (m && Number(m[1]) < Number(m[2])) {
				child.kill('SIGKILL');
				res(m[0]);
			}
		});
		child.stdout.on('data', (d) => (output += d));
		void exited.then(() => rej(new Error(`the import ended before it was killed:\n${output}`)));
	});
	const line = await writing;
	await exited;
	return line;
}

const places: { name: string; env: () => Promise<{ env: Env; drop: () => Promise<void> }> }[] = [
	{
		name: 'DATA_DIR (PGlite)',
		env: async () => ({
			env: { DATA_DIR: mkdtempSync(join(scratch, 'data-')) },
			drop: async () => {}
		})
	}
];
if (process.env.TEST_DATABASE_URL) {
	const baseUrl = process.env.TEST_DATABASE_URL;
	places.push({
		name: 'DATABASE_URL (PostgreSQL)',
		env: async () => {
			const fresh = await freshDatabase(baseUrl);
			return {
				env: { DATABASE_URL: fresh.url, DATA_DIR: join(scratch, 'unused') },
				drop: fresh.drop
			};
		}
	});
} else console.warn('import_crash.test: TEST_DATABASE_URL unset; the PostgreSQL half is skipped');

describe.each(places)('kill -9 of npm run import on $name', (place) => {
	it(`leaves the database exactly as it was, and the same import then completes`, async () => {
		const { env, drop } = await place.env();
		try {
			await withStore(env, (db) => importDir(db, 'tests/fixtures/valid-min'));
			const before = await withStore(env, fingerprint);
			const line = await importThenKill(env);
			expect(line).toMatch(/^import: wrote \d+ records from 1000 of 5000 rows$/);
			expect(await withStore(env, fingerprint)).toEqual(before);

			const { DATABASE_URL: _drop, ...base } = process.env;
			void _drop;
			const done = await new Promise<{ code: number | null; out: string }>((res) => {
				const child = spawn(
					process.execPath,
					['--import', 'tsx', resolve('scripts/import.ts'), FILE, '--format', 'acled', '--json'],
					{ env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }
				);
				let out = '';
				child.stdout.on('data', (d) => (out += d));
				child.stderr.on('data', (d) => (out += d));
				child.once('exit', (code) => res({ code, out }));
			});
			expect(done.code, done.out).toBe(0);
			const report = JSON.parse(done.out.trim().split('\n').at(-1)!);
			expect(report).toMatchObject({ rows: ROWS, new: ROWS, invalid: 0, written: true });
			const after = await withStore(env, fingerprint);
			expect(Number(after.heads)).toBeGreaterThan(Number(before.heads) + ROWS);
		} finally {
			await drop();
		}
	}, 600_000);
});
