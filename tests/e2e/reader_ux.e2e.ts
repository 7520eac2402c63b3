import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GuardedPage } from './browser';
import {
	DETAILS,
	openDashboard,
	readIncident,
	renderedCount,
	screenPoint,
	settle,
	type AtlasMapHandle
} from './dashboard_page';
import { useBuiltApp, withGuardedPage } from './app';
import { TEST_BUILD_DIR } from './server';

/** The test build: these tests read the map through `window.__atlasMap` (README, Testing). */
const app = useBuiltApp({ buildDir: TEST_BUILD_DIR });

const PHONE: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	hasTouch: true,
	isMobile: true
};
const DESKTOPS = [
	{ width: 1280, height: 720 },
	{ width: 1440, height: 900 },
	{ width: 1920, height: 1080 }
];

function withPage(options: BrowserContextOptions, run: (g: GuardedPage) => Promise<void>) {
	return withGuardedPage(app, options, run);
}

/** The part of a box that lies outside the viewport, in px per edge (all 0 = fully inside). */
async function overflow(page: Page, locator: Locator) {
	const box = await locator.boundingBox();
	if (!box) throw new Error('not rendered');
	const { width, height } = page.viewportSize()!;
	return {
		left: Math.max(0, -box.x),
		top: Math.max(0, -box.y),
		right: Math.max(0, box.x + box.width - width),
		bottom: Math.max(0, box.y + box.height - height)
	};
}

const INSIDE = { left: 0, top: 0, right: 0, bottom: 0 };

/** Each menu item is inside the viewport and is what a click at its centre would hit. */
async function expectItemsReachable(page: Page, menu: Locator) {
	const items = menu.getByRole('menuitem');
	expect(await items.count()).toBe(4);
	for (const item of await items.all()) {
		expect(await overflow(page, item)).toEqual(INSIDE);
		const hit = await item.evaluate((el) => {
			const r = el.getBoundingClientRect();
			return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
		});
		expect(hit, `${await item.textContent()} is covered or clipped`).toBe(true);
	}
}

describe('the phone’s bottom sheet', () => {
	it('opens on a tap of its grip without selecting the incident under the finger', async () => {
		await withPage(PHONE, async ({ page }) => {
			await openDashboard(page, app.server.url);
			const grip = page.locator('.grip');
			expect(await grip.getAttribute('aria-expanded')).toBe('false');
			const box = (await grip.boundingBox())!;
			await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
			await page.waitForFunction(
				() => document.querySelector('.grip')?.getAttribute('aria-expanded') === 'true'
			);
			// A click that would select lands within a frame or two; give it several.
			await page.evaluate(
				() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300)))
			);
			expect(new URL(page.url()).searchParams.get('sel')).toBeNull();
			expect(await page.getByRole('tab', { name: 'List' }).getAttribute('aria-selected')).toBe(
				'true'
			);
			// A second tap folds it again.
			const again = (await grip.boundingBox())!;
			await page.touchscreen.tap(again.x + again.width / 2, again.y + again.height / 2);
			await page.waitForFunction(
				() => document.querySelector('.grip')?.getAttribute('aria-expanded') === 'false'
			);
			expect(new URL(page.url()).searchParams.get('sel')).toBeNull();
		});
	});
});

