import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/lib/server/auth/user';
import { LOCK_FILE } from '../../src/lib/server/db/lock';
import {
	SEEDED_DATA_DIR_ENV,
	STAFFED_TEMPLATE_DIR_ENV,
	startServer,
	type RunningServer
} from './server';

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
 * The seeded `geodata/` database in which `user:add` and `token:add` (the real commands) made one
 * account per role, and their tokens: made once per run, by the first staffed server of the run,
 * in the directory `global_setup.ts` names (six CLI runs cost more than the server that follows
 * them). A file that finds another one making it waits for it. `null` outside `vitest.e2e.config.ts`.
 */
async function staffedTemplate(): Promise<{ dir: string; tokens: Record<Role, string> } | null> {
	const root = process.env[STAFFED_TEMPLATE_DIR_ENV];
	const seeded = process.env[SEEDED_DATA_DIR_ENV];
	if (!root || !seeded) return null;
	const dir = join(root, 'data');
	const done = join(root, 'tokens.json');
	const failed = join(root, 'failed');
	const read = () => ({ dir, tokens: JSON.parse(readFileSync(done, 'utf8')) });
	if (existsSync(done)) return read();
	try {
		mkdirSync(join(root, 'making'));
	} catch {
		for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
			if (existsSync(done)) return read();
			if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
			await new Promise((r) => setTimeout(r, 200));
		}
		throw new Error(`no staffed template in ${root} after 300 s`);
	}
	try {
		cpSync(seeded, dir, { recursive: true });
		const tokens = addAccounts({ DATA_DIR: dir });
		if (readdirSync(dir).includes(LOCK_FILE)) throw new Error(`the commands left ${LOCK_FILE}`);
		writeFileSync(done + '.tmp', JSON.stringify(tokens));
		renameSync(done + '.tmp', done);
		return { dir, tokens };
	} catch (error) {
		writeFileSync(failed, `the staffed template could not be made: ${error}`);
		throw error;
	}
}

/**
 * The built server on a copy of the seeded `geodata/` database in which `user:add` and
 * `token:add` (the real commands, before a server held the database) made one account per role
 * (a copy of the run's staffed template when there is one). The server runs with the body limit
 * `npm start` sets.
 */
export async function startStaffedServer(): Promise<StaffedServer> {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-staffed-'));
	let tokens: Record<Role, string>;
	try {
		const template = await staffedTemplate();
		if (template) {
			cpSync(template.dir, dir, { recursive: true });
			tokens = template.tokens;
		} else {
			const seeded = process.env[SEEDED_DATA_DIR_ENV];
			if (seeded) cpSync(seeded, dir, { recursive: true });
			tokens = addAccounts({ DATA_DIR: dir });
		}
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
