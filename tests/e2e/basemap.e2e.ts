import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '$lib/server/load';
import { BASEMAP_BOUNDS, panBounds } from '$lib/map/style';
import { useBuiltApp, withGuardedPage } from './app';
import { TEST_BUILD_DIR } from './server';
import { waitForMapIdle } from './browser';

/**
 * The basemap a first-time reader orients by (water, country names, one spelling of the towns,
 * no edge of the world) and the furniture over it (legend, credits, scale, zoom buttons, header),
 * in Chromium against the built app.
 */

/** The test build: these tests read the map through `window.__atlasMap` (README, Testing). */
const app = useBuiltApp({ buildDir: TEST_BUILD_DIR });
const dataset = loadDataset('geodata');
const BAKU = dataset.places.features.find((p) => p.properties.id === 'baku')!.geometry
	.coordinates as [number, number];

const MADAGIZ_MINE = '2020-11-23-madagiz-mine';
const MADAGIZ: [number, number] = [46.750222, 40.325861];

const DESKTOPS = [
	{ width: 1280, height: 720 },
	{ width: 1440, height: 900 },
	{ width: 1920, height: 1080 }
];
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

async function open(page: Page, origin: string, query = ''): Promise<void> {
	await page.goto(`${origin}/${query ? `?${query}` : ''}`);
	await waitForMapIdle(page);
}

/** Moves the map and waits for the frame after it. */
async function jump(page: Page, options: { center?: [number, number]; zoom?: number }) {
	await page.evaluate((o) => window.__atlasMap!.jumpTo(o), options);
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = window.__atlasMap!;
				if (map.loaded() && !map.isMoving()) map.triggerRepaint();
				map.once('idle', () => resolve());
			})
	);
}

/** A property of every feature MapLibre has drawn in the view for the layers. */
function rendered(page: Page, layers: string[], property = 'name'): Promise<string[]> {
	return page.evaluate(
		({ layers, property }) =>
			window
				.__atlasMap!.queryRenderedFeatures({ layers })
				.map((f) => String(f.properties[property])),
		{ layers, property }
	);
}

interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

async function box(page: Page, selector: string): Promise<Box | null> {
	return page.evaluate((selector) => {
		const el = document.querySelector(selector);
		if (!el) return null;
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) return null;
		return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
	}, selector);
}

