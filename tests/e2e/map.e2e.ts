import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { guardedPage, waitForMapIdle, type GuardedPage } from './browser';
import { useBuiltApp } from './app';
import { TEST_BUILD_DIR } from './server';

/** The map of the built app, in Chromium: what it draws and how it answers the pointer. */

const MADAGIZ_MINE = '2020-11-23-madagiz-mine';
const MADAGIZ: [number, number] = [46.750222, 40.325861];

let open: GuardedPage | null = null;

/** The test build: these tests read the map through `window.__atlasMap` (README, Testing). */
const app = useBuiltApp({ buildDir: TEST_BUILD_DIR });

afterEach(async () => {
	const current = open;
	open = null;
	if (!current) return;
	await current.close();
	expect(current.problems, 'page errors or requests off the test server').toEqual([]);
});

async function openMap(query = ''): Promise<Page> {
	open = await guardedPage(app.browser, app.server.url);
	await open.page.goto(`${app.server.url}/${query}`);
	await waitForMapIdle(open.page);
	return open.page;
}

/** A position on the page (CSS pixels) of a longitude/latitude on the map. */
async function onPage(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
	return page.evaluate((lngLat) => {
		const map = window.__atlasMap!;
		const point = map.project(lngLat);
		const rect = map.getCanvas().getBoundingClientRect();
		return { x: rect.left + point.x, y: rect.top + point.y };
	}, lngLat);
}

/**
 * Reads the WebGL canvas right after a frame is drawn (the drawing buffer is only valid until
 * the frame is composited) and returns, for the given map positions, the RGB under each, and the
 * number of distinct colours in the whole canvas (channels quantised to 8 levels).
 */
async function readCanvas(page: Page, positions: [number, number][]) {
	return page.evaluate(
		(positions) =>
			new Promise<{ colours: number; samples: number[][] }>((resolve) => {
				const map = window.__atlasMap!;
				map.once('render', () => {
					const gl = map.getCanvas();
					const copy = document.createElement('canvas');
					copy.width = gl.width;
					copy.height = gl.height;
					const ctx = copy.getContext('2d')!;
					ctx.drawImage(gl, 0, 0);
					const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
					const seen = new Set<number>();
					for (let i = 0; i < data.length; i += 4) {
						seen.add(((data[i] >> 5) << 6) | ((data[i + 1] >> 5) << 3) | (data[i + 2] >> 5));
					}
					const ratio = gl.width / gl.clientWidth;
					const samples = positions.map((lngLat) => {
						const p = map.project(lngLat);
						const i = (Math.round(p.y * ratio) * copy.width + Math.round(p.x * ratio)) * 4;
						return [data[i], data[i + 1], data[i + 2]];
					});
					resolve({ colours: seen.size, samples });
				});
				map.triggerRepaint();
			}),
		positions
	);
}

function hexToRgb(hex: string): number[] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function close(actual: number[], expected: number[], tolerance = 3): boolean {
	return actual.every((v, i) => Math.abs(v - expected[i]) <= tolerance);
}

async function featureState(page: Page, id: string) {
	return page.evaluate((id) => window.__atlasMap!.getFeatureState({ source: 'incidents', id }), id);
}

async function rendered(page: Page, layer: string) {
	return page.evaluate(
		(layer) =>
			window.__atlasMap!.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties),
		layer
	);
}

