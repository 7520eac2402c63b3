import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshDatabase } from '../../src/lib/server/db/test_engines';
import { readProcessCpuSeconds, readProcessMemory } from './proc_status';
import type { Row } from './results';

/**
 * The last commit whose server read `geodata/` from files at start, with no database (issue 11's
 * "file-based start that exists today"): built from `git archive` for the comparison.
 */
export const FILE_BASED_COMMIT = '99aed37';

/** Issue 11's target: a start from the database within 1.5× of the file-based start. */
export const START_TARGET_RATIO = 1.5;

export interface Timed {
	seconds: number;
	peakMiB: number;
	cpuSeconds: number;
	/** What the command wrote to its standard output. */
	stdout: string;
}

async function freePort(): Promise<number> {
	return new Promise((res, rej) => {
		const server = createServer();
		server.once('error', rej);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => res(port));
		});
	});
}

/**
 * Runs `argv` and measures it: wall time from spawn to its exit, or, with `readyPath`, to the
 * first 200 answer to that path on its `PORT` (the process is then stopped); peak RSS (`VmHWM`)
 * and CPU time of the process, polled every 50 ms. The store and import parts of the bench both
 * time their commands with it. A failure names the command (`label`, else `argv`) and ends with
 * the end of its output.
 */
export async function timedRun(
	argv: string[],
	options: {
		cwd?: string;
		env: Record<string, string>;
		readyPath?: string;
		timeoutMs?: number;
		label?: string;
	}
): Promise<Timed> {
	const label = options.label ?? argv.join(' ');
	const port = options.readyPath ? await freePort() : 0;
	const { DATABASE_URL: _drop, ...base } = process.env;
	void _drop;
	const env: Record<string, string | undefined> = { ...base, ...options.env };
	if (options.readyPath) Object.assign(env, { PORT: String(port), HOST: '127.0.0.1' });
	const started = performance.now();
	const child = spawn(argv[0], argv.slice(1), {
		cwd: options.cwd,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	let stdout = '';
	child.stdout.on('data', (d) => {
		output += d;
		stdout += d;
	});
	child.stderr.on('data', (d) => (output += d));
	let peak = 0;
	let cpu = 0;
	const sample = () => {
		try {
			peak = Math.max(peak, readProcessMemory(child.pid!).peakRssMiB);
			cpu = Math.max(cpu, readProcessCpuSeconds(child.pid!));
		} catch {
			// The process has exited.
		}
	};
	const poll = setInterval(sample, 50);
	const exited = new Promise<number | null>((res) => child.once('exit', res));
	const timeout = options.timeoutMs ?? 600_000;
	try {
		if (!options.readyPath) {
			const code = await Promise.race([
				exited,
				new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), timeout).unref())
			]);
			if (code !== 0) throw new Error(`${label} ended ${code}: ${output.slice(-800)}`);
			return {
				seconds: (performance.now() - started) / 1000,
				peakMiB: peak,
				cpuSeconds: cpu,
				stdout
			};
		}
		const url = `http://127.0.0.1:${port}${options.readyPath}`;
		let gone = false;
		void exited.then(() => (gone = true));
		for (;;) {
			if (gone) throw new Error(`${label} exited before answering: ${output.slice(-800)}`);
			if (performance.now() - started > timeout)
				throw new Error(`${url} did not answer 200 within ${timeout / 1000} s`);
			const ok = await fetch(url).then(
				(r) => r.ok,
				() => false
			);
			if (ok) break;
			await new Promise((res) => setTimeout(res, 50));
		}
		const seconds = (performance.now() - started) / 1000;
		sample();
		return { seconds, peakMiB: peak, cpuSeconds: cpu, stdout };
	} finally {
		clearInterval(poll);
		if (child.exitCode === null) {
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((res) => setTimeout(res, 10_000).unref())]);
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	}
}

/**
 * The server of {@link FILE_BASED_COMMIT}, built once under `outDir` (its sources from `git
 * archive`, this checkout's `node_modules`), and its own synthetic dataset of `count` incidents
 * (seed 1): that commit's dataset format, which its server validates at start.
 */