describe('the Export menus', () => {
	for (const viewport of [...DESKTOPS, PHONE.viewport!]) {
		it(`the header’s menu lies inside the viewport at ${viewport.width}×${viewport.height}`, async () => {
			const options = viewport.width < 700 ? PHONE : { viewport };
			await withPage(options, async ({ page }) => {
				await openDashboard(page, app.server.url);
				await page.locator('header').getByRole('button', { name: 'Export', exact: true }).click();
				const menu = page.locator('header [role="menu"]');
				await menu.waitFor({ state: 'visible' });
				expect(await overflow(page, menu)).toEqual(INSIDE);
				await expectItemsReachable(page, menu);
			});
		});
	}

	for (const options of [{ viewport: DESKTOPS[0] }, PHONE]) {
		it(`the details panel’s “Export this incident” shows all four formats at ${options.viewport!.width} px`, async () => {
			await withPage(options, async ({ page }) => {
				await openDashboard(page, app.server.url, 'sel=2020-11-23-madagiz-mine');
				const button = page
					.locator(DETAILS)
					.getByRole('button', { name: 'Export this incident', exact: true });
				await button.scrollIntoViewIfNeeded();
				await button.click();
				const menu = page.locator(`${DETAILS} [role="menu"]`);
				await menu.waitFor({ state: 'visible' });
				// Scroll events that do not move the button (as a panel scrolling into place sends)
				// leave the menu open.
				await page.evaluate((sel) => {
					const panel = document.querySelector(sel)!;
					panel.dispatchEvent(new Event('scroll'));
					window.dispatchEvent(new Event('scroll'));
				}, DETAILS);
				await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
				expect(await menu.isVisible()).toBe(true);
				expect(await overflow(page, menu)).toEqual(INSIDE);
				await expectItemsReachable(page, menu);
			});
		});
	}

	it('the details panel’s menu follows its button on a scroll, and closes when the button scrolls away', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			await openDashboard(page, app.server.url, 'sel=2020-11-23-madagiz-mine');
			const panel = page.locator(DETAILS);
			const button = panel.getByRole('button', { name: 'Export this incident', exact: true });
			await button.scrollIntoViewIfNeeded();
			await button.click();
			const menu = page.locator(`${DETAILS} [role="menu"]`);
			await menu.waitFor({ state: 'visible' });
			const before = (await menu.boundingBox())!;
			await panel.evaluate((el) => el.scrollBy(0, -20));
			await page.waitForFunction((y) => {
				const r = document
					.querySelector('section[aria-label="Incident details"] [role="menu"]')
					?.getBoundingClientRect();
				return r && r.height > 0 && Math.abs(r.top - y) > 5;
			}, before.y);
			expect(await menu.isVisible()).toBe(true);
			await panel.evaluate((el) => el.scrollBy(0, -100_000));
			await page.waitForFunction(() =>
				document
					.querySelector('section[aria-label="Incident details"] [role="menu"]')
					?.hasAttribute('hidden')
			);
		});
	});

	it('says an export is done without pushing the header down, and inside the viewport', async () => {
		await withPage({ viewport: DESKTOPS[0], acceptDownloads: true }, async ({ page }) => {
			await openDashboard(page, app.server.url);
			const header = page.locator('header');
			const height = (await header.boundingBox())!.height;
			await header.getByRole('button', { name: 'Export', exact: true }).click();
			await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('menuitem', { name: 'GeoJSON', exact: true }).click()
			]);
			const status = header.getByRole('status');
			await page.waitForFunction(() =>
				/GeoJSON/.test(document.querySelector('header [role="status"]')?.textContent ?? '')
			);
			expect((await header.boundingBox())!.height).toBe(height);
			expect(await overflow(page, status)).toEqual(INSIDE);
		});
	});
});