function overlap(a: Box, b: Box): boolean {
	return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

const ATTRIBUTION = '[data-testid="map"] .maplibregl-ctrl-attrib';
const SCALE = '[data-testid="map"] .maplibregl-ctrl-scale';
const ZOOM = '[data-testid="map"] .maplibregl-ctrl-top-right .maplibregl-ctrl-group';
const LEGEND = '.legend-box';

/** Opens the legend (closed by default below 1600 px) and returns the boxes of the furniture. */
async function furniture(page: Page) {
	if (!(await page.$eval(LEGEND, (d) => (d as HTMLDetailsElement).open))) {
		await page.click(`${LEGEND} summary`);
	}
	await page.waitForFunction((s) => (document.querySelector(s) as HTMLDetailsElement).open, LEGEND);
	return {
		legend: (await box(page, LEGEND))!,
		attribution: (await box(page, ATTRIBUTION))!,
		scale: (await box(page, SCALE))!,
		zoom: (await box(page, ZOOM))!
	};
}

describe('the basemap', () => {
	it('draws Natural Earth water: Lake Sevan, the Mingachevir reservoir, the Kura and the Aras', async () => {
		await withGuardedPage(app, { viewport: { width: 1440, height: 900 } }, async ({ page }) => {
			await open(page, app.server.url);
			await jump(page, { center: [46.2, 40.0], zoom: 7 });
			const water = new Set(await rendered(page, ['basemap-water', 'basemap-rivers']));
			expect([...water].sort()).toEqual(['Aras', 'Kura', 'Lake Sevan', 'Mingachevir reservoir']);
			await jump(page, { center: [45.3, 40.35], zoom: 8.5 });
			const names = new Set(await rendered(page, ['basemap-lake-labels']));
			expect(names.has('Lake Sevan')).toBe(true);
		});
	});

	it('names the countries and the water places in view, in English and in Vietnamese', async () => {
		await withGuardedPage(app, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
			await open(page, app.server.url);
			const countries = new Set(await rendered(page, ['basemap-country-labels']));
			expect(countries.has('Azerbaijan')).toBe(true);
			expect(countries.has('Armenia')).toBe(true);
			await page.click('button[lang="vi"]');
			await page.waitForFunction(() => document.documentElement.lang === 'vi');
			await jump(page, {});
			const vi = await page.evaluate(() => {
				const map = window.__atlasMap!;
				return JSON.stringify(map.getLayoutProperty('basemap-country-labels', 'text-field'));
			});
			expect(vi).toContain('name_vi');
			// The curated water places too: "Cửa sông Tartar", not "Tartar river mouth".
			const water = await page.evaluate(() =>
				JSON.stringify(window.__atlasMap!.getLayoutProperty('places-water-labels', 'text-field'))
			);
			expect(water).toContain('Cửa sông ');
			expect(water).toContain('name_in_label');
			await jump(page, { center: [46.68, 40.25], zoom: 9 });
			const inLabel = await rendered(page, ['places-water-labels'], 'name_in_label');
			expect(inLabel).toContain('Sarsang');
			await jump(page, { center: [44.8, 39.8], zoom: 7.2 });
			const viNames = await rendered(page, ['basemap-country-labels'], 'name_vi');
			// The view is held inside the basemap's box, so Turkey's label may be out of it; Iran's is in.
			expect(viNames.length).toBeGreaterThan(0);
		});
	});

	it('spells the towns one way: English names, no Soviet forms, disputed places in both forms', async () => {
		await withGuardedPage(app, { viewport: { width: 1440, height: 900 } }, async ({ page }) => {
			await open(page, app.server.url);
			await jump(page, { center: [46.75, 40.45], zoom: 8.2 });
			const towns = await rendered(page, ['basemap-settlements']);
			expect(towns).toContain('Goygol');
			for (const old of ['Yelenendorf', 'Mingelchaur', 'Xankandi', 'Askyaran', 'Novyy Karanlug']) {
				expect(towns, old).not.toContain(old);
			}
			await jump(page, { center: [46.8, 39.9], zoom: 8.5 });
			const places = await rendered(page, ['places-labels'], 'label');
			expect(places).toContain('Stepanakert / Khankendi');
			expect(await rendered(page, ['basemap-settlements'])).not.toContain('Xankandi');
		});
	});

	it('keeps the view inside the basemap grown to every record: no rectangle when zoomed out, Baku in reach', async () => {
		for (const viewport of [DESKTOPS[2], PHONE.viewport]) {
			await withGuardedPage(app, { viewport }, async ({ page }) => {
				await open(page, app.server.url);
				await jump(page, { zoom: 3 });
				const bounds = await page.evaluate(() => window.__atlasMap!.getBounds().toArray());
				const [[w, s], [e, n]] = bounds;
				const [bw, bs, be, bn] = panBounds(
					dataset.incidents.features,
					panBounds(dataset.places.features, BASEMAP_BOUNDS)
				);
				const eps = 1e-6;
				expect(w, 'west').toBeGreaterThanOrEqual(bw - eps);
				expect(s, 'south').toBeGreaterThanOrEqual(bs - eps);
				expect(e, 'east').toBeLessThanOrEqual(be + eps);
				expect(n, 'north').toBeLessThanOrEqual(bn + eps);
				// Baku, a place of the dataset east of the basemap, can still be brought into view.
				await jump(page, { center: BAKU, zoom: 9 });
				const [[vw, vs], [ve, vn]] = await page.evaluate(() =>
					window.__atlasMap!.getBounds().toArray()
				);
				expect(BAKU[0] > vw && BAKU[0] < ve && BAKU[1] > vs && BAKU[1] < vn, 'Baku in view').toBe(
					true
				);
			});
		}
	});

	it('labels the Sugovushan reservoir as water, not as a second Madagiz', async () => {
		await withGuardedPage(app, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
			await open(page, app.server.url);
			await jump(page, { center: MADAGIZ, zoom: 10 });
			const water = await rendered(page, ['places-water-labels'], 'label');
			expect(water).toContain('Sugovushan / Madagiz reservoir');
			expect(await rendered(page, ['places-labels'], 'label')).not.toContain(
				'Sugovushan / Madagiz reservoir'
			);
			const dots = await rendered(page, ['places-circles'], 'kind');
			expect(dots).not.toContain('reservoir');
		});
	});

	it('keeps Madagiz’s name visible beside its selected marker, not under it', async () => {
		await withGuardedPage(app, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
			await open(page, app.server.url, `sel=${MADAGIZ_MINE}`);
			await page.waitForFunction(
				(id) => window.__atlasMap!.getFeatureState({ source: 'incidents', id })?.selected === true,
				MADAGIZ_MINE
			);
			await jump(page, {});
			const found = await page.evaluate(
				({ lngLat, id }) => {
					const map = window.__atlasMap!;
					const p = map.project(lngLat);
					const marker = map
						.queryRenderedFeatures(p, { layers: ['incidents-circles'] })
						.find((f) => f.properties.id === id);
					const radius = Number(
						(marker?.layer.paint as Record<string, unknown> | undefined)?.['circle-radius']
					);
					// The square inscribed in the marker's disc: a label box that meets it is covered.
					const r = radius * Math.SQRT1_2;
					const under = map
						.queryRenderedFeatures(
							[
								[p.x - r, p.y - r],
								[p.x + r, p.y + r]
							],
							{ layers: ['places-labels'] }
						)
						.map((f) => f.properties.label);
					const shown = map
						.queryRenderedFeatures({ layers: ['places-labels'] })
						.map((f) => f.properties.label);
					return { radius, under, shown };
				},
				{ lngLat: MADAGIZ, id: MADAGIZ_MINE }
			);
			expect(found.radius).toBeGreaterThan(5);
			expect(found.shown).toContain('Madagiz / Sugovushan');
			expect(found.under).not.toContain('Madagiz / Sugovushan');
		});
	});
});

