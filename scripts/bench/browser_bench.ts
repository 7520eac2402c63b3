import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { guardedPage, launchBrowser, type GuardedPage } from '../../tests/e2e/browser';
import type { IncidentFeature } from '../../src/lib/data/schema';
import { baselineWindowFilters, type CapturedMap } from './baseline';
import { startBaselineServer } from './baseline_server';
import type { Row } from './results';
import { parseCount, pickWindows, type TimeWindow } from './windows';

export interface BrowserBenchOptions {
	size: string;
	/** Origin of the built app server serving the dataset. */
	appUrl: string;
	/** The dataset directory the app serves (its incidents and basemap feed the baseline page). */
	geodataDir: string;
	runs: number;
	log?: (line: string) => void;
	/** The app server's output, quoted in the notes when a measurement fails. */
	serverOutput?: () => string;
	/**
	 * Other designs of the map's window change to time in the same run, each as the value of the
	 * app's `?map-window=` parameter (e.g. `state`); their rows say "design <name>".
	 */
	windowDesigns?: readonly string[];
}

const MAP_IDLE = '[data-testid="map"][data-map-state="idle"]';
const LOAD_TIMEOUT = 120_000;
const STEP_TIMEOUT = 30_000;
const WINDOW_CHANGES = 20;
const CLICKS = 10;
const EXPORT_FORMATS = ['GeoJSON', 'CSV (incidents)'];
const WINDOW_METRIC = `time-window change → map idle + count updated (${WINDOW_CHANGES} changes)`;
const BASELINE_WINDOW_METRIC = `time-window change → map idle, baseline MapLibre page, same filter change (${WINDOW_CHANGES} changes)`;
const WINDOW_LIST_METRIC = 'time-window change → incident count updated (the list side alone)';
const WINDOW_RATIO_METRIC = 'time-window change, ratio app / baseline (per change)';
const CLICK_METRIC = 'click incident → details show its title';
const exportMetric = (format: string) => `export ${format} (everything shown)`;
const taskMetric = (format: string) => `longest main-thread task during export ${format}`;

/**
 * Installed before any page script: records long tasks, the first moment the map container says
 * `idle`, clicks on menu items and programmatic `<a download>` clicks (when an export is ready).
 */
const INIT_SCRIPT = `(() => {
	// tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(); give the page one.
	globalThis.__name ??= (fn) => fn;
	const bench = (window.__bench = { longtasks: [], idleAt: null, menuClickAt: null, downloads: [] });
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
		}).observe({ type: 'longtask', buffered: true });
	} catch {}
	const mark = () => {
		if (bench.idleAt === null && document.querySelector('${MAP_IDLE.replace(/'/g, "\\'")}')) {
			bench.idleAt = performance.now();
		}
	};
	new MutationObserver(mark).observe(document, {
		subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-state']
	});
	document.addEventListener('click', (event) => {
		const target = event.target instanceof Element ? event.target : null;
		if (target && target.closest('[role="menuitem"], [role="menu"] button')) bench.menuClickAt = performance.now();
		const anchor = target && target.closest('a[download]');
		if (anchor) bench.downloads.push(performance.now());
	}, true);
	const click = HTMLAnchorElement.prototype.click;
	HTMLAnchorElement.prototype.click = function () {
		if (this.hasAttribute('download') && !this.isConnected) bench.downloads.push(performance.now());
		return click.call(this);
	};
})();`;

interface BenchState {
	longtasks: [number, number][];
	idleAt: number | null;
	menuClickAt: number | null;
	downloads: number[];
}

interface MapLike {
	once(type: 'idle', listener: () => void): void;
}

type PageWindow = Window & { __bench: BenchState; __atlasMap?: MapLike };

function ms(a: number, b: number): number {
	return Math.round((b - a) * 10) / 10;
}

async function openPage(browser: Browser, origin: string): Promise<GuardedPage> {
	const guarded = await guardedPage(browser, origin);
	await guarded.page.addInitScript(INIT_SCRIPT);
	return guarded;
}

