import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userForToken, verifyCredentials } from '../src/lib/server/auth/accounts';
import { openStore } from '../src/lib/server/db/store';
import { freshDatabase } from '../src/lib/server/db/test_engines';
import {
	UsageError,
	firstLine,
	parseTokenAdd,
	parseTokenRevoke,
	parseUserAdd
} from './accounts_cli';

const PASSWORD = 'a long enough passphrase';

describe('account command-line arguments', () => {
	it('user:add takes an address and a role', () => {
		expect(parseUserAdd(['lan@example.org', '--role', 'reviewer'])).toEqual({
			email: 'lan@example.org',
			role: 'reviewer'
		});
		expect(parseUserAdd(['--role=admin', 'lan@example.org'])).toMatchObject({ role: 'admin' });
		expect(() => parseUserAdd(['lan@example.org'])).toThrow('--role is required');
		expect(() => parseUserAdd(['lan@example.org', '--role', 'reader'])).toThrow(
			'--role must be one of editor, reviewer, admin, not "reader"'
		);
		expect(() => parseUserAdd(['lan@example.org', '--role'])).toThrow('--role needs a value');
		expect(() => parseUserAdd(['--role', 'editor'])).toThrow('the argument is missing');
		expect(() => parseUserAdd(['a@x', 'b@x', '--role', 'editor'])).toThrow(UsageError);
		expect(() => parseUserAdd(['a@x', '--role', 'editor', '--password', 'x'])).toThrow(
			'unknown option --password'
		);
	});

	it('token:add takes an address and an optional label; token:revoke one token', () => {
		expect(parseTokenAdd(['lan@example.org'])).toEqual({ email: 'lan@example.org', label: '' });
		expect(parseTokenAdd(['lan@example.org', '--label', 'nightly import'])).toEqual({
			email: 'lan@example.org',
			label: 'nightly import'
		});
		expect(parseTokenRevoke(['atlas_abc'])).toEqual({ token: 'atlas_abc' });
		expect(() => parseTokenRevoke([])).toThrow(UsageError);
	});

	it('the password is the first line of standard input, without its line ending', () => {
		expect(firstLine('a long enough passphrase\r\nsecond')).toBe('a long enough passphrase');
		expect(firstLine('no newline at all')).toBe('no newline at all');
		expect(firstLine('')).toBe('');
	});
});

const SCRIPTS = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
/** Scripts already run once through npm in this file. */
const viaNpm = new Set<string>();

/**
 * Runs `npm run <script> -- args` as a user would, with `input` on standard input: the first run of
 * each script goes through npm itself (proving the script's wiring in package.json), the others
 * run the very command package.json names, `tsx scripts/….ts`, as `node --import tsx` (npm and
 * tsx's own launcher cost about a second of CPU per run, and this file makes two dozen).
 */
function npmRun(env: Record<string, string>, script: string, args: string[], input = '') {
	const options = {
		encoding: 'utf8' as const,
		input,
		env: { ...process.env, DATABASE_URL: '', ...env },
		timeout: 120_000
	};
	let result;
	if (viaNpm.has(script)) {
		const file = /^tsx (scripts\/\w+\.ts)$/.exec(SCRIPTS[script])?.[1];
		if (!file) throw new Error(`package.json's ${script} is not "tsx scripts/<file>.ts"`);
		result = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], options);
	} else {
		viaNpm.add(script);
		result = spawnSync('npm', ['run', '--silent', script, '--', ...args], options);
	}
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Target {
	name: string;
	env: () => Record<string, string>;
}

const targets: Target[] = [];
let dataDir = '';
targets.push({ name: 'an embedded database in DATA_DIR', env: () => ({ DATA_DIR: dataDir }) });
let postgres: { url: string; drop: () => Promise<void> } | null = null;
if (process.env.TEST_DATABASE_URL) {
	targets.push({
		name: 'a PostgreSQL server at DATABASE_URL',
		env: () => ({ DATABASE_URL: postgres!.url, DATA_DIR: '/nonexistent' })
	});
}

