// `npm run bench -- [--only server,bundle,browser,publish,import,store] [--sizes real,10000,100000] [--runs 5] [--no-build]`
import { execFileSync, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { format, resolveConfig } from 'prettier';
import { join, resolve } from 'node:path';
import { chromiumPath } from '../../tests/e2e/browser';
import { startServer } from '../../tests/e2e/server';
import { TEST_BUILD_DIR, TEST_BUILD_ENV } from '../test_build.js';
import { parseBenchArgs, type BenchArgs, type Size } from './args';
import { benchBrowser } from './browser_bench';
import { benchImport } from './import_bench';
import { measureBundle } from './bundle';
import { describeMachine, gitCommit } from './machine';
import { handWrittenSections, renderResults, renderTable, type Row } from './results';
import { benchPublish, benchDatabaseUrl, READER_PATH } from './publish_bench';
import { benchStore } from './store_bench';
import { benchServer } from './server_bench';

const OUT = resolve('bench/out');
const BUILD = join(OUT, 'build');
/** The test build's snapshot: the browser part reads the map through `window.__atlasMap`. */
const TEST_BUILD = join(OUT, TEST_BUILD_DIR);
const RESULTS = 'bench/RESULTS.md';

function log(line: string): void {
	console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

function sizeLabel(size: Size): string {
	return size === 'real' ? 'real (geodata/)' : `synthetic ${size.toLocaleString('en-US')}`;
}

/** Waits until no other `vite build` (other work in the same tree) is running. */
function waitForOtherBuilds(): void {
	for (;;) {
		const others = spawnSync('pgrep', ['-f', 'vite build'], { encoding: 'utf8' }).stdout.trim();
		if (!others) return;
		log(`another vite build is running (pid ${others.split('\n').join(', ')}); waiting`);
		execFileSync('sleep', ['5']);
	}
}

/** `vite build`, or with `test` the test build (`npm run build:test`, into `build-test/`). */
function build(test: boolean): void {
	waitForOtherBuilds();
	log(test ? `${TEST_BUILD_ENV}=1 npx vite build` : 'npx vite build');
	const result = spawnSync('npx', ['vite', 'build'], {
		encoding: 'utf8',
		env: { ...process.env, [TEST_BUILD_ENV]: test ? '1' : '0' }
	});
	if (result.status !== 0) {
		throw new Error(`vite build failed:\n${(result.stdout + result.stderr).slice(-4000)}`);
	}
}

/**
 * Copies a build (`build/` or `build-test/`) into `bench/out/` and serves that copy, so a rebuild
 * by other work in the same tree cannot swap files under a running measurement.
 */
function snapshotBuild(from: string, to: string): void {
	const command = from === TEST_BUILD_DIR ? 'npm run build:test' : 'npx vite build';
	for (let attempt = 1; attempt <= 5; attempt++) {
		waitForOtherBuilds();
		const index = join(from, 'index.js');
		if (!existsSync(index)) {
			throw new Error(`${index} is missing: run \`${command}\` (or drop --no-build)`);
		}
		const before = statSync(index).mtimeMs;
		rmSync(to, { recursive: true, force: true });
		cpSync(from, to, { recursive: true });
		if (statSync(index).mtimeMs === before && !pgrepBuild()) return;
		log(`${from}/ changed while copying; copying again`);
	}
	throw new Error(`${from}/ kept changing while being copied`);
}

function pgrepBuild(): boolean {
	return spawnSync('pgrep', ['-f', 'vite build'], { encoding: 'utf8' }).stdout.trim() !== '';
}

/** The dataset directory for a size, generating synthetic ones into bench/out/. */
function datasetFor(size: Size): string {
	if (size === 'real') return resolve('geodata');
	const dir = join(OUT, `synthetic-${size}`);
	log(`generating ${dir}`);
	const result = spawnSync(
		'npx',
		['tsx', 'scripts/synthetic.ts', '--count', String(size), '--out', dir, '--seed', '1'],
		{ encoding: 'utf8' }
	);
	if (result.status !== 0) throw new Error(`geodata:synthetic failed:\n${result.stderr}`);
	log(result.stdout.trim());
	return dir;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function naRows(size: string, args: BenchArgs, reason: string): Row[] {
	return args.only
		.filter((part) => part !== 'bundle' && part !== 'publish')
		.map((part) => ({
			size,
			part,
			metric: 'all measurements',
			unit: '',
			values: null,
			note: reason
		}));
}

async function chromiumVersion(): Promise<string> {
	try {
		const text = execFileSync(await chromiumPath(), ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		});
		return /Chromium [\d.]+/.exec(text)?.[0] ?? text.trim();
	} catch {
		return 'unknown';
	}
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const args = parseBenchArgs(argv);
	const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
	const started = new Date();
	const loadAtStart = loadavg();
	mkdirSync(OUT, { recursive: true });
	// The browser part serves the test build; the server, bundle and publish parts the production one.
	const servesProduction = args.only.some((part) => part !== 'import' && part !== 'browser');
	const servesTest = args.only.includes('browser');
	for (const test of [false, true]) {
		if (!(test ? servesTest : servesProduction)) continue;
		if (args.build) build(test);
		snapshotBuild(test ? TEST_BUILD_DIR : 'build', test ? TEST_BUILD : BUILD);
		log(
			`serving a snapshot of ${test ? TEST_BUILD_DIR : 'build'}/ from ${test ? TEST_BUILD : BUILD}`
		);
	}

	const rows: Row[] = [];
	const notes: string[] = [];
	let chromium = '';
	let bundleDone = false;
	if (args.only.includes('import')) {
		const result = await benchImport({
			sizes: args.sizes.filter((size): size is number => size !== 'real'),
			geodataDir: resolve('geodata'),
			outDir: OUT,
			log
		});
		rows.push(...result.rows);
		notes.push(...result.notes);
	}
	// The publish part runs on geodata/ alone and the import part on its own files (above); the
	// others run once per dataset size.
	const perSize = args.only.some((part) => part !== 'publish' && part !== 'import');
	for (const size of perSize ? args.sizes : []) {
		const label = sizeLabel(size);
		let dir: string;
		try {
			dir = datasetFor(size);
			if (!existsSync(join(dir, 'incidents.geojson')))
				throw new Error(`${dir}/incidents.geojson is missing`);
		} catch (error) {
			const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
			rows.push(...naRows(label, args, reason));
			notes.push(`${label}: ${reason}`);
			continue;
		}
		if (args.only.includes('server')) {
			log(`server part, ${label}`);
			try {
				rows.push(
					...(await benchServer({
						size: label,
						geodataDir: dir,
						buildDir: BUILD,
						runs: args.runs,
						duration: args.duration,
						connections: args.connections,
						log
					}))
				);
			} catch (error) {
				const reason = error instanceof Error ? error.message : String(error);
				rows.push({
					size: label,
					part: 'server',
					metric: 'all',
					unit: '',
					values: null,
					note: reason.split('\n')[0]
				});
				notes.push(`${label} server: ${reason.slice(0, 1500)}`);
			}
		}
		if (args.only.includes('store') && size !== 'real') {
			const result = await benchStore({
				size: label,
				count: size,
				geodataDir: dir,
				buildDir: BUILD,
				outDir: OUT,
				log
			});
			rows.push(...result.rows);
			notes.push(...result.notes);
		}
		if (args.only.includes('bundle') && !bundleDone) {
			log(`bundle part (served with ${label})`);
			try {
				const server = await startServer({ geodataDir: dir, buildDir: BUILD });
				try {
					const result = await measureBundle({
						size: 'dashboard /',
						origin: server.url,
						clientDir: join(BUILD, 'client')
					});
					rows.push(...result.rows);
					notes.push(...result.notes);
					bundleDone = true;
				} finally {
					await server.stop();
				}
			} catch (error) {
				notes.push(
					`bundle with ${label}: ${error instanceof Error ? error.message.slice(0, 1500) : error}`
				);
			}
		}
		if (args.only.includes('browser') && args.browserSizes.includes(size)) {
			log(`browser part, ${label}`);
			try {
				const server = await startServer({ geodataDir: dir, buildDir: TEST_BUILD });
				try {
					const result = await benchBrowser({
						size: label,
						appUrl: server.url,
						geodataDir: dir,
						runs: args.runs,
						log,
						serverOutput: server.output,
						windowDesigns: args.windowDesigns
					});
					rows.push(...result.rows);
					notes.push(...result.notes);
					chromium = result.chromium;
					if (!alive(server.pid)) {
						notes.push(
							`${label} browser: the app server exited during the run (a rebuild of build/ by other ` +
								`work, or a crash); its output ends: ${server.output().slice(-1500)}`
						);
					}
				} finally {
					await server.stop();
				}
			} catch (error) {
				const reason = error instanceof Error ? error.message : String(error);
				rows.push({
					size: label,
					part: 'browser',
					metric: 'all',
					unit: '',
					values: null,
					note: reason.split('\n')[0]
				});
				notes.push(`${label} browser: ${reason.slice(0, 1500)}`);
			}
		}
	}
	if (args.only.includes('publish')) {
		log('publish part (geodata/)');
		try {
			const result = await benchPublish({
				buildDir: BUILD,
				publishes: args.publishes,
				databaseUrl: benchDatabaseUrl(),
				log
			});
			rows.push(...result.rows);
			notes.push(...result.notes);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			rows.push({
				size: 'geodata/',
				part: 'publish',
				metric: 'all',
				unit: '',
				values: null,
				note: reason.split('\n')[0]
			});
			notes.push(`publish: ${reason.slice(0, 1500)}`);
		}
	}
	if (args.only.includes('bundle') && !bundleDone) {
		rows.push({
			size: 'dashboard /',
			part: 'bundle',
			metric: 'all',
			unit: '',
			values: null,
			note: 'no dataset could be served (see notes)'
		});
	}

	notes.push(
		`1-minute load average ${loadAtStart[0].toFixed(2)} at the start and ${loadavg()[0].toFixed(2)} at the end ` +
			`on ${availableParallelism()} CPUs (other processes running at the same time skew every figure)`
	);
	const machine = describeMachine(
		chromium ? `${chromium} (headless, SwiftShader WebGL)` : await chromiumVersion()
	);
	const method: string[] = [
		`Server: the built app (\`scripts/serve.js\` over \`build/\`, as \`npm start\` runs it) started per dataset with \`GEODATA_DIR\`; autocannon (programmatic) ` +
			`with ${args.connections} connections for ${args.duration} s per run after a 3 s uncounted warm-up, ` +
			`${args.runs} runs; requests/s is autocannon's mean per-second count; latency p99 in ms. Server memory from ` +
			'`/proc/<pid>/status` (VmRSS after start and after each run, VmHWM = peak). autocannon shares the CPUs with the server.',
		'Bundle: the HTML of `/` from the built server; its `<script>`/inline `import()` entries, modulepreload and stylesheet ' +
			'links, plus the static imports of every script (es-module-lexer over `build/client/_app/immutable/**`), gzip via ' +
			'node:zlib (level 6). The MapLibre chunk is recognised by content (`maplibregl-canvas`, > 100 kB, not the worker); ' +
			'"incl. MapLibre" adds it (and its static imports) when it is loaded lazily.',
		`Browser: the test build (\`npm run build:test\`, \`build-test/\`: the production build plus the ` +
			'`window.__atlasMap` handle the window-change timing reads), served as above; ' +
			`Chromium headless (playwright-core, SwiftShader software WebGL), 1440×900, every page load in a fresh ` +
			`context (cold cache). Navigation → idle: performance.now() when \`[data-testid=map]\` first gets ` +
			'`data-map-state="idle"` (MutationObserver installed by `addInitScript`). Baseline: a bare MapLibre page ' +
			'(bench/out/baseline/, served by a tiny node:http server) with the same basemap and incidents GeoJSON as circles. ' +
			"Styled baseline (the second reference, beside the bare page): MapLibre alone drawing the app's own map, its " +
			'style as `getStyle()` returns it after one uncounted load of the app (the incidents and places the app fed as ' +
			'objects served as files, glyphs as plain files of the same font stacks, the hatch images copied), at the ' +
			"app's view and map size, with the app's `fadeDuration: 0`, served by the same server at `/styled/`; app, bare " +
			'and styled loads alternate. Its ratio is what the dashboard around the map costs. ' +
			`Window change: ${20} changes of the \`from\`/\`to\` inputs, time until the map's next \`idle\` AND the count text ` +
			'changed (whichever is later). Click: up to 10 list items, time until the details section contains the title. ' +
			'Export: menu item click → `<a download>` click (in-page), longest task from PerformanceObserver `longtask`. ' +
			'Heap: CDP `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage` (main thread only).',
		`Publish: on geodata/, ${args.publishes} times per engine an editor creates an incident citing a published ` +
			'source and submits it (not timed); then the reviewer publishes it (`POST /api/incidents/<id>/status`, ' +
			'"publish API call") and an anonymous reader polls `' +
			decodeURIComponent(READER_PATH('<id>')) +
			'` back to back until it answers 200 ("publish → served to readers", from before the publish call). ' +
			'PGlite: one server (`DATA_DIR`) publishes and serves. PostgreSQL (`BENCH_DATABASE_URL` or ' +
			'`TEST_DATABASE_URL`, a scratch database created and dropped): two servers on it, publish on A, read on B.',
		`Median, min, max over ${args.runs} runs (p95 shown where there are ≥ 20 samples).`
	];
	method.push(
		'Map trace (issue 16; by hand, not part of this run): `npx tsx scripts/bench/trace.ts [--data DIR] [--build DIR] ' +
			'[--baseline] [--warm FROM..TO,…] [--from FROM --to TO] [--url-params map-window=state]` starts the test build (or, ' +
			'with `--baseline`, the bare MapLibre page) on a dataset, records a Chromium trace (CDP `Tracing`, categories ' +
			'devtools.timeline, v8.execute, loading, gpu…; files in bench/out/trace-*-{load,change}.json for Perfetto or ' +
			'chrome://tracing) of the page load and of one window change set through the `from`/`to` inputs (after the ' +
			'`--warm` changes, so the first draw of a layer, which compiles its shaders, is not counted), plus a CDP ' +
			"`Profiler` CPU profile of the change; it prints busy time per thread, animation frames, the main thread's " +
			'heaviest functions, and every MapLibre setFilter/setGlobalStateProperty/setData call and tile (re)load per ' +
			'source (hooks installed on `window.__atlasMap` by `addInitScript`).',
		...(args.windowDesigns.length > 0
			? [
					`Window-change designs: the rows marked "design <name>" load the app with \`?map-window=<name>\` ` +
						'and make the same 20 changes; "state" applies the window through MapLibre global state ' +
						'(`setGlobalStateProperty`) read by unchanged filters, the app as it ships sets new filters.'
				]
			: [])
	);
	// Sections written by hand into the previous file (before/after, targets) are kept.
	const previous = existsSync(RESULTS) ? handWrittenSections(readFileSync(RESULTS, 'utf8')) : '';
	const doc = {
		command,
		date: started.toISOString().replace(/\.\d+Z$/, 'Z'),
		commit: gitCommit(),
		machine,
		rows,
		method,
		notes
	};
	console.log('\n' + renderTable(rows) + '\n');
	for (const note of notes) console.log(`note: ${note}`);
	mkdirSync('bench', { recursive: true });
	// Formatted as `npm run lint` (prettier --check .) expects it.
	const options = (await resolveConfig(RESULTS)) ?? {};
	const text = renderResults(doc) + (previous ? `\n${previous}\n` : '');
	writeFileSync(RESULTS, await format(text, { ...options, filepath: RESULTS }));
	log(`wrote ${RESULTS}`);
}

main().catch((error) => {
	console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