/** Loads `url` and waits for the map to be idle; resolves with ms from navigation start, or a reason. */
async function loadToIdle(page: Page, url: string): Promise<{ ms: number } | { reason: string }> {
	const response = await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
	if (!response?.ok()) return { reason: `GET ${url} answered HTTP ${response?.status()}` };
	const hasMap = await page
		// As long as the idle wait: on a loaded machine the dashboard's map container can take
		// more than 15 s to appear (the data and the app's JS come first), which is slow, not broken.
		.waitForSelector('[data-testid="map"]', { state: 'attached', timeout: LOAD_TIMEOUT })
		.then(
			() => true,
			() => false
		);
	if (!hasMap)
		return { reason: `no [data-testid="map"] on the page within ${LOAD_TIMEOUT / 1000} s` };
	const idle = await page
		.waitForFunction(() => (window as unknown as PageWindow).__bench.idleAt !== null, null, {
			timeout: LOAD_TIMEOUT
		})
		.then(
			() => true,
			() => false
		);
	if (!idle)
		return { reason: `map never reached data-map-state="idle" within ${LOAD_TIMEOUT / 1000} s` };
	return { ms: await page.evaluate(() => (window as unknown as PageWindow).__bench.idleAt!) };
}

/** Main-thread JS heap after a forced garbage collection, in MiB (workers not included). */
/**
 * The app's map after a load, for the styled baseline page: its style as MapLibre holds it (the
 * incidents and places as the app fed them), its view, its container's size and its images.
 */
async function captureMap(page: Page): Promise<CapturedMap> {
	return page.evaluate(() => {
		type Image = { data: { width: number; height: number; data: Uint8Array } };
		const map = (window as unknown as PageWindow).__atlasMap as unknown as {
			getStyle(): CapturedMap['style'];
			getCenter(): { lng: number; lat: number };
			getZoom(): number;
			getContainer(): HTMLElement;
			listImages(): string[];
			getImage(id: string): Image & { pixelRatio: number; sdf: boolean };
		};
		const center = map.getCenter();
		return {
			style: map.getStyle(),
			center: [center.lng, center.lat] as [number, number],
			zoom: map.getZoom(),
			width: map.getContainer().clientWidth,
			height: map.getContainer().clientHeight,
			images: map.listImages().map((id) => {
				const image = map.getImage(id);
				return {
					id,
					width: image.data.width,
					height: image.data.height,
					pixelRatio: image.pixelRatio,
					sdf: image.sdf,
					data: Array.from(image.data.data)
				};
			})
		};
	});
}

async function heapMiB(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	await cdp.detach();
	return usedSize / 1024 / 1024;
}

async function missing(page: Page, selectors: readonly string[]): Promise<string[]> {
	const out: string[] = [];
	for (const selector of selectors) if ((await page.$(selector)) === null) out.push(selector);
	return out;
}

async function waitIdle(page: Page): Promise<void> {
	await page.waitForSelector(MAP_IDLE, { timeout: STEP_TIMEOUT }).catch(() => {});
}

/** Sets the time window through the inputs; resolves when the map is idle again and the count changed. */
async function changeWindow(
	page: Page,
	window: TimeWindow,
	previousText: string
): Promise<{ idle: number | null; count: number | null; text: string }> {
	return page.evaluate(
		({ window, previousText, timeout }) =>
			new Promise<{ idle: number | null; count: number | null; text: string }>((resolve) => {
				const w = globalThis as unknown as PageWindow;
				const from = document.querySelector<HTMLInputElement>('input[name="from"]')!;
				const to = document.querySelector<HTMLInputElement>('input[name="to"]')!;
				const countText = () =>
					document.querySelector('[data-testid="incident-count"]')?.textContent ?? '';
				const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
				const set = (input: HTMLInputElement, value: string) => {
					setter.call(input, value);
					input.dispatchEvent(new Event('input', { bubbles: true }));
					input.dispatchEvent(new Event('change', { bubbles: true }));
				};
				let idle: number | null = null;
				let count: number | null = null;
				const t0 = performance.now();
				const finish = () => {
					observer.disconnect();
					clearTimeout(timer);
					resolve({ idle, count, text: countText() });
				};
				const check = () => {
					if (count === null && countText() !== previousText) count = performance.now() - t0;
					if (idle !== null && count !== null) finish();
				};
				const observer = new MutationObserver(check);
				observer.observe(document.body, { subtree: true, childList: true, characterData: true });
				const timer = setTimeout(finish, timeout);
				w.__atlasMap!.once('idle', () => {
					idle = performance.now() - t0;
					check();
				});
				if (window.from > to.value) {
					set(to, window.to);
					set(from, window.from);
				} else {
					set(from, window.from);
					set(to, window.to);
				}
				check();
			}),
		{ window, previousText, timeout: STEP_TIMEOUT }
	);
}

