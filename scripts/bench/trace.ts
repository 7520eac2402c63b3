// `npx tsx scripts/bench/trace.ts [--data DIR] [--build DIR] [--data-dir DIR] [--out FILE] [--url-params a=b]`:
// a Chromium trace of the dashboard's page load and of one time-window change, with what MapLibre
// did during each (see `summarize` below). The trace file opens in chrome://tracing or Perfetto.
// `--build` defaults to the test build (`npm run build:test`): the hooks below need `window.__atlasMap`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { guardedPage, launchBrowser } from '../../tests/e2e/browser';
import { startServer, TEST_BUILD_DIR } from '../../tests/e2e/server';
import { baselineWindowFilters } from './baseline';
import { startBaselineServer } from './baseline_server';

interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: Record<string, unknown> & { name?: string; data?: Record<string, unknown> };
}

function option(name: string, fallback: string): string {
	const i = process.argv.indexOf(name);
	return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/**
 * Installed before the page's scripts: once `window.__atlasMap` exists, counts the MapLibre calls
 * that cost work (setFilter, setData, setPaintProperty, setGlobalStateProperty, setFeatureState)
 * and every tile (re)load per source, from the main thread's side of the worker messages.
 */
const HOOKS = `(() => {
	const log = (window.__trace = { calls: [], tiles: [] });
	const wrap = (object, name, record) => {
		const original = object[name];
		if (typeof original !== 'function' || original.__traced) return;
		object[name] = function (...args) {
			record(args);
			return original.apply(this, args);
		};
		object[name].__traced = true;
	};
	const hook = (map) => {
		for (const name of ['setFilter', 'setPaintProperty', 'setLayoutProperty', 'setGlobalStateProperty']) {
			wrap(map, name, (args) => log.calls.push({ t: performance.now(), call: name, target: String(args[0]) }));
		}
		wrap(map, 'setFeatureState', (args) => log.calls.push({ t: performance.now(), call: 'setFeatureState', target: String(args[0]?.source) }));
		const sources = () => {
			const managers = map.style?.tileManagers ?? map.style?.sourceCaches ?? {};
			for (const [id, manager] of Object.entries(managers)) {
				const source = manager.getSource?.() ?? manager._source;
				if (!source) continue;
				wrap(source, 'setData', () => log.calls.push({ t: performance.now(), call: 'setData', target: id }));
				wrap(source, 'loadTile', (args) =>
					log.tiles.push({ t: performance.now(), source: id, reload: Boolean(args[0]?.actor), tile: String(args[0]?.tileID?.key ?? '') })
				);
			}
		};
		map.on('styledata', sources);
		map.on('sourcedata', sources);
		sources();
	};
	let current;
	Object.defineProperty(window, '__atlasMap', {
		configurable: true,
		get: () => current,
		set: (map) => { current = map; if (map) hook(map); }
	});
})();`;

const CATEGORIES = [
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'v8.execute',
	'blink.user_timing',
	'loading',
	'toplevel',
	'gpu'
].join(',');

async function startTrace(cdp: CDPSession): Promise<void> {
	await cdp.send('Tracing.start', {
		transferMode: 'ReturnAsStream',
		traceConfig: { includedCategories: CATEGORIES.split(','), recordMode: 'recordAsMuchAsPossible' }
	});
}

async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
	const done = new Promise<string>((res) =>
		cdp.once('Tracing.tracingComplete', (e) => res(e.stream as string))
	);
	await cdp.send('Tracing.end');
	const handle = await done;
	let text = '';
	for (;;) {
		const chunk = await cdp.send('IO.read', { handle });
		text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
		if (chunk.eof) break;
	}
	await cdp.send('IO.close', { handle });
	const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
	return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Busy time per thread (top-level tasks) and the longest tasks, in ms. */
export function summarize(events: readonly TraceEvent[]): string[] {
	const names = new Map<string, string>();
	for (const e of events)
		if (e.ph === 'M' && e.name === 'thread_name')
			names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
	const busy = new Map<string, number>();
	const byName = new Map<string, number>();
	for (const e of events) {
		if (e.ph !== 'X' || e.dur === undefined) continue;
		const thread = names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
		if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
			busy.set(thread, (busy.get(thread) ?? 0) + e.dur / 1000);
		if (
			[
				'FunctionCall',
				'EvaluateScript',
				'v8.compile',
				'ParseHTML',
				'Layout',
				'UpdateLayoutTree',
				'Paint',
				'GPUTask',
				'MajorGC',
				'MinorGC',
				'FireAnimationFrame',
				'TimerFire',
				'EventDispatch'
			].includes(e.name)
		) {
			const key = `${thread} ${e.name}`;
			byName.set(key, (byName.get(key) ?? 0) + e.dur / 1000);
		}
	}
	const frames = events.filter((e) => e.ph === 'X' && e.name === 'FireAnimationFrame').length;
	const top = (m: Map<string, number>, n: number) =>
		[...m.entries()]
			.filter(([, v]) => v >= 1)
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([k, v]) => `  ${k}: ${v.toFixed(1)} ms`);
	return [
		`animation frames run: ${frames}`,
		'busy time per thread (top-level tasks):',
		...top(busy, 12),
		'by event:',
		...top(byName, 20)
	];
}

