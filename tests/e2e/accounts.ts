import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/lib/server/auth/user';
import { SEEDED_DATA_DIR_ENV, startServer, type RunningServer } from './server';

/** A passphrase long enough for `user:add` (12 characters at least). */
export const PASSPHRASE = 'correct horse battery staple';

/** Runs `npm run <script> -- args` as an operator would, with `input` on standard input. */
function npmRun(
	env: Record<string, string>,
	script: string,
	args: string[],
	input = '',
	timeout = 120_000
): string {
	const result = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
		encoding: 'utf8',
		input,
		env: { ...process.env, DATABASE_URL: '', ...env },
		timeout
	});
	if (result.status !== 0) {
		throw new Error(
			`npm run ${script} failed (${result.status}):\n${result.stdout}${result.stderr}`
		);
	}
	return result.stdout;
}

/** The editorial roles, one account each, named `<role>@example.org`. */
export const EDITORIAL_ROLES: readonly Role[] = ['editor', 'reviewer', 'admin'];

/**
 * One account per role made with the real `user:add` and `token:add` in the store `env` names
 * (`DATA_DIR`, while no server holds it, or `DATABASE_URL`); each role's API token.
 */
export function addAccounts(
	env: Record<string, string>,
	/** Per command; the benchmark, which may run on a loaded machine, allows more. */
	timeoutMs = 120_000
): Record<Role, string> {
	const tokens = {} as Record<Role, string>;
	for (const role of EDITORIAL_ROLES) {
		const email = `${role}@example.org`;
		npmRun(env, 'user:add', [email, '--role', role], PASSPHRASE + '\n', timeoutMs);
		tokens[role] = npmRun(env, 'token:add', [email], '', timeoutMs)
			.trim()
			.split('\n')
			.at(-1)!
			.trim();
	}
	return tokens;
}

export interface StaffedServer {
	server: RunningServer;
	/** The API token of each role's account (from `token:add`'s last line). */
	tokens: Record<Role, string>;
	stop(): Promise<void>;
}

/**
 * The built server on a copy of the seeded `geodata/` database in which `user:add` and
 * `token:add` (the real commands, before the server holds the database) made one account per
 * role. The server runs with the body limit `npm start` sets.
 */
export async function startStaffedServer(): Promise<StaffedServer> {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-staffed-'));
	const template = process.env[SEEDED_DATA_DIR_ENV];
	if (template) cpSync(template, dir, { recursive: true });
	let tokens: Record<Role, string>;
	try {
		tokens = addAccounts({ DATA_DIR: dir });
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	const server = await startServer({ env: { DATA_DIR: dir, BODY_SIZE_LIMIT: '5M' } });
	return {
		server,
		tokens,
		async stop() {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Headers of a JSON request with `token` (none for an anonymous reader). */
export function jsonHeaders(
	token?: string,
	extra: Record<string, string> = {}
): Record<string, string> {
	return {
		'content-type': 'application/json',
		...(token ? { authorization: `Bearer ${token}` } : {}),
		...extra
	};
}

/** One account made with the real `user:add` in the store `env` names, its password on stdin. */
export function addUser(
	env: Record<string, string>,
	email: string,
	role: Role,
	password = PASSPHRASE
): void {
	npmRun(env, 'user:add', [email, '--role', role], password + '\n');
}
