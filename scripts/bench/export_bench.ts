import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { guardedPage, launchBrowser } from '../../tests/e2e/browser';
import { startServer } from '../../tests/e2e/server';

/**
 * Only the "export everything shown" part of `browser_bench.ts`, for quick before/after figures:
 * `tsx scripts/bench/export_bench.ts [geodataDir] [runs]`. Serves a snapshot of `build/` (so a
 * rebuild cannot disturb it), loads the dashboard to map idle, then per format and run times menu
 * item click → `<a download>` click in the page and the longest main-thread task in between.
 */
const INIT_SCRIPT = `(() => {
	globalThis.__name ??= (fn) => fn;
	const bench = (window.__bench = { longtasks: [], menuClickAt: null, downloads: [] });
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
	}).observe({ type: 'longtask', buffered: true });
	document.addEventListener('click', (event) => {
		const target = event.target instanceof Element ? event.target : null;
		if (target && target.closest('[role="menuitem"]')) bench.menuClickAt = performance.now();
	}, true);
	const click = HTMLAnchorElement.prototype.click;
	HTMLAnchorElement.prototype.click = function () {
		if (this.hasAttribute('download')) bench.downloads.push(performance.now());
		return click.call(this);
	};
})();`;

interface BenchState {
	longtasks: [number, number][];
	menuClickAt: number | null;
	downloads: number[];
}

const FORMATS = ['GeoJSON', 'CSV (incidents)'];

async function main() {
	const geodataDir = resolve(process.argv[2] ?? 'bench/out/synthetic-100000');
	const runs = Number(process.argv[3] ?? 3);
	// Inside the repo, so the server still resolves node_modules.
	mkdirSync('bench/out', { recursive: true });
	const snapshot = mkdtempSync(join('bench/out', 'export-build-'));
	cpSync('build', snapshot, { recursive: true });
	const server = await startServer({ geodataDir, buildDir: snapshot }).catch((error) => {
		rmSync(snapshot, { recursive: true, force: true });
		throw error;
	});
	const browser = await launchBrowser();
	try {
		const { page, problems, close } = await guardedPage(browser, server.url);
		await page.addInitScript(INIT_SCRIPT);
		await page.goto(server.url + '/', { timeout: 180_000 });
		await page.waitForSelector('[data-map-state="idle"]', { timeout: 180_000 });
		const shown = (await page.textContent('[data-testid="incident-count"]'))?.trim();
		console.log(
			`dataset ${geodataDir}; shown: ${shown}; load ${loadavg().map((l) => l.toFixed(2))}`
		);
		// Let idle-time work (e.g. a worker preloading the dataset) finish, as a reader would.
		await page.waitForTimeout(5_000);
		const button = page.getByRole('button', { name: 'Export', exact: true }).first();
		for (const format of FORMATS) {
			for (let run = 1; run <= runs; run++) {
				await button.click();
				await page.evaluate(() => {
					const b = (window as unknown as { __bench: BenchState }).__bench;
					b.menuClickAt = null;
					b.downloads = [];
				});
				const download = page.waitForEvent('download', { timeout: 180_000 });
				await page.getByRole('menuitem', { name: format, exact: true }).click();
				const file = await download;
				const bytes = statSync(await file.path()).size;
				await file.delete();
				const state = await page.evaluate(
					() => (window as unknown as { __bench: BenchState }).__bench
				);
				const from = state.menuClickAt ?? 0;
				const to = state.downloads[0] ?? Infinity;
				const longest = Math.max(
					0,
					...state.longtasks.filter(([s, d]) => s < to && s + d > from).map(([, d]) => d)
				);
				console.log(
					`${format} run ${run}: ${Math.round(to - from)} ms, longest task ${Math.round(longest)} ms, ` +
						`${(bytes / 1024 / 1024).toFixed(2)} MB, load ${loadavg()[0].toFixed(2)}`
				);
				await page.keyboard.press('Escape');
			}
		}
		if (problems.length) console.log('page problems:', problems.slice(0, 5));
		await close();
	} finally {
		await browser.close();
		await server.stop();
		rmSync(snapshot, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