/**
 * Sets the baseline page's incident filters for a window; resolves with ms until its next `idle`
 * (null on timeout). The same change the app makes, on a page with nothing else.
 */
async function changeBaselineWindow(page: Page, window: TimeWindow): Promise<number | null> {
	return page.evaluate(
		({ filters, timeout }) =>
			new Promise<number | null>((resolve) => {
				const map = (globalThis as unknown as PageWindow).__atlasMap as unknown as {
					once(type: 'idle', listener: () => void): void;
					setFilter(layer: string, filter: unknown): void;
				};
				const t0 = performance.now();
				const timer = setTimeout(() => resolve(null), timeout);
				map.once('idle', () => {
					clearTimeout(timer);
					resolve(performance.now() - t0);
				});
				for (const [layer, filter] of Object.entries(filters)) map.setFilter(layer, filter);
			}),
		{
			filters: baselineWindowFilters(window) as Record<string, unknown>,
			timeout: STEP_TIMEOUT
		}
	);
}

/** Clicks an incident of the list; resolves with ms until the details panel shows its title. */
async function clickIncident(page: Page, id: string, title: string): Promise<number | null> {
	return page.evaluate(
		({ id, title, timeout }) =>
			new Promise<number | null>((resolve) => {
				const item = document.querySelector(`[data-incident-id="${CSS.escape(id)}"]`);
				if (!item) return resolve(null);
				const target: HTMLElement = item.matches(
					'button, a, [role="button"], [role="option"], [tabindex]'
				)
					? (item as HTMLElement)
					: (item.querySelector<HTMLElement>('button, a, [role="button"]') ??
						(item as HTMLElement));
				const shows = () =>
					document
						.querySelector('section[aria-label="Incident details"]')
						?.textContent?.includes(title) ?? false;
				const t0 = performance.now();
				const observer = new MutationObserver(() => {
					if (!shows()) return;
					observer.disconnect();
					clearTimeout(timer);
					resolve(performance.now() - t0);
				});
				observer.observe(document.body, { subtree: true, childList: true, characterData: true });
				const timer = setTimeout(() => {
					observer.disconnect();
					resolve(null);
				}, timeout);
				target.click();
			}),
		{ id, title, timeout: STEP_TIMEOUT }
	);
}

/**
 * The browser measurements, each tolerant: a missing part of the UI yields an n/a row with the
 * reason instead of an error, so the bench runs end to end while the dashboard is being built.
 */