describe('a region layer outside the time window', () => {
	it('says in the legend that the NKAO is valid 1923–1991, and moves the window there on request', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			await openDashboard(page, app.server.url);
			await page.click('summary:has-text("Map legend and layers")');
			const legend = page.locator('.legend');
			const row = legend.locator('li', { has: page.locator('input[id$="nkao-1923-1991"]') });
			expect(await row.locator('input').isChecked()).toBe(true);
			expect(await row.innerText()).toContain('valid 1923–1991, outside the time window');
			expect(await renderedCount(page, 'nkao-1923-1991')).toBe(0);
			await row.getByRole('button', { name: 'Show 1923–1991' }).click();
			await settle(page, () => location.search.includes('from=1923-07-07'));
			const params = new URL(page.url()).searchParams;
			expect([params.get('from'), params.get('to')]).toEqual(['1923-07-07', '1991-11-26']);
			expect(await renderedCount(page, 'nkao-1923-1991')).toBeGreaterThan(0);
			expect(await row.innerText()).not.toContain('outside the time window');
			// The timeline's handles stay on its track, at its two ends.
			const track = (await page.locator('section[aria-label="Timeline"] svg').boundingBox())!;
			for (const name of ['Start of the time window', 'End of the time window']) {
				const handle = (await page.getByRole('slider', { name }).boundingBox())!;
				expect(handle.x).toBeGreaterThanOrEqual(track.x);
				expect(handle.x + handle.width).toBeLessThanOrEqual(track.x + track.width);
			}
		});
	});

	it('says it in Vietnamese too', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			await openDashboard(page, app.server.url, 'lang=vi');
			await page.locator('details.legend-box > summary').click();
			const row = page
				.locator('.legend li')
				.filter({ has: page.locator('input[id$="nkao-1923-1991"]') });
			expect(await row.innerText()).toContain('có hiệu lực 1923–1991, nằm ngoài khoảng thời gian');
			expect(await row.getByRole('button').innerText()).toBe('Xem giai đoạn 1923–1991');
		});
	});
});

describe('the empty details panel', () => {
	it('names the ways of selecting (map, list, timeline tick), in both languages', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			await openDashboard(page, app.server.url);
			const empty = page.locator('#pane-details .empty');
			expect(await empty.innerText()).toBe(
				'Select an incident on the map, in the list or by its tick on the timeline.'
			);
			await page.getByRole('button', { name: 'Tiếng Việt' }).click();
			await page.waitForFunction(() => document.documentElement.lang === 'vi');
			expect(await empty.innerText()).toBe(
				'Hãy chọn một sự kiện trên bản đồ, trong danh sách hoặc bấm vào vạch của nó trên dòng thời gian.'
			);
		});
	});
});

const MINE = readIncident('geodata', '2020-11-23-madagiz-mine');
const TALISH = readIncident('geodata', '2016-04-02-talish');
const FIGHTING = readIncident('geodata', '2016-04-02-line-of-contact-fighting');
const MI24 = readIncident('geodata', '2016-04-02-mi24-shot-down');

/** The layers of the features drawn at a screen point, topmost first. */
function layersAt(page: Page, point: { x: number; y: number }): Promise<string[]> {
	return page.evaluate((p) => {
		const map = (window as unknown as { __atlasMap: AtlasMapHandle }).__atlasMap as unknown as {
			getCanvas(): HTMLCanvasElement;
			queryRenderedFeatures(point: [number, number]): { layer: { id: string } }[];
		};
		const r = map.getCanvas().getBoundingClientRect();
		return map.queryRenderedFeatures([p.x - r.left, p.y - r.top]).map((f) => f.layer.id);
	}, point);
}

/**
 * The colours of the screen in a square of `2r` px around a point, read from a real screenshot
 * decoded in the page (a WebGL canvas cannot be read back after it is drawn).
 */
async function coloursAround(page: Page, point: { x: number; y: number }, r: number) {
	const png = await page.screenshot({
		clip: { x: point.x - r, y: point.y - r, width: 2 * r, height: 2 * r }
	});
	return page.evaluate(async (b64) => {
		const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
		const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(bitmap, 0, 0);
		const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
		const out: [number, number, number][] = [];
		for (let i = 0; i < data.length; i += 4) out.push([data[i], data[i + 1], data[i + 2]]);
		return out;
	}, png.toString('base64'));
}

function hasColour(pixels: [number, number, number][], hex: string, tolerance = 40): boolean {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
	return pixels.some(([pr, pg, pb]) => Math.hypot(pr - r, pg - g, pb - b) <= tolerance);
}

