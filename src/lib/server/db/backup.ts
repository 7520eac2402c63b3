import { spawn } from 'node:child_process';
import {
	existsSync,
	openSync,
	readFileSync,
	readSync,
	closeSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { StoreError } from './db';
import { acquireLock } from './lock';
import { dumpPglite, openPglite } from './pglite_db';
import { openPostgres, redactUrl } from './postgres_db';
import { CHANGES_CHANNEL, datasetVersion } from './records';
import { dataDir, pgliteDir } from './store';

type Env = Record<string, string | undefined>;

/** What a backup file holds, from its first bytes. */
export type BackupKind = 'pglite' | 'pg_dump';

/** `pg_dump -Fc` files start with `PGDMP`; PGlite's data-directory dump is a gzipped tar. */
export function backupKind(head: Uint8Array): BackupKind | null {
	if (head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) === 'PGDMP') return 'pg_dump';
	if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
	return null;
}

function readHead(file: string): Uint8Array {
	const fd = openSync(file, 'r');
	try {
		const head = new Uint8Array(8);
		const n = readSync(fd, head, 0, 8, 0);
		return head.subarray(0, n);
	} finally {
		closeSync(fd);
	}
}

/** Writes through a temporary file beside `file`, so a failed backup never leaves half a file. */
function writeAtomically(file: string, write: (tmp: string) => Promise<void>) {
	const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
	return write(tmp).then(
		() => renameSync(tmp, file),
		(error) => {
			rmSync(tmp, { force: true });
			throw error;
		}
	);
}

/**
 * Runs a PostgreSQL client program on `url`, the password passed as `PGPASSWORD` rather than on
 * the command line, where other users of the machine could read it.
 */