export function fileBasedServer(
	outDir: string,
	count: number
): { cwd: string; geodataDir: string } {
	const cwd = resolve(outDir, `file-based-${FILE_BASED_COMMIT}`);
	const run = (argv: string[], where = cwd) => {
		const r = spawnSync(argv[0], argv.slice(1), { cwd: where, encoding: 'utf8' });
		if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${(r.stderr || r.stdout).slice(-800)}`);
	};
	if (!existsSync(join(cwd, 'build', 'index.js'))) {
		rmSync(cwd, { recursive: true, force: true });
		mkdirSync(cwd, { recursive: true });
		const archive = spawnSync('git', ['archive', FILE_BASED_COMMIT], { maxBuffer: 1 << 30 });
		if (archive.status !== 0) throw new Error(`git archive ${FILE_BASED_COMMIT} failed`);
		const untar = spawnSync('tar', ['-x', '-C', cwd], { input: archive.stdout });
		if (untar.status !== 0) throw new Error(`tar: ${untar.stderr}`);
		symlinkSync(resolve('node_modules'), join(cwd, 'node_modules'));
		run([process.execPath, 'node_modules/@sveltejs/kit/svelte-kit.js', 'sync']);
		run([process.execPath, 'node_modules/vite/bin/vite.js', 'build']);
	}
	const geodataDir = join(cwd, 'bench-data', `synthetic-${count}`);
	if (!existsSync(join(geodataDir, 'incidents.geojson'))) {
		run([
			process.execPath,
			'--import',
			'tsx',
			'scripts/synthetic.ts',
			'--count',
			String(count),
			'--out',
			geodataDir,
			'--seed',
			'1'
		]);
	}
	return { cwd, geodataDir };
}

function rowsOf(size: string, what: string, timed: Timed, note = ''): Row[] {
	return [
		{ size, part: 'store', metric: `${what}: time`, unit: 's', values: [timed.seconds], note },
		{ size, part: 'store', metric: `${what}: peak RSS`, unit: 'MiB', values: [timed.peakMiB] }
	];
}

/**
 * `npm run bench -- --only store` (issue 11): for a dataset of `count` incidents, `db:import` into
 * an empty database and the server's start to its first answer (`/healthz`), on PGlite and on
 * PostgreSQL, against the file-based server of {@link FILE_BASED_COMMIT} in the same run.
 */
export async function benchStore(options: {
	size: string;
	count: number;
	geodataDir: string;
	buildDir: string;
	outDir: string;
	log: (line: string) => void;
}): Promise<{ rows: Row[]; notes: string[] }> {
	const { size, log } = options;
	const rows: Row[] = [];
	const notes: string[] = [];
	const node = process.execPath;
	const serve = [node, resolve('scripts/serve.js'), resolve(options.buildDir)];
	const attempt = async (what: string, fn: () => Promise<void>) => {
		log(`store part, ${size}: ${what}`);
		try {
			await fn();
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			rows.push({
				size,
				part: 'store',
				metric: what,
				unit: '',
				values: null,
				note: reason.split('\n')[0]
			});
			notes.push(`${size} store, ${what}: ${reason.slice(0, 1500)}`);
		}
	};

	let fileStart: number | null = null;
	await attempt(`file-based start (${FILE_BASED_COMMIT})`, async () => {
		const old = fileBasedServer(options.outDir, options.count);
		const timed = await timedRun([node, 'build/index.js'], {
			cwd: old.cwd,
			env: { GEODATA_DIR: old.geodataDir },
			readyPath: '/healthz'
		});
		fileStart = timed.seconds;
		rows.push(...rowsOf(size, `start → first answer, file-based (${FILE_BASED_COMMIT})`, timed));
	});

	const scratch = mkdtempSync(join(tmpdir(), 'atlas-store-bench-'));
	const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	try {
		const engines: {
			name: string;
			open: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>;
		}[] = [
			{
				name: 'PGlite',
				open: async () => {
					const dir = mkdtempSync(join(scratch, 'data-'));
					return { env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true }) };
				}
			}
		];
		if (url) {
			engines.push({
				name: 'PostgreSQL',
				open: async () => {
					const fresh = await freshDatabase(url);
					return {
						env: { DATABASE_URL: fresh.url, DATA_DIR: join(scratch, 'unused') },
						drop: fresh.drop
					};
				}
			});
		} else {
			notes.push('store: no BENCH_DATABASE_URL or TEST_DATABASE_URL, PostgreSQL skipped');
		}
		for (const engine of engines) {
			await attempt(`${engine.name}`, async () => {
				const { env, drop } = await engine.open();
				try {
					const imported = await timedRun(
						[node, '--import', 'tsx', resolve('scripts/db_import.ts'), options.geodataDir],
						{ env }
					);
					rows.push(...rowsOf(size, `db:import into an empty database (${engine.name})`, imported));
					const started = await timedRun(serve, {
						env: { ...env, GEODATA_DIR: options.geodataDir },
						readyPath: '/healthz'
					});
					const ratio = fileStart ? started.seconds / fileStart : null;
					rows.push(
						...rowsOf(
							size,
							`start → first answer, database holding the dataset (${engine.name})`,
							started
						),
						{
							size,
							part: 'store',
							metric: `start, ratio ${engine.name} / file-based`,
							unit: '×',
							values: ratio === null ? null : [ratio],
							note: `target ≤ ${START_TARGET_RATIO}×`
						}
					);
				} finally {
					await drop();
				}
			});
		}
		await attempt('PGlite first start', async () => {
			const dir = mkdtempSync(join(scratch, 'first-'));
			const first = await timedRun(serve, {
				env: { DATA_DIR: dir, GEODATA_DIR: options.geodataDir },
				readyPath: '/healthz'
			});
			rows.push(...rowsOf(size, 'first start on an empty DATA_DIR, seeding it (PGlite)', first));
		});
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	notes.push(
		`Store (issue 11): \`db:import\` (\`node --import tsx scripts/db_import.ts DIR\`) into an empty database; the built ` +
			`server (\`scripts/serve.js\`) started on it, timed from spawn to its first 200 on \`/healthz\`, then stopped; the ` +
			`file-based server of commit ${FILE_BASED_COMMIT} (built from \`git archive\` with this checkout's node_modules) on ` +
			`that commit's own synthetic dataset of the same size and seed, timed the same way. Peak RSS is VmHWM of the process ` +
			`(PostgreSQL's own memory not counted). One run each.`
	);
	return { rows, notes };
}
