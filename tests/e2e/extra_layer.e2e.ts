import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extraLayerDir } from '../fixtures/dataset_reader';
import { openDashboard, renderedCount, settle, type AtlasMapHandle } from './dashboard_page';
import { useBuiltApp, withGuardedPage } from './app';
import { TEST_BUILD_DIR } from './server';

/**
 * A fourth region layer that no code names (`tests/fixtures/extra-layer`, laid over `geodata/`):
 * its declaration alone makes it an OGC collection, a legend row, a map layer and a URL toggle.
 * The test build, since the map is read through `window.__atlasMap` (README, Testing).
 */
const scratch = mkdtempSync(join(tmpdir(), 'atlas-extra-layer-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const app = useBuiltApp({
	buildDir: TEST_BUILD_DIR,
	geodataDir: extraLayerDir(join(scratch, 'geodata'))
});

const ID = 'test-extra-zone';

function visibility(page: import('playwright-core').Page, layer: string) {
	return page.evaluate(
		(id) =>
			(
				window as unknown as {
					__atlasMap: AtlasMapHandle & { getLayoutProperty(l: string, p: string): unknown };
				}
			).__atlasMap.getLayoutProperty(id, 'visibility'),
		layer
	);
}

describe('a fourth layer, declared by its file only', () => {
	it('is an OGC collection, titled by its name, with its feature', async () => {
		const list = await (await fetch(`${app.server.url}/ogc/collections`)).json();
		const ids = list.collections.map((c: { id: string }) => c.id);
		expect(ids.slice(2)).toEqual([
			'nkao-1923-1991',
			'line-of-contact-1994-2020',
			'ceasefire-2020',
			ID
		]);
		const collection = list.collections.find((c: { id: string }) => c.id === ID);
		expect(collection.title).toBe('[test only] Extra zone');
		expect(collection.description).toMatch(/^\[test only\] A synthetic square/);
		const items = await (await fetch(`${app.server.url}/ogc/collections/${ID}/items`)).json();
		expect(items.numberMatched).toBe(1);
		expect(items.features.map((f: { id: string }) => f.id)).toEqual(['test-square']);
	});

	it('has a legend row and a map layer, and its toggle changes the URL and the map', async () => {
		await withGuardedPage(app, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
			await openDashboard(page, app.server.url);
			await page.click('summary:has-text("Map legend and layers")');
			const row = page.locator('.legend li', { has: page.locator(`input[id$="${ID}"]`) });
			expect(await row.innerText()).toContain('[test only] Extra zone');
			const box = row.locator('input');
			expect(await box.isChecked()).toBe(true);
			// Drawn by its style class: a fill and an outline, both showing the square.
			expect(await renderedCount(page, `${ID}-fill`)).toBeGreaterThan(0);
			expect(await renderedCount(page, ID)).toBeGreaterThan(0);

			await box.uncheck();
			await settle(page, () => new URL(location.href).searchParams.get('layers') !== null);
			expect(new URL(page.url()).searchParams.get('layers')).toBe(ID);
			expect(await visibility(page, ID)).toBe('none');
			expect(await visibility(page, `${ID}-fill`)).toBe('none');
			expect(await renderedCount(page, ID)).toBe(0);
			// The other layers are untouched.
			expect(await visibility(page, 'line-of-contact-1994-2020')).toBe('visible');

			await box.check();
			await settle(page, () => new URL(location.href).searchParams.get('layers') === null);
			expect(await visibility(page, ID)).toBe('visible');
			expect(await renderedCount(page, ID)).toBeGreaterThan(0);
		});
	});

	it('is read from a link, and an unknown layer in a link is ignored', async () => {
		await withGuardedPage(app, { viewport: { width: 1280, height: 720 } }, async ({ page }) => {
			await openDashboard(page, app.server.url, `layers=${ID},no-such-layer`);
			await page.click('summary:has-text("Map legend and layers")');
			const row = page.locator('.legend li', { has: page.locator(`input[id$="${ID}"]`) });
			expect(await row.locator('input').isChecked()).toBe(false);
			expect(await visibility(page, ID)).toBe('none');
			expect(await page.locator('.legend input[id$="no-such-layer"]').count()).toBe(0);
			// Any change writes the URL again: the unknown id is gone, the declared one kept.
			await page.locator('.legend input[id$="nkao-1923-1991"]').uncheck();
			await settle(page, () => location.search.includes('nkao-1923-1991'));
			expect(new URL(page.url()).searchParams.get('layers')).toBe(`${ID},nkao-1923-1991`);
		});
	});
});