function run(
	command: string,
	args: string[],
	url: string
): Promise<{ code: number | null; stderr: string; missing: boolean }> {
	const target = new URL(url);
	const password = decodeURIComponent(target.password);
	target.password = '';
	const env = password ? { ...process.env, PGPASSWORD: password } : process.env;
	return new Promise((resolve) => {
		const child = spawn(command, [...args, '-d', target.toString()], {
			env,
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		child.once('error', (error) =>
			resolve({
				code: null,
				stderr: error.message,
				missing: (error as NodeJS.ErrnoException).code === 'ENOENT'
			})
		);
		child.once('close', (code) => resolve({ code, stderr, missing: false }));
	});
}

/** The first line that says what went wrong, without the tool's `pg_restore: error:` prefix. */
function firstError(stderr: string): string {
	const lines = stderr
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	const line = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? 'no message';
	return line.replace(/^pg_(dump|restore): (error: )?/, '');
}

function needTool(result: { missing: boolean }, tool: string) {
	if (result.missing) {
		throw new StoreError(
			`${tool} not found: install PostgreSQL's client programs (Debian: apt-get install postgresql-client-15)`
		);
	}
}

/**
 * `db:backup`: everything in the store (every table: records, drafts, heads, the revision log,
 * the schema version) into `file`. PostgreSQL through `pg_dump -Fc`; the embedded database as
 * PGlite's data-directory dump, taken under `DATA_DIR`'s lock (so never while a server runs on it).
 */
export async function backupStore(
	env: Env,
	file: string
): Promise<{ kind: BackupKind; bytes: number }> {
	if (env.DATABASE_URL) {
		await writeAtomically(file, async (tmp) => {
			const result = await run('pg_dump', ['-Fc', '--no-owner', '-f', tmp], env.DATABASE_URL!);
			needTool(result, 'pg_dump');
			if (result.code !== 0) {
				throw new StoreError(
					`db:backup: pg_dump of ${redactUrl(env.DATABASE_URL!)} failed: ${firstError(result.stderr)}`
				);
			}
		});
		return { kind: 'pg_dump', bytes: statSync(file).size };
	}
	const dir = dataDir(env);
	const release = acquireLock(dir);
	try {
		if (!hasDatabase(pgliteDir(env))) throw new StoreError(`db:backup: no database in ${dir}`);
		await writeAtomically(file, async (tmp) => {
			writeFileSync(tmp, await dumpPglite(pgliteDir(env)));
		});
	} finally {
		release();
	}
	return { kind: 'pglite', bytes: statSync(file).size };
}

function hasDatabase(dir: string): boolean {
	return existsSync(dir) && readdirSync(dir).length > 0;
}

/**
 * `db:restore`: replaces the store's contents with `file`'s. Checks the whole file first (into a
 * scratch directory for PGlite, in one transaction for PostgreSQL), so a corrupt or truncated
 * file is one {@link StoreError} line and the database is left as it was. Refuses to replace
 * existing data unless `force`, and refuses while a server holds `DATA_DIR`'s lock.
 */
export async function restoreStore(
	env: Env,
	file: string,
	options: { force?: boolean } = {}
): Promise<{ kind: BackupKind; datasetVersion: number }> {
	if (!existsSync(file)) throw new StoreError(`db:restore: ${file} does not exist`);
	const kind = backupKind(readHead(file));
	if (!kind) {
		throw new StoreError(
			`db:restore: ${file} is not a backup (neither a pg_dump -Fc file nor a PGlite data-directory dump)`
		);
	}
	if (env.DATABASE_URL) {
		if (kind !== 'pg_dump') {
			throw new StoreError(
				`db:restore: ${file} is an embedded (PGlite) backup; restore it without DATABASE_URL, into DATA_DIR`
			);
		}
		return { kind, datasetVersion: await restorePostgres(env.DATABASE_URL, file, !!options.force) };
	}
	if (kind !== 'pglite') {
		throw new StoreError(
			`db:restore: ${file} is a PostgreSQL (pg_dump) backup; restore it with DATABASE_URL set`
		);
	}
	return { kind, datasetVersion: await restorePglite(env, file, !!options.force) };
}

async function restorePostgres(url: string, file: string, force: boolean): Promise<number> {
	const db = await openPostgres(url);
	try {
		const [row] = await db.query<{ n: string | number }>(
			`select count(*) as n from pg_tables where schemaname = 'public'`
		);
		if (Number(row.n) > 0 && !force) {
			throw new StoreError(
				`db:restore: the database at ${redactUrl(url)} is not empty; add --force to replace it`
			);
		}
		const args = ['--single-transaction', '--exit-on-error', '--no-owner', file];
		if (force) args.unshift('--clean', '--if-exists');
		const result = await run('pg_restore', args, url);
		needTool(result, 'pg_restore');
		if (result.code !== 0) {
			throw new StoreError(
				`db:restore: ${file} could not be restored (nothing was changed): ${firstError(result.stderr)}`
			);
		}
		const version = await datasetVersion(db);
		await db.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, String(version)]);
		return version;
	} finally {
		await db.close();
	}
}

async function restorePglite(env: Env, file: string, force: boolean): Promise<number> {
	const dir = dataDir(env);
	const target = pgliteDir(env);
	const release = acquireLock(dir);
	const scratch = `${target}.restoring-${process.pid}`;
	try {
		if (hasDatabase(target) && !force) {
			throw new StoreError(
				`db:restore: ${dir} already holds a database; add --force to replace it`
			);
		}
		const bytes = readFileSync(file);
		try {
			gunzipSync(bytes);
		} catch (error) {
			throw new StoreError(
				`db:restore: ${file} is corrupt or truncated (nothing was changed): ${(error as Error).message}`
			);
		}
		rmSync(scratch, { recursive: true, force: true });
		let version: number;
		try {
			const db = await openPglite(scratch, { loadDataDir: new Blob([bytes]) });
			try {
				version = await datasetVersion(db);
			} finally {
				await db.close();
			}
		} catch (error) {
			throw new StoreError(
				`db:restore: ${file} could not be restored (nothing was changed): ${(error as Error).message ?? error}`
			);
		}
		const old = `${target}.replaced-${process.pid}`;
		if (existsSync(target)) renameSync(target, old);
		renameSync(scratch, target);
		rmSync(old, { recursive: true, force: true });
		return version;
	} finally {
		rmSync(scratch, { recursive: true, force: true });
		release();
	}
}