describe('the furniture over the map', () => {
	for (const [name, options] of [
		...DESKTOPS.map((viewport) => [`${viewport.width}×${viewport.height}`, { viewport }] as const),
		['390×844 phone', PHONE] as const
	]) {
		it(`keeps legend, credits, scale bar and zoom buttons apart at ${name}`, async () => {
			await withGuardedPage(app, options, async ({ page }) => {
				await open(page, app.server.url);
				const parts = await furniture(page);
				for (const [part, b] of Object.entries(parts)) expect(b, part).not.toBeNull();
				expect(overlap(parts.attribution, parts.legend), 'credits over the legend').toBe(false);
				expect(overlap(parts.attribution, parts.scale), 'credits over the scale').toBe(false);
				expect(overlap(parts.attribution, parts.zoom), 'credits over the zoom').toBe(false);
				expect(overlap(parts.legend, parts.scale), 'legend over the scale').toBe(false);
				// The legend's heading and first rows are on screen, inside the map.
				const map = (await box(page, '[data-testid="map"]'))!;
				expect(parts.legend.bottom).toBeLessThanOrEqual(map.bottom);
				expect(parts.legend.bottom - parts.legend.top).toBeGreaterThan(80);

				// Opened, the credits still leave the scale bar and the zoom buttons uncovered.
				await page.click(`${ATTRIBUTION} summary`);
				await page.waitForFunction(
					(s) => document.querySelector(s)!.classList.contains('maplibregl-compact-show'),
					ATTRIBUTION
				);
				const opened = (await box(page, ATTRIBUTION))!;
				expect(opened.right - opened.left).toBeGreaterThan(100);
				expect(overlap(opened, (await box(page, SCALE))!), 'open credits over the scale').toBe(
					false
				);
				expect(overlap(opened, (await box(page, ZOOM))!), 'open credits over the zoom').toBe(false);
				const text = await page.$eval(ATTRIBUTION, (el) => el.textContent ?? '');
				expect(text).toContain('Natural Earth');
				expect(text).toContain('GeoNames');
			});
		});
	}

	it('keeps the Vietnamese app name to at most two lines on a 390×844 phone', async () => {
		await withGuardedPage(app, PHONE, async ({ page }) => {
			await open(page, app.server.url, 'lang=vi');
			const lines = await page.$eval('header h1', (h1) => {
				const range = document.createRange();
				range.selectNodeContents(h1);
				return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
			});
			expect(lines).toBeGreaterThan(0);
			expect(lines).toBeLessThanOrEqual(2);
			const header = (await box(page, 'header'))!;
			expect(header.right).toBeLessThanOrEqual(390);
		});
	});
});