describe('the map', () => {
	it('opens framed on the region with Madagiz and Tartar in view', async () => {
		const page = await openMap();
		const inView = await page.evaluate(() => {
			const bounds = window.__atlasMap!.getBounds();
			return [
				[46.750222, 40.325861],
				[46.92889, 40.345]
			].map((p) => bounds.contains(p as [number, number]));
		});
		expect(inView).toEqual([true, true]);
	});

	it('draws the basemap: many colours, each country apart from its neighbours, the background as other land', async () => {
		const page = await openMap();
		const full = await readCanvas(page, []);
		expect(full.colours).toBeGreaterThanOrEqual(24);

		// With only the basemap fill showing, compare pixels against the style's own colours.
		const expected = await page.evaluate(() => {
			const map = window.__atlasMap!;
			for (const layer of map.getStyle().layers) {
				if (layer.id !== 'background' && layer.id !== 'basemap-countries') {
					map.setLayoutProperty(layer.id, 'visibility', 'none');
				}
			}
			map.jumpTo({ center: [46.2, 40.0], zoom: 6 });
			const fill = map.getPaintProperty('basemap-countries', 'fill-color') as unknown[];
			const colourOf = (name: string) => fill[fill.indexOf(name) + 1] as string;
			return {
				background: map.getPaintProperty('background', 'background-color') as string,
				azerbaijan: colourOf('Azerbaijan'),
				armenia: colourOf('Armenia'),
				iran: colourOf('Iran'),
				other: fill.at(-1) as string
			};
		});
		await waitForMapIdle(page);
		// Central Azerbaijan, central Armenia, and northern Iran.
		const { samples } = await readCanvas(page, [
			[47.6, 40.4],
			[44.9, 40.3],
			[46.0, 38.5]
		]);
		const [azerbaijan, armenia, iran] = samples;
		// Beyond the basemap the background carries on as other land, so its edge shows no rectangle.
		expect(expected.background).toBe(expected.other);
		expect(close(azerbaijan, hexToRgb(expected.azerbaijan)), `Azerbaijan pixel ${azerbaijan}`).toBe(
			true
		);
		expect(close(armenia, hexToRgb(expected.armenia)), `Armenia pixel ${armenia}`).toBe(true);
		expect(close(iran, hexToRgb(expected.iran)), `Iran pixel ${iran}`).toBe(true);
		expect(close(azerbaijan, armenia)).toBe(false);
		expect(close(azerbaijan, iran)).toBe(false);
		expect(close(azerbaijan, hexToRgb(expected.background))).toBe(false);
	});

	it('labels places with both names where disputed, and towns by population', async () => {
		open = await guardedPage(app.browser, app.server.url);
		const page = open.page;
		const glyphs: string[] = [];
		const warnings: string[] = [];
		page.on('response', (response) => {
			const url = decodeURIComponent(response.url());
			if (url.includes('/glyphs/')) glyphs.push(`${response.status()} ${url.split('/glyphs/')[1]}`);
		});
		page.on('console', (message) => {
			if (message.type() === 'warning') warnings.push(message.text());
		});
		await page.goto(`${app.server.url}/`);
		await waitForMapIdle(page);
		const labels = (await rendered(page, 'places-labels')).map((p) => p.label);
		expect(labels).toContain('Madagiz / Sugovushan');
		expect(labels).toContain('Terter / Tartar');
		const towns = await rendered(page, 'basemap-settlements');
		expect(towns.length).toBeGreaterThan(3);
		// The curated place labels Tartar; GeoNames' one-sided "Terter" is not added beside it.
		expect(towns.map((p) => p.name)).not.toContain('Terter');
		// The labels' glyphs come from the app's own files (fonts.ts), one request per stack and
		// range, and none falls back to drawing on the page: MapLibre warns when it has to.
		expect(glyphs).toEqual(
			expect.arrayContaining([
				'200 Noto Sans Bold,Noto Sans,Noto Sans Armenian/0-255.pbf',
				'200 Noto Sans,Noto Sans Armenian/0-255.pbf',
				'200 Noto Sans Italic,Noto Sans,Noto Sans Armenian/0-255.pbf'
			])
		);
		expect(glyphs.filter((g) => !g.startsWith('200 '))).toEqual([]);
		expect(new Set(glyphs).size).toBe(glyphs.length);
		expect(warnings.filter((w) => /glyph/i.test(w))).toEqual([]);
	});

	it('highlights the incident under the pointer and shows a pointer cursor', async () => {
		const page = await openMap();
		const at = await onPage(page, MADAGIZ);
		await page.mouse.move(at.x, at.y);
		await page.waitForFunction(
			(id) => window.__atlasMap!.getFeatureState({ source: 'incidents', id }).hover === true,
			MADAGIZ_MINE
		);
		expect(await page.evaluate(() => window.__atlasMap!.getCanvas().style.cursor)).toBe('pointer');
		const away = await onPage(page, [47.45, 40.55]);
		await page.mouse.move(away.x, away.y);
		await page.waitForFunction(
			(id) => window.__atlasMap!.getFeatureState({ source: 'incidents', id }).hover === false,
			MADAGIZ_MINE
		);
		expect(await page.evaluate(() => window.__atlasMap!.getCanvas().style.cursor)).toBe('');
	});

	it('selects the Madagiz incident on click, eases to it, and clears on a click on empty map', async () => {
		const page = await openMap();
		const at = await onPage(page, MADAGIZ);
		await page.mouse.click(at.x, at.y);
		await page.waitForFunction(
			(id) => window.__atlasMap!.getFeatureState({ source: 'incidents', id }).selected === true,
			MADAGIZ_MINE
		);
		await page.waitForURL((url) => url.searchParams.get('sel') === MADAGIZ_MINE);
		await waitForMapIdle(page);
		const centre = await page.evaluate(() => window.__atlasMap!.getCenter().toArray());
		expect(centre[0]).toBeCloseTo(MADAGIZ[0], 2);
		expect(centre[1]).toBeCloseTo(MADAGIZ[1], 2);

		const empty = await onPage(page, [MADAGIZ[0] + 0.06, MADAGIZ[1] - 0.09]);
		expect(
			await page.evaluate(({ x, y }) => {
				const map = window.__atlasMap!;
				const rect = map.getCanvas().getBoundingClientRect();
				return map.queryRenderedFeatures([x - rect.left, y - rect.top], {
					layers: ['incidents-circles', 'incidents-lines']
				}).length;
			}, empty)
		).toBe(0);
		await page.mouse.click(empty.x, empty.y);
		await page.waitForFunction(
			(id) => window.__atlasMap!.getFeatureState({ source: 'incidents', id }).selected === false,
			MADAGIZ_MINE
		);
		await page.waitForURL((url) => !url.searchParams.has('sel'));
		expect((await featureState(page, MADAGIZ_MINE)).selected).toBe(false);
	});

	it('shows the 1994–2020 line in a 2016 window and the 2020 arrangement after 10 Nov 2020', async () => {
		let page = await openMap('?from=2016-04-01&to=2016-04-05');
		expect((await rendered(page, 'line-of-contact-1994-2020')).length).toBeGreaterThan(0);
		expect(await rendered(page, 'ceasefire-2020')).toEqual([]);
		await open!.close();
		expect(open!.problems).toEqual([]);

		page = await openMap('?from=2020-11-11&to=2020-12-31');
		expect(await rendered(page, 'line-of-contact-1994-2020')).toEqual([]);
		const ceasefire = (await rendered(page, 'ceasefire-2020')).map((p) => p.id);
		expect(ceasefire.length).toBeGreaterThan(0);
	});

	it('re-tiles the incidents and the region layers, one source each, the regions only when a window change shows or hides one', async () => {
		const page = await openMap('?from=2016-04-01&to=2016-04-05');
		await page.evaluate(() => {
			const w = window as unknown as { __reloaded: string[] };
			w.__reloaded = [];
			// A tile (re)parsed by a worker arrives as a `sourcedata` event carrying the tile.
			window.__atlasMap!.on('sourcedata', (e: { sourceId?: string; tile?: unknown }) => {
				if (e.sourceId && e.tile) w.__reloaded.push(e.sourceId);
			});
		});
		const FROM = 'section[aria-label="Timeline"] input[name="from"]';
		const TO = 'section[aria-label="Timeline"] input[name="to"]';
		const changeWindow = async (from: string, to: string) => {
			await page.evaluate(() => ((window as unknown as { __reloaded: string[] }).__reloaded = []));
			// Moving later, the end goes first so the window never runs backwards.
			const order = from > (await page.inputValue(TO)) ? [TO, FROM] : [FROM, TO];
			for (const input of order) await page.fill(input, input === FROM ? from : to);
			await page.waitForFunction(
				([f, t]) => {
					const params = new URL(location.href).searchParams;
					return params.get('from') === f && params.get('to') === t;
				},
				[from, to]
			);
			await waitForMapIdle(page);
			return new Set(
				await page.evaluate(() => (window as unknown as { __reloaded: string[] }).__reloaded)
			);
		};
		// Within the years of the 1994–2020 line: the incidents change, no region does.
		// Issue 16: one source re-tiled per window change (the halos share the incidents source),
		// as on the bare-MapLibre page; the three region layers share one source too.
		const quiet = await changeWindow('2016-01-01', '2018-12-31');
		expect([...quiet]).toEqual(['incidents']);
		// Past 10 November 2020: the line goes, the arrangement comes.
		const crossing = await changeWindow('2020-11-11', '2020-12-31');
		expect([...crossing].sort()).toEqual(['incidents', 'regions']);
		expect(await rendered(page, 'line-of-contact-1994-2020')).toEqual([]);
		expect((await rendered(page, 'ceasefire-2020')).length).toBeGreaterThan(0);
	});

	for (const design of ['filter', 'state']) {
		it(`after a window change (design ${design}), draws, picks and clicks only the incidents in it`, async () => {
			// The 2020 Madagiz mine and the 2016 Talish shelling, 4 km apart.
			const TALISH = '2016-04-02-talish';
			const talishAt: [number, number] = [46.74083, 40.38139];
			const page = await openMap(`?map-window=${design}`);
			const under = async (lngLat: [number, number]) =>
				page.evaluate((ll) => {
					const map = window.__atlasMap!;
					const p = map.project(ll);
					return map
						.queryRenderedFeatures([p.x, p.y], { layers: ['incidents-circles'] })
						.map((f) => f.properties.id as string);
				}, lngLat);
			expect(await under(MADAGIZ)).toContain(MADAGIZ_MINE);
			expect(await under(talishAt)).toContain(TALISH);

			const FROM = 'section[aria-label="Timeline"] input[name="from"]';
			const TO = 'section[aria-label="Timeline"] input[name="to"]';
			await page.fill(FROM, '2016-04-01');
			await page.fill(TO, '2016-04-05');
			await page.waitForFunction(
				() => new URL(location.href).searchParams.get('to') === '2016-04-05'
			);
			await waitForMapIdle(page);
			// Hidden: not drawn, not picked by a query, not hovered, not selected by a click.
			expect(await under(MADAGIZ)).toEqual([]);
			const ids = (await rendered(page, 'incidents-circles')).map((p) => p.id);
			expect(ids).toContain(TALISH);
			expect(ids).not.toContain(MADAGIZ_MINE);
			const mine = await onPage(page, MADAGIZ);
			await page.mouse.move(mine.x, mine.y);
			await page.mouse.click(mine.x, mine.y);
			await waitForMapIdle(page);
			expect((await featureState(page, MADAGIZ_MINE)).hover ?? false).toBe(false);
			expect(new URL(page.url()).searchParams.get('sel')).toBeNull();
			// The list's count and the map agree: the six incidents of 2 April 2016 (all in view).
			expect(await page.textContent('[data-testid="incident-count"]')).toBe('6 of 7 incidents');
			const drawn = new Set([
				...(await rendered(page, 'incidents-circles')).map((p) => p.id),
				...(await rendered(page, 'incidents-lines')).map((p) => p.id)
			]);
			expect(drawn.size).toBe(6);
			// Shown: picked and selected by a click.
			const talish = await onPage(page, talishAt);
			await page.mouse.click(talish.x, talish.y);
			await page.waitForURL((url) => url.searchParams.get('sel') === TALISH);
		});
	}

	it('switches a region layer off and on from its legend checkbox, and states its accuracy', async () => {
		const page = await openMap('?from=2016-04-01&to=2016-04-05');
		const dataset = JSON.parse(
			readFileSync('geodata/layers/line-of-contact-1994-2020.geojson', 'utf8')
		) as { features: { properties: { accuracy_m: number } }[] };
		const km = Math.max(...dataset.features.map((f) => f.properties.accuracy_m)) / 1000;
		// The page may fold the legend away (a <details>); open it as a reader would.
		const folded = page.locator('details:not([open])', { has: page.locator('.legend') });
		if ((await folded.count()) > 0) await folded.locator('summary').first().click();
		const checkbox = page.getByRole('checkbox', { name: /Line of contact, 1994–2020/ });
		expect(await checkbox.isChecked()).toBe(true);
		const description = await checkbox.evaluate((el) =>
			document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent?.trim()
		);
		expect(description).toContain(
			`approximate, ±${km.toLocaleString('en-GB', { maximumFractionDigits: 1 })} km`
		);

		await checkbox.uncheck();
		await waitForMapIdle(page);
		expect(
			await page.evaluate(() =>
				window.__atlasMap!.getLayoutProperty('line-of-contact-1994-2020', 'visibility')
			)
		).toBe('none');
		expect(await rendered(page, 'line-of-contact-1994-2020')).toEqual([]);

		await checkbox.check();
		await waitForMapIdle(page);
		expect((await rendered(page, 'line-of-contact-1994-2020')).length).toBeGreaterThan(0);
	});

	it('speaks Vietnamese in its controls and legend when the page switches language', async () => {
		const page = await openMap();
		await expect
			.poll(() => page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label'))
			.toBe('Zoom in');
		await page.getByRole('button', { name: 'Tiếng Việt' }).click();
		await expect
			.poll(() => page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label'))
			.toBe('Phóng to');
		expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(1);
		const label = (selector: string, name = 'aria-label') =>
			page.locator(selector).first().getAttribute(name);
		expect(await label('.maplibregl-ctrl-zoom-in', 'title')).toBe('Phóng to');
		expect(await label('.maplibregl-ctrl-zoom-out')).toBe('Thu nhỏ');
		expect(await label('.maplibregl-ctrl-compass', 'title')).toBe(
			'Kéo để xoay bản đồ, bấm để quay về hướng bắc'
		);
		expect(await label('.maplibregl-ctrl-attrib-button')).toBe('Bật/tắt nguồn dữ liệu');
		expect(await label('canvas.maplibregl-canvas')).toBe('Bản đồ');
		expect(await page.locator('.legend').getAttribute('lang')).toBe('vi');
		expect(await page.locator('.legend').textContent()).toContain('Đường tiếp xúc, 1994–2020');
	});
});