describe('the map’s incidents', () => {
	it('draw above every place label: the topmost feature at each marker is the marker', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			await openDashboard(page, app.server.url, 'view=46.75,40.35,10');
			for (const incident of [MINE, TALISH]) {
				const point = await screenPoint(page, incident.geometry.coordinates as [number, number]);
				const layers = await layersAt(page, point);
				expect(layers[0], incident.id).toBe('incidents-circles');
			}
			const order = await page.evaluate(() =>
				(
					window as unknown as { __atlasMap: { getStyle(): { layers: { id: string }[] } } }
				).__atlasMap
					.getStyle()
					.layers.map((l) => l.id)
			);
			expect(order.indexOf('incidents-circles')).toBeGreaterThan(order.indexOf('places-labels'));
			expect(order.indexOf('incidents-lines')).toBeGreaterThan(order.indexOf('places-labels'));
		});
	});

	it('name the hovered marker’s incident and its date', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			await openDashboard(page, app.server.url, 'view=46.75,40.35,10');
			const point = await screenPoint(page, MINE.geometry.coordinates as [number, number]);
			await page.mouse.move(point.x, point.y);
			const tip = page.getByRole('tooltip');
			await tip.waitFor({ state: 'visible' });
			expect(await tip.innerText()).toContain(MINE.properties.title.en);
			expect(await tip.innerText()).toContain('23 Nov 2020');
			expect(await overflow(page, tip)).toEqual(INSIDE);
			await page.mouse.move(5, 300);
			await tip.waitFor({ state: 'detached' });
		});
	});

	it('that share a spot are listed on click, and each can be chosen (Talish and Madagiz)', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			// Zoomed out so far that the Talish and Madagiz markers overlap.
			await openDashboard(page, app.server.url, 'view=46.75,40.35,6.5');
			const a = await screenPoint(page, MINE.geometry.coordinates as [number, number]);
			const b = await screenPoint(page, TALISH.geometry.coordinates as [number, number]);
			const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
			await page.mouse.move(mid.x, mid.y);
			const tip = page.getByRole('tooltip');
			await tip.waitFor({ state: 'visible' });
			expect(await tip.innerText()).toContain(TALISH.properties.title.en);
			expect(await tip.innerText()).toContain(MINE.properties.title.en);
			for (const incident of [TALISH, MINE]) {
				await page.mouse.click(mid.x, mid.y);
				const chooser = page.getByRole('dialog', { name: /incidents here: choose one/ });
				await chooser.waitFor({ state: 'visible' });
				expect(new URL(page.url()).searchParams.get('sel')).not.toBe(incident.id);
				await chooser
					.getByRole('button', { name: new RegExp(incident.properties.title.en) })
					.click();
				await settle(page, () => true);
				await page.waitForFunction(
					(id) => new URLSearchParams(location.search).get('sel') === id,
					incident.id
				);
				expect(await chooser.count()).toBe(0);
				// The selection eased the map; go back to the overlapping view.
				await page.evaluate(() =>
					(window as unknown as { __atlasMap: { jumpTo(o: object): void } }).__atlasMap.jumpTo({
						center: [46.75, 40.35],
						zoom: 6.5
					})
				);
				await settle(page, () => true);
			}
		});
	});

	it('that trace the line of contact leave it visible beside them', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			await openDashboard(
				page,
				app.server.url,
				'from=2016-04-01&to=2016-04-05&view=47.035,40.06,10'
			);
			const [p, q] = (FIGHTING.geometry.coordinates as [number, number][]).slice(11, 13);
			const point = await screenPoint(page, [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2]);
			expect(await renderedCount(page, 'line-of-contact-1994-2020')).toBeGreaterThan(0);
			const pixels = await coloursAround(page, point, 12);
			// The line of contact's red and the battle's orange are both on screen there.
			expect(hasColour(pixels, '#c1121f'), 'line of contact red').toBe(true);
			expect(hasColour(pixels, '#d55e00'), 'incident orange').toBe(true);
		});
	});

	it('ring an imprecise position with a thin dashed outline over a barely tinted fill', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			// The Mi-24 (±25 km), with labels and places off so only land and the halo are there.
			await openDashboard(
				page,
				app.server.url,
				'from=2016-04-01&to=2016-04-05&layers=places,basemap-settlements&view=46.45,40.31,9'
			);
			expect(await renderedCount(page, 'incidents-uncertainty-outline')).toBeGreaterThan(0);
			const dash = await page.evaluate(() =>
				(
					window as unknown as { __atlasMap: { getPaintProperty(l: string, p: string): unknown } }
				).__atlasMap.getPaintProperty('incidents-uncertainty-outline', 'line-dasharray')
			);
			expect(Array.isArray(dash)).toBe(true);
			// Inside the halo, away from the marker, the land keeps its colour (Azerbaijan's).
			const [lon, lat] = MI24.geometry.coordinates as [number, number];
			const inside = await screenPoint(page, [lon - 0.12, lat + 0.09]);
			const pixels = await coloursAround(page, inside, 4);
			const land = [0xee, 0xe4, 0xcf];
			for (const [r, g, b] of pixels) {
				expect(Math.hypot(r - land[0], g - land[1], b - land[2])).toBeLessThan(16);
			}
		});
	});
});

