import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GuardedPage } from './browser';
import { DETAILS, openDashboard, renderedCount, settle } from './dashboard_page';
import { useBuiltApp, withGuardedPage } from './app';

const app = useBuiltApp();

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
	it('names only the ways of selecting that exist (map and list), in both languages', async () => {
		await withPage({ viewport: DESKTOPS[0] }, async ({ page }) => {
			await openDashboard(page, app.server.url);
			const empty = page.locator('#pane-details .empty');
			expect(await empty.innerText()).toBe('Select an incident on the map or in the list.');
			await page.getByRole('button', { name: 'Tiếng Việt' }).click();
			await page.waitForFunction(() => document.documentElement.lang === 'vi');
			expect(await empty.innerText()).toBe(
				'Hãy chọn một sự kiện trên bản đồ hoặc trong danh sách.'
			);
		});
	});
});