describe.each(targets)('the account commands on $name', { timeout: 180_000 }, (target) => {
	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'atlas-accounts-'));
		if (target.name.includes('PostgreSQL'))
			postgres = await freshDatabase(process.env.TEST_DATABASE_URL!);
	}, 60_000);
	afterAll(async () => {
		rmSync(dataDir, { recursive: true, force: true });
		await postgres?.drop();
	});

	async function inStore<T>(fn: (db: Awaited<ReturnType<typeof openStore>>['db']) => Promise<T>) {
		const store = await openStore({ ...target.env() });
		try {
			return await fn(store.db);
		} finally {
			await store.close();
		}
	}

	it('user:add makes an account with the password read from standard input', async () => {
		const r = npmRun(
			target.env(),
			'user:add',
			['Lan@Example.org', '--role', 'editor'],
			PASSWORD + '\n'
		);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(
			/^user:add: lan@example\.org \(editor\) created in .*, id [\w-]{16}\n$/
		);
		expect(r.stdout).not.toContain(PASSWORD);
		const user = await inStore((db) => verifyCredentials(db, 'lan@example.org', PASSWORD));
		expect(user).toMatchObject({ email: 'lan@example.org', role: 'editor' });
	});

	it('user:add refuses a short password with a clear message, exit 1, and makes no account', async () => {
		const r = npmRun(
			target.env(),
			'user:add',
			['minh@example.org', '--role', 'reviewer'],
			'elevenchars\n'
		);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(
			'user:add: the password must be at least 12 characters long (got 11)'
		);
		const empty = npmRun(target.env(), 'user:add', ['minh@example.org', '--role', 'reviewer'], '');
		expect(empty.status).toBe(1);
		expect(empty.stderr).toContain('(got 0)');
		const r2 = npmRun(
			target.env(),
			'user:add',
			['minh@example.org', '--role', 'reviewer'],
			PASSWORD
		);
		expect(r2.status).toBe(0);
	});

	it('user:add refuses a taken address, a bad role (exit 2) and a bad address', () => {
		const taken = npmRun(
			target.env(),
			'user:add',
			['LAN@example.org', '--role', 'admin'],
			PASSWORD
		);
		expect(taken.status).toBe(1);
		expect(taken.stderr).toContain('user:add: an account for lan@example.org already exists');
		const role = npmRun(target.env(), 'user:add', ['x@example.org', '--role', 'reader'], PASSWORD);
		expect(role.status).toBe(2);
		expect(role.stderr).toContain('usage: npm run user:add -- EMAIL --role editor|reviewer|admin');
		const address = npmRun(target.env(), 'user:add', ['no-at-sign', '--role', 'editor'], PASSWORD);
		expect(address.status).toBe(1);
		expect(address.stderr).toContain('not an e-mail address');
	});

	it('token:add prints the token as its last line; it works until token:revoke', async () => {
		const r = npmRun(target.env(), 'token:add', ['lan@example.org', '--label', 'nightly']);
		expect(r.status).toBe(0);
		const lines = r.stdout.trimEnd().split('\n');
		const token = lines.at(-1)!;
		expect(token).toMatch(/^atlas_[\w-]{43}$/);
		expect(lines.length).toBeGreaterThan(1);
		expect(await inStore((db) => userForToken(db, token))).toMatchObject({
			email: 'lan@example.org'
		});
		const revoked = npmRun(target.env(), 'token:revoke', [token]);
		expect(revoked.status).toBe(0);
		expect(await inStore((db) => userForToken(db, token))).toBeNull();
		const again = npmRun(target.env(), 'token:revoke', [token]);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('no such token, or it was already revoked');
	});

	it('token:add refuses an address with no account', () => {
		const r = npmRun(target.env(), 'token:add', ['nobody@example.org']);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('token:add: no account for nobody@example.org');
		expect(r.stdout).toBe('');
	});
});

describe('the account commands and the DATA_DIR lock', { timeout: 120_000 }, () => {
	it('refuse to open the embedded database while another process holds it', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'atlas-accounts-lock-'));
		const store = await openStore({ DATA_DIR: dir });
		try {
			const r = npmRun({ DATA_DIR: dir }, 'token:add', ['lan@example.org']);
			expect(r.status).toBe(1);
			expect(r.stderr).toMatch(
				/DATA_DIR is in use by process \d+: stop the server or use DATABASE_URL/
			);
			const add = npmRun(
				{ DATA_DIR: dir },
				'user:add',
				['lan@example.org', '--role', 'editor'],
				PASSWORD
			);
			expect(add.status).toBe(1);
			expect(add.stderr).toMatch(/DATA_DIR is in use by process/);
		} finally {
			await store.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