export async function benchBrowser(
	options: BrowserBenchOptions
): Promise<{ rows: Row[]; notes: string[]; chromium: string }> {
	const { size, appUrl, geodataDir, runs } = options;
	const log = options.log ?? (() => {});
	const rows: Row[] = [];
	const notes: string[] = [];
	const problems = new Set<string>();
	const row = (metric: string, unit: string, values: number[] | null, note = '') =>
		rows.push({ size, part: 'browser', metric, unit, values, note: note || undefined });
	const incidents = (
		JSON.parse(readFileSync(join(geodataDir, 'incidents.geojson'), 'utf8')) as {
			features: IncidentFeature[];
		}
	).features;
	const titles = new Map(incidents.map((f) => [f.id, f.properties.title.en]));
	const spans = incidents.map((f) => f.properties);

	const browser = await launchBrowser();
	const baseline = await startBaselineServer(geodataDir);
	const chromium = browser.version();
	const withPage = async <T>(origin: string, use: (page: Page) => Promise<T>): Promise<T> => {
		const guarded = await openPage(browser, origin);
		try {
			return await use(guarded.page);
		} finally {
			for (const p of guarded.problems)
				problems.add(`${origin === appUrl ? 'app' : 'baseline'}: ${p}`);
			await guarded.close();
		}
	};
	/** Runs one measurement; if it throws, its rows become n/a with the error instead. */
	const section = async (metrics: string[], run: () => Promise<unknown>) => {
		try {
			await run();
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			for (const metric of metrics) {
				if (!rows.some((r) => r.metric === metric))
					row(metric, 'ms', null, `failed: ${message.split('\n')[0]}`);
			}
			const output = options.serverOutput?.().slice(-1500);
			notes.push(
				`browser ${size}: ${metrics[0]} failed: ${message}${output ? `\nserver output: ${output}` : ''}`
			);
		}
	};
	try {
		/** Per design ('' = the app as it ships), the time of each window change. */
		const appWindowTimes = new Map<string, { window: TimeWindow; ms: number }[]>();
		const designs = ['', ...(options.windowDesigns ?? [])];
		const designLabel = (design: string, metric: string) =>
			design ? `${metric}, design ${design} (?map-window=${design})` : metric;
		// (1) navigation → map idle, app and baselines alternating, each in a fresh context (cold
		// cache); (5) heap. The styled baseline is MapLibre alone drawing the app's own map, captured
		// from one load of the app before the timed ones (not counted).
		const pages = ['app', 'baseline', 'styled'] as const;
		type Which = (typeof pages)[number];
		const nav: Record<Which, number[]> = { app: [], baseline: [], styled: [] };
		const heap = { app: [] as number[], baseline: [] as number[], styled: [] as number[] };
		const reasons: Record<Which, string> = { app: '', baseline: '', styled: '' };
		let styledUrl = '';
		await withPage(appUrl, async (page) => {
			const result = await loadToIdle(page, appUrl + '/');
			if ('reason' in result) reasons.styled = `app map did not load: ${result.reason}`;
			else styledUrl = baseline.serveStyled(await captureMap(page), appUrl);
		}).catch((error) => {
			reasons.styled = `could not capture the app's map: ${String(error).split('\n')[0]}`;
		});
		const urls: Record<Which, string> = {
			app: appUrl + '/',
			baseline: baseline.url + '/',
			styled: styledUrl
		};
		for (let run = 1; run <= runs; run++) {
			for (const which of pages) {
				if (reasons[which]) continue;
				await section([`navigation (${which})`], () =>
					withPage(which === 'app' ? appUrl : baseline.url, async (page) => {
						const result = await loadToIdle(page, urls[which]);
						if ('reason' in result) {
							reasons[which] = result.reason;
							return;
						}
						nav[which].push(result.ms);
						if (which !== 'styled') heap[which].push(await heapMiB(page));
						log(
							`browser ${size}: ${which} run ${run}/${runs}: idle after ${Math.round(result.ms)} ms`
						);
					})
				).then(() => {
					const failed = rows.findIndex((r) => r.metric === `navigation (${which})`);
					if (failed >= 0) reasons[which] = rows.splice(failed, 1)[0].note ?? 'failed';
				});
			}
		}
		const ratios = (of: Which) => {
			const paired = Math.min(nav.app.length, nav[of].length);
			return paired > 0 ? nav.app.slice(0, paired).map((a, i) => a / nav[of][i]) : null;
		};
		row('navigation → map idle (app)', 'ms', reasons.app ? null : nav.app, reasons.app);
		row(
			'navigation → map idle (baseline MapLibre page)',
			'ms',
			reasons.baseline ? null : nav.baseline,
			reasons.baseline
		);
		row(
			'navigation → map idle, ratio app / baseline',
			'×',
			ratios('baseline'),
			ratios('baseline') ? 'per-run ratio' : reasons.app || reasons.baseline
		);
		row(
			"navigation → map idle (MapLibre alone with the app's style, view and map size)",
			'ms',
			reasons.styled ? null : nav.styled,
			reasons.styled
		);
		row(
			"navigation → map idle, ratio app / MapLibre alone with the app's style",
			'×',
			ratios('styled'),
			ratios('styled')
				? 'per-run ratio: what the dashboard around the map costs'
				: reasons.app || reasons.styled
		);
		row(
			'JS heap after load (app, main thread, after GC)',
			'MiB',
			reasons.app ? null : heap.app,
			reasons.app
		);
		row(
			'JS heap after load (baseline, main thread, after GC)',
			'MiB',
			reasons.baseline ? null : heap.baseline,
			reasons.baseline
		);
		if (reasons.app) {
			const reason = `app map did not load: ${reasons.app}`;
			for (const metric of [WINDOW_METRIC, CLICK_METRIC]) row(metric, 'ms', null, reason);
			for (const format of EXPORT_FORMATS) {
				row(exportMetric(format), 'ms', null, reason);
				row(taskMetric(format), 'ms', null, reason);
			}
			return { rows, notes, chromium };
		}

		// (2) time-window changes, for the app as it ships and for each other design.
		for (const design of designs)
			await section([designLabel(design, WINDOW_METRIC)], () =>
				withPage(appUrl, async (page) => {
					const metric = designLabel(design, WINDOW_METRIC);
					await loadToIdle(page, appUrl + (design ? `/?map-window=${design}` : '/'));
					const absent = await missing(page, [
						'section[aria-label="Timeline"] input[name="from"]',
						'section[aria-label="Timeline"] input[name="to"]',
						'[data-testid="incident-count"]'
					]);
					if (!(await page.evaluate(() => Boolean((window as unknown as PageWindow).__atlasMap)))) {
						absent.push('window.__atlasMap (only in the test build, `npm run build:test`)');
					}
					if (absent.length > 0) return row(metric, 'ms', null, `missing ${absent.join(', ')}`);
					const windows = pickWindows(spans, WINDOW_CHANGES);
					if (windows.length === 0)
						return row(metric, 'ms', null, 'the data has too few dates to vary the count');
					const times: number[] = [];
					let matched = 0;
					let timeouts = 0;
					const mine: { window: TimeWindow; ms: number }[] = [];
					appWindowTimes.set(design, mine);
					const countTimes: number[] = [];
					let previous = (await page.textContent('[data-testid="incident-count"]')) ?? '';
					for (const { window, expected } of windows) {
						await waitIdle(page);
						const result = await changeWindow(page, window, previous);
						previous = result.text;
						if (result.idle === null || result.count === null) {
							timeouts++;
							continue;
						}
						times.push(Math.max(result.idle, result.count));
						countTimes.push(result.count);
						mine.push({ window, ms: Math.max(result.idle, result.count) });
						if (parseCount(result.text) === expected) matched++;
					}
					row(
						metric,
						'ms',
						times.length > 0 ? times : null,
						[
							`count matched the expected overlap count in ${matched}/${windows.length}`,
							timeouts > 0
								? `${timeouts} change(s) timed out after ${STEP_TIMEOUT / 1000} s (map idle or count never came)`
								: ''
						]
							.filter(Boolean)
							.join('; ')
					);
					row(
						designLabel(design, WINDOW_LIST_METRIC),
						'ms',
						countTimes.length > 0 ? countTimes : null,
						'same changes as above; the map may still be drawing'
					);
				})
			);

		// (2b) the same window changes on the baseline page: the floor MapLibre itself sets here.
		await section([BASELINE_WINDOW_METRIC], () =>
			withPage(baseline.url, async (page) => {
				const result = await loadToIdle(page, baseline.url + '/');
				if ('reason' in result) return row(BASELINE_WINDOW_METRIC, 'ms', null, result.reason);
				const times: number[] = [];
				const ratios = new Map<string, number[]>(designs.map((d) => [d, []]));
				let timeouts = 0;
				for (const { window } of pickWindows(spans, WINDOW_CHANGES)) {
					await waitIdle(page);
					const ms = await changeBaselineWindow(page, window);
					if (ms === null) {
						timeouts++;
						continue;
					}
					times.push(ms);
					for (const design of designs) {
						const app = appWindowTimes
							.get(design)
							?.find((a) => a.window.from === window.from && a.window.to === window.to);
						if (app) ratios.get(design)!.push(app.ms / ms);
					}
				}
				const timedOut =
					timeouts > 0 ? `${timeouts} change(s) timed out after ${STEP_TIMEOUT / 1000} s` : '';
				row(BASELINE_WINDOW_METRIC, 'ms', times.length > 0 ? times : null, timedOut);
				for (const design of designs) {
					const mine = ratios.get(design)!;
					row(
						designLabel(design, WINDOW_RATIO_METRIC),
						'×',
						mine.length > 0 ? mine : null,
						mine.length > 0
							? 'app change ÷ baseline change, for the same window'
							: 'no paired changes'
					);
				}
			})
		);

		// (3) click on incidents in the list.
		await section([CLICK_METRIC], () =>
			withPage(appUrl, async (page) => {
				const metric = CLICK_METRIC;
				await loadToIdle(page, appUrl + '/');
				const absent = await missing(page, [
					'section[aria-label="Incidents"] [data-incident-id]',
					'section[aria-label="Incident details"]'
				]);
				if (absent.length > 0) return row(metric, 'ms', null, `missing ${absent.join(', ')}`);
				const ids = await page.$$eval('section[aria-label="Incidents"] [data-incident-id]', (els) =>
					els.slice(0, 60).map((e) => e.getAttribute('data-incident-id') ?? '')
				);
				const times: number[] = [];
				let failed = 0;
				const usedTitles = new Set<string>();
				for (const id of ids) {
					if (times.length + failed >= CLICKS) break;
					const title = titles.get(id);
					if (!title || usedTitles.has(title)) continue;
					const shown = await page.evaluate(
						(t) =>
							document
								.querySelector('section[aria-label="Incident details"]')
								?.textContent?.includes(t) ?? false,
						title
					);
					if (shown) continue;
					usedTitles.add(title);
					const t = await clickIncident(page, id, title);
					if (t === null) failed++;
					else times.push(t);
					await waitIdle(page);
				}
				row(
					metric,
					'ms',
					times.length > 0 ? times : null,
					times.length === 0
						? `details never showed the clicked incident's title (${failed} tried)`
						: failed > 0
							? `${failed} click(s) timed out`
							: ''
				);
			})
		);

		// (4) exports of everything shown, with the longest main-thread task during each.
		await section(
			EXPORT_FORMATS.flatMap((f) => [exportMetric(f), taskMetric(f)]),
			() =>
				withPage(appUrl, async (page) => {
					await loadToIdle(page, appUrl + '/');
					const shown = await page.textContent('[data-testid="incident-count"]').catch(() => null);
					const button = page.getByRole('button', { name: 'Export', exact: true });
					for (const format of EXPORT_FORMATS) {
						const metric = exportMetric(format);
						const longestMetric = taskMetric(format);
						if ((await button.count()) === 0) {
							row(metric, 'ms', null, 'no button named "Export"');
							row(longestMetric, 'ms', null, 'no button named "Export"');
							continue;
						}
						const times: number[] = [];
						const longest: number[] = [];
						let reason = '';
						let bytes = 0;
						let timedInPage = 0;
						for (let run = 1; run <= runs; run++) {
							await button.first().click();
							const item = page
								.getByRole('menuitem', { name: format, exact: true })
								.or(page.getByRole('button', { name: format, exact: true }));
							if ((await item.count()) === 0) {
								reason = `no menu item "${format}" after clicking Export`;
								break;
							}
							await page.evaluate(() => {
								const b = (window as unknown as PageWindow).__bench;
								b.menuClickAt = null;
								b.downloads = [];
							});
							const started = Date.now();
							const download = page.waitForEvent('download', { timeout: LOAD_TIMEOUT });
							await item.first().click();
							const file = await download.catch(() => null);
							const elapsed = Date.now() - started;
							if (!file) {
								reason = `no download within ${LOAD_TIMEOUT / 1000} s`;
								break;
							}
							const path = await file.path();
							bytes = statSync(path).size;
							await file.delete();
							const state = await page.evaluate(() => (window as unknown as PageWindow).__bench);
							const start = state.menuClickAt;
							const end = state.downloads[0];
							const inPage = start !== null && end !== undefined;
							times.push(inPage ? ms(start, end) : elapsed);
							if (inPage) timedInPage++;
							const from = inPage ? start : 0;
							const to = inPage ? end : Number.POSITIVE_INFINITY;
							longest.push(
								Math.max(
									0,
									...state.longtasks.filter(([s, d]) => s < to && s + d > from).map(([, d]) => d)
								)
							);
							await page.keyboard.press('Escape');
						}
						const note =
							reason ||
							`${(bytes / 1024 / 1024).toFixed(2)} MB file; count shown: ${shown?.trim() ?? 'n/a'}; ` +
								`${timedInPage}/${times.length} timed in page (menu item click → <a download> click), ` +
								'the rest from Node (click → download event)';
						row(metric, 'ms', times.length > 0 ? times : null, note);
						row(
							longestMetric,
							'ms',
							longest.length > 0 ? longest : null,
							reason || '0 = no task of 50 ms or more (PerformanceObserver longtask)'
						);
					}
				})
		);
	} finally {
		await baseline.stop();
		await browser.close();
		if (problems.size > 0) {
			notes.push(
				`browser ${size}: ${problems.size} page problem(s) (page errors, console errors, requests leaving the server); first: ` +
					[...problems].slice(0, 5).join(' | ')
			);
		}
	}
	return { rows, notes, chromium };
}
