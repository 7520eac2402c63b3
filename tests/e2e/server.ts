import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEST_BUILD_DIR } from '../../scripts/test_build.js';

export { TEST_BUILD_DIR };

/**
 * The environment variable naming a data directory already seeded from `geodata/` (made once per
 * run by `global_setup.ts`): a fresh embedded database spends most of its start in PGlite's
 * `initdb`, so servers on the default dataset start from a copy of it instead.
 */
export const SEEDED_DATA_DIR_ENV = 'ATLAS_E2E_SEEDED_DATA_DIR';

/**
 * The environment variable naming a data directory holding an empty, migrated database (made once
 * per run by `global_setup.ts`): what a server on another `GEODATA_DIR` starts from instead of
 * its own `initdb`. Empty, it seeds from (or refuses) its dataset as a brand-new one does.
 */
export const EMPTY_DATA_DIR_ENV = 'ATLAS_E2E_EMPTY_DATA_DIR';

/**
 * The environment variable naming an empty scratch directory (made per run by `global_setup.ts`)
 * where the first staffed server of the run leaves a copy of the seeded database with its
 * accounts, for the next ones to copy (see `startStaffedServer` in `accounts.ts`).
 */
export const STAFFED_TEMPLATE_DIR_ENV = 'ATLAS_E2E_STAFFED_TEMPLATE_DIR';

/**
 * A fresh temporary `DATA_DIR` (removed on `cleanup`) unless the caller names one, so every test
 * server has a database of its own: a copy of the seeded template when it serves `geodata/`,
 * else a copy of the empty one (a new directory outside `vitest.e2e.config.ts`), which it seeds
 * from its `GEODATA_DIR`.
 */
function dataDirFor(
	env: Record<string, string> | undefined,
	geodataDir: string
): {
	dir: string;
	cleanup: () => void;
} {
	if (env?.DATA_DIR) return { dir: env.DATA_DIR, cleanup: () => {} };
	const dir = mkdtempSync(join(tmpdir(), 'atlas-data-'));
	const template =
		process.env[
			resolve(geodataDir) === resolve('geodata') ? SEEDED_DATA_DIR_ENV : EMPTY_DATA_DIR_ENV
		];
	if (template && !env?.DATABASE_URL) cpSync(template, dir, { recursive: true });
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningServer {
	url: string;
	port: number;
	/** The server process id (the benchmark reads its memory from `/proc/<pid>/status`). */
	pid: number;
	/** Everything the server printed, stdout and stderr. */
	output: () => string;
	stop: () => Promise<void>;
}

/** A free TCP port on 127.0.0.1, found by letting the OS pick one. */
export function freePort(): Promise<number> {
	return new Promise((res, rej) => {
		const srv = createServer();
		srv.once('error', rej);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			srv.close(() => res(port));
		});
	});
}

/**
 * How `npm start` runs a build (`scripts/serve.js`: adapter-node's server, security headers on
 * static files too), as arguments for `node`.
 */
export const serveArgs = (buildDir = 'build') => [resolve('scripts/serve.js'), resolve(buildDir)];

/** The newest modification time of a file under `dir`. */
function newestIn(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile())
			newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
	}
	return newest;
}

/**
 * Why `buildDir` cannot be served, or null: it has no `index.js`, or it is the test build
 * (`build-test/`) and older than a file under `sources` (`src/`). A stale test build would test
 * old code while `npm run build` alone refreshes `build/`, so the files that read the map refuse it.
 */
export function buildProblem(buildDir: string, sources = 'src'): string | null {
	const test = resolve(buildDir) === resolve(TEST_BUILD_DIR);
	const command = test ? 'npm run build:test' : 'npm run build';
	const index = join(buildDir, 'index.js');
	if (!existsSync(index)) return `${index} is missing: run \`${command}\``;
	if (test && statSync(index).mtimeMs < newestIn(sources)) {
		return `${index} is older than ${sources}/: run \`${command}\` (npm run build makes build/ only)`;
	}
	return null;
}

/**
 * Starts the built server (from `npm run build`, as `npm start` serves it) on a free port, serving
 * `geodataDir` (default `geodata/`), and resolves once it answers HTTP.
 */
export async function startServer(
	options: {
		geodataDir?: string;
		env?: Record<string, string>;
		/**
		 * Another build than `build/`: `TEST_BUILD_DIR` (the test build, with `window.__atlasMap`,
		 * for the tests that read the map), or a copy (the benchmark runs snapshots so that
		 * rebuilds cannot disturb it).
		 */
		buildDir?: string;
	} = {}
): Promise<RunningServer> {
	const problem = buildProblem(options.buildDir ?? 'build');
	if (problem) throw new Error(problem);
	const port = await freePort();
	const data = dataDirFor(options.env, options.geodataDir ?? 'geodata');
	const child: ChildProcess = spawn(process.execPath, serveArgs(options.buildDir), {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			GEODATA_DIR: resolve(options.geodataDir ?? 'geodata'),
			DATA_DIR: data.dir,
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((res) =>
		child.once('exit', (code) => {
			data.cleanup();
			res(code);
		})
	);
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 120_000;
	for (;;) {
		const code = await Promise.race([exited, new Promise((r) => setTimeout(r, 100, 'wait'))]);
		if (code !== 'wait') throw new Error(`server exited with ${code} before answering:\n${output}`);
		try {
			await fetch(url + '/healthz');
			break;
		} catch {
			if (Date.now() > deadline) throw new Error(`server did not answer in 120 s:\n${output}`);
		}
	}
	return {
		url,
		port,
		pid: child.pid!,
		output: () => output,
		stop: async () => {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await exited;
			}
		}
	};
}

/** Runs the built server expecting it to refuse to start; resolves with its exit code and output. */
export async function startServerExpectingFailure(
	geodataDir: string,
	env?: Record<string, string>
): Promise<{ code: number | null; output: string }> {
	const port = await freePort();
	const data = dataDirFor(env, geodataDir);
	const child = spawn(process.execPath, serveArgs(), {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			GEODATA_DIR: resolve(geodataDir),
			DATA_DIR: data.dir,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
	const code = await new Promise<number | null>((res) => child.once('exit', res));
	clearTimeout(timer);
	data.cleanup();
	return { code, output };
}