/** The page x of each incident tick the timeline draws, left to right. */
async function tickXs(page: Page): Promise<{ xs: number[]; y: number }> {
	const svg = (await page.locator('section[aria-label="Timeline"] svg').boundingBox())!;
	const d = (await page
		.locator('section[aria-label="Timeline"] path.ticks.inside')
		.getAttribute('d'))!;
	const xs = [...d.matchAll(/M([\d.]+) /g)].map((m) => svg.x + Number(m[1])).sort((a, b) => a - b);
	return { xs, y: svg.y + 40 };
}

describe('the timeline', () => {
	it('selects the incident of a clicked tick, and lists those of a shared tick to choose from', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			await openDashboard(page, app.server.url);
			const { xs, y } = await tickXs(page);
			expect(xs.length).toBe(2);
			// The last tick is the Madagiz mine alone: a click selects it, the window stays.
			await page.mouse.click(xs[1], y);
			await page.waitForFunction(
				(id) => new URLSearchParams(location.search).get('sel') === id,
				MINE.id
			);
			const params = new URL(page.url()).searchParams;
			expect([params.get('from'), params.get('to')]).toEqual([null, null]);
			// The first tick holds the six incidents of 2 April 2016: a chooser lists them.
			await page.mouse.click(xs[0], y);
			const chooser = page.getByRole('dialog', { name: '6 incidents at this tick: choose one' });
			await chooser.waitFor({ state: 'visible' });
			expect(await chooser.getByRole('button').count()).toBe(6);
			expect(await overflow(page, chooser)).toEqual(INSIDE);
			await chooser.getByRole('button', { name: new RegExp(TALISH.properties.title.en) }).click();
			await page.waitForFunction(
				(id) => new URLSearchParams(location.search).get('sel') === id,
				TALISH.id
			);
			expect(await chooser.count()).toBe(0);
		});
	});

	it('still draws a window by dragging across the track', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			await openDashboard(page, app.server.url, 'from=2016-06-01&to=2016-12-31');
			const svg = (await page.locator('section[aria-label="Timeline"] svg').boundingBox())!;
			await page.mouse.move(svg.x + svg.width * 0.5, svg.y + 20);
			await page.mouse.down();
			await page.mouse.move(svg.x + svg.width * 0.7, svg.y + 20, { steps: 6 });
			await page.mouse.up();
			await settle(page, () => new URL(location.href).searchParams.get('from')! > '2017');
			const params = new URL(page.url()).searchParams;
			expect(params.get('from')! < params.get('to')!).toBe(true);
			expect(params.get('to')! > '2018').toBe(true);
			expect(params.get('sel')).toBeNull();
		});
	});
});