interface PageTrace {
	calls: { t: number; call: string; target: string }[];
	tiles: { t: number; source: string; reload: boolean; tile: string }[];
}

function counts(log: PageTrace, since: number): string[] {
	const tally = new Map<string, number>();
	for (const c of log.calls)
		if (c.t >= since)
			tally.set(`${c.call}(${c.target})`, (tally.get(`${c.call}(${c.target})`) ?? 0) + 1);
	for (const t of log.tiles)
		if (t.t >= since) {
			const key = `${t.reload ? 'reloadTile' : 'loadTile'} source=${t.source}`;
			tally.set(key, (tally.get(key) ?? 0) + 1);
		}
	return [...tally.entries()].sort().map(([k, v]) => `  ${k} × ${v}`);
}

async function idle(page: Page): Promise<void> {
	await page.waitForSelector('[data-testid="map"][data-map-state="idle"]', { timeout: 120_000 });
}

async function main(): Promise<void> {
	const data = resolve(option('--data', 'geodata'));
	const out = resolve(option('--out', 'bench/out/trace.json'));
	const params = option('--url-params', '');
	const baseline = process.argv.includes('--baseline');
	const server = baseline
		? await startBaselineServer(data)
		: await startServer({
				geodataDir: data,
				buildDir: option('--build', TEST_BUILD_DIR),
				env: { DATA_DIR: option('--data-dir', `/tmp/atlas-trace-data-${process.pid}`) }
			});
	const browser = await launchBrowser();
	try {
		const { page, problems, close } = await guardedPage(browser, server.url);
		await page.addInitScript(HOOKS);
		const cdp = await page.context().newCDPSession(page);
		await startTrace(cdp);
		const t0 = Date.now();
		await page.goto(`${server.url}/${params ? `?${params}` : ''}`);
		await idle(page);
		console.log(`load → idle ${Date.now() - t0} ms (wall, with tracing on)`);
		await page.waitForTimeout(3000);
		const load = await stopTrace(cdp);
		const requests = await page.evaluate(() =>
			performance.getEntriesByType('resource').map((entry) => {
				const r = entry as PerformanceResourceTiming;
				const path = r.name.replace(location.origin, '');
				return `${r.initiatorType} ${path} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)} ms ${r.encodedBodySize} B`;
			})
		);
		const loadLog = await page.evaluate(
			() => (window as unknown as { __trace: PageTrace }).__trace
		);
		console.log('== page load: requests');
		for (const r of requests) console.log(`  ${r}`);
		console.log('== page load: MapLibre calls and tile loads');
		for (const line of counts(loadLog, 0)) console.log(line);
		for (const line of summarize(load)) console.log(line);

		const from = option('--from', '2020-10-01');
		const to = option('--to', '2020-10-31');
		// Changes before the traced one (`--warm 2016-01-01..2016-12-31,…`): the first draw of a layer
		// compiles its shaders, which a reader pays once, not on every change.
		for (const warm of option('--warm', '').split(',').filter(Boolean)) {
			const [wf, wt] = warm.split('..');
			await page.evaluate(
				({ wf, wt, filters }) => {
					const map = (
						window as unknown as { __atlasMap: { setFilter: (l: string, f: unknown) => void } }
					).__atlasMap;
					if (filters) {
						for (const [layer, filter] of Object.entries(filters)) map.setFilter(layer, filter);
						return;
					}
					const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
					for (const [name, value] of [
						['from', wf],
						['to', wt]
					]) {
						const input = document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
						setter.call(input, value);
						input.dispatchEvent(new Event('input', { bubbles: true }));
						input.dispatchEvent(new Event('change', { bubbles: true }));
					}
				},
				{
					wf,
					wt,
					filters: baseline
						? (baselineWindowFilters({ from: wf, to: wt }) as Record<string, unknown>)
						: null
				}
			);
			await page.waitForTimeout(300);
			await idle(page);
			await page.waitForTimeout(500);
		}
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		await cdp.send('Profiler.start');
		await startTrace(cdp);
		const since = await page.evaluate(() => performance.now());
		const elapsed = await page.evaluate(
			({ from, to, filters }) =>
				new Promise<number>((res) => {
					const map = (
						window as unknown as {
							__atlasMap: {
								once: (e: string, f: () => void) => void;
								setFilter: (layer: string, filter: unknown) => void;
							};
						}
					).__atlasMap;
					if (filters) {
						const t0 = performance.now();
						map.once('idle', () => res(performance.now() - t0));
						for (const [layer, filter] of Object.entries(filters)) map.setFilter(layer, filter);
						return;
					}
					const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
					const t0 = performance.now();
					map.once('idle', () => res(performance.now() - t0));
					for (const [name, value] of [
						['from', from],
						['to', to]
					]) {
						const input = document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
						setter.call(input, value);
						input.dispatchEvent(new Event('input', { bubbles: true }));
						input.dispatchEvent(new Event('change', { bubbles: true }));
					}
				}),
			{
				from,
				to,
				filters: baseline ? (baselineWindowFilters({ from, to }) as Record<string, unknown>) : null
			}
		);
		await page.waitForTimeout(500);
		const change = await stopTrace(cdp);
		const { profile } = await cdp.send('Profiler.stop');
		const self = new Map<string, number>();
		const dt = new Map<number, number>();
		for (let i = 0; i < profile.samples!.length; i++)
			dt.set(
				profile.samples![i],
				(dt.get(profile.samples![i]) ?? 0) + (profile.timeDeltas![i] ?? 0)
			);
		for (const node of profile.nodes) {
			const f = node.callFrame;
			const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}:${f.columnNumber}`;
			self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
		}
		const changeLog = await page.evaluate(
			() => (window as unknown as { __trace: PageTrace }).__trace
		);
		console.log(`== window change ${from}..${to}: map idle after ${elapsed.toFixed(0)} ms`);
		for (const line of counts(changeLog, since)) console.log(line);
		for (const line of summarize(change)) console.log(line);
		console.log('main-thread JS self time (CPU profile of the change):');
		for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25))
			console.log(`  ${v.toFixed(1)} ms ${k}`);
		mkdirSync(dirname(out), { recursive: true });
		writeFileSync(out.replace(/\.json$/, '-load.json'), JSON.stringify({ traceEvents: load }));
		writeFileSync(out.replace(/\.json$/, '-change.json'), JSON.stringify({ traceEvents: change }));
		console.log(`wrote ${out.replace(/\.json$/, '-{load,change}.json')}`);
		if (problems.length > 0) console.log(`page problems: ${problems.slice(0, 5).join(' | ')}`);
		await close();
	} finally {
		await browser.close();
		await server.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
