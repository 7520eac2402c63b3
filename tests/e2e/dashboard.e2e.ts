import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { waitForMapIdle, type GuardedPage } from './browser';
import {
	DETAILS,
	INCIDENTS,
	STATEMENTS,
	TIMELINE,
	detailsTitle,
	featureState,
	listedIds,
	openDashboard,
	readIncident,
	renderedCount,
	screenPoint,
	settle
} from './dashboard_page';
import { useBuiltApp, withGuardedPage } from './app';
import { TEST_BUILD_DIR } from './server';

const MINE = readIncident('geodata', '2020-11-23-madagiz-mine');
const FIGHTING = readIncident('geodata', '2016-04-02-line-of-contact-fighting');
const LINE = 'line-of-contact-1994-2020';

/** The test build: these tests read the map through `window.__atlasMap` (README, Testing). */
const app = useBuiltApp({ buildDir: TEST_BUILD_DIR });

/** Runs a test on a fresh guarded page; any page error or request off the server fails it. */
function withPage(
	run: (g: GuardedPage) => Promise<void>,
	options: BrowserContextOptions = {}
): Promise<void> {
	return withGuardedPage(app, options, run);
}

const selectedParam = (url: string) => new URL(url).searchParams.get('sel');

async function expectMineDetails(g: GuardedPage) {
	const { page } = g;
	expect(await detailsTitle(page)).toBe(MINE.properties.title.en);
	const claims = await page.locator(`${DETAILS} table`).innerText();
	expect(claims).toContain('Ministry of Defence of Russia');
	for (const claim of MINE.properties.claims) expect(claims).toContain(claim.subject);
	const statements = await page.locator(STATEMENTS).innerText();
	expect(statements).toMatch(/Guterres/);
	expect(statements).toMatch(/Dujarric/);
	expect(await page.locator(`${STATEMENTS} blockquote[lang="vi"]`).count()).toBeGreaterThan(0);
	expect(statements).toContain('Translation by Incident Atlas');
}

describe('dashboard', () => {
	it('shows the Russian ministry’s claims and the UN statement for the Madagiz incident clicked on the map', async () => {
		await withPage(async (g) => {
			const { page } = g;
			await openDashboard(page, app.server.url);
			expect(await detailsTitle(page)).toBeNull();
			const coords = MINE.geometry.coordinates as [number, number];
			const point = await screenPoint(page, coords);
			await page.evaluate((title) => {
				const w = window as unknown as { __clickToDetails: Promise<number> };
				w.__clickToDetails = new Promise((resolve) => {
					let t0 = 0;
					document.addEventListener('click', () => (t0 = performance.now()), {
						capture: true,
						once: true
					});
					const target = document.querySelector('section[aria-label="Incident details"]')!;
					const observer = new MutationObserver(() => {
						if (target.querySelector('h3')?.textContent === title) {
							observer.disconnect();
							resolve(performance.now() - t0);
						}
					});
					observer.observe(target, { childList: true, subtree: true, characterData: true });
				});
			}, MINE.properties.title.en);
			await page.mouse.click(point.x, point.y);
			const ms = await page.evaluate(
				() => (window as unknown as { __clickToDetails: Promise<number> }).__clickToDetails
			);
			console.log(`e2e: click on the map → details panel: ${ms.toFixed(1)} ms`);
			await waitForMapIdle(page);
			expect(selectedParam(page.url())).toBe(MINE.id);
			await expectMineDetails(g);
			expect(await featureState(page, MINE.id)).toMatchObject({ selected: true });
			expect(
				await page.locator(`${INCIDENTS} [aria-selected="true"]`).getAttribute('data-incident-id')
			).toBe(MINE.id);
		});
	});

	it('does the same with the keyboard alone: Tab to the list, arrows, Enter', async () => {
		await withPage(async (g) => {
			const { page } = g;
			await openDashboard(page, app.server.url);
			let onList = false;
			for (let i = 0; i < 60 && !onList; i++) {
				await page.keyboard.press('Tab');
				onList = await page.evaluate(
					() => document.activeElement?.getAttribute('role') === 'listbox'
				);
			}
			expect(onList).toBe(true);
			const activeId = () =>
				page.evaluate(() => {
					const box = document.activeElement!;
					const id = box.getAttribute('aria-activedescendant');
					return id ? document.getElementById(id)?.getAttribute('data-incident-id') : null;
				});
			for (let i = 0; i < 20 && (await activeId()) !== MINE.id; i++)
				await page.keyboard.press('ArrowDown');
			expect(await activeId()).toBe(MINE.id);
			expect(await detailsTitle(page)).toBeNull();
			await page.keyboard.press('Enter');
			await settle(page, () => new URL(location.href).searchParams.has('sel'));
			expect(selectedParam(page.url())).toBe(MINE.id);
			await expectMineDetails(g);
			// Focus stays in the list, and Escape clears the selection.
			expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
				'listbox'
			);
			await page.keyboard.press('Escape');
			await settle(page, () => !new URL(location.href).searchParams.has('sel'));
			expect(await detailsTitle(page)).toBeNull();
		});
	});

	it('hides the 2020 incident and shows the line of contact for a window ending before 2020; hides the line after', async () => {
		await withPage(async ({ page }) => {
			await openDashboard(page, app.server.url);
			expect(await listedIds(page)).toContain(MINE.id);
			await page.fill(`${TIMELINE} input[name="to"]`, '2019-12-31');
			await settle(page, () => new URL(location.href).searchParams.get('to') === '2019-12-31');
			expect(await listedIds(page)).not.toContain(MINE.id);
			expect(await listedIds(page)).toContain(FIGHTING.id);
			expect(await page.locator('[data-testid="incident-count"]').textContent()).toMatch(
				/^\d+ of \d+ incidents$/
			);
			expect(await renderedCount(page, LINE)).toBeGreaterThan(0);

			await page.fill(`${TIMELINE} input[name="to"]`, '');
			await page.fill(`${TIMELINE} input[name="from"]`, '2020-10-01');
			await settle(page, () => new URL(location.href).searchParams.get('from') === '2020-10-01');
			expect(await listedIds(page)).toEqual([MINE.id]);
			expect(await renderedCount(page, LINE)).toBe(0);
		});
	});

	it('drags the end of the time window: the list and the URL follow, without a new history entry', async () => {
		await withPage(async ({ page }) => {
			await openDashboard(page, app.server.url);
			const historyBefore = await page.evaluate(() => history.length);
			const handle = page.locator(
				`${TIMELINE} [role="slider"][aria-label="End of the time window"]`
			);
			const box = (await handle.boundingBox())!;
			const track = (await page.locator(`${TIMELINE} svg`).boundingBox())!;
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
			await page.mouse.down();
			await page.mouse.move(track.x + track.width * 0.7, box.y + box.height / 2, { steps: 8 });
			await page.mouse.up();
			await settle(page, () => new URL(location.href).searchParams.has('to'));
			const to = new URL(page.url()).searchParams.get('to')!;
			expect(to < MINE.properties.date).toBe(true);
			expect(to > FIGHTING.properties.date).toBe(true);
			expect(await page.inputValue(`${TIMELINE} input[name="to"]`)).toBe(to);
			expect(await listedIds(page)).not.toContain(MINE.id);
			expect(await page.evaluate(() => history.length)).toBe(historyBefore);
			// The handle is a slider: arrow keys move it by a day.
			await handle.focus();
			await page.keyboard.press('ArrowRight');
			await page.waitForFunction(
				(before) => new URL(location.href).searchParams.get('to')! > before,
				to
			);
			await waitForMapIdle(page);
		});
	});

	it('restores selection and window from a permalink', async () => {
		let link = '';
		await withPage(async ({ page }) => {
			await openDashboard(page, app.server.url);
			await page.fill(`${TIMELINE} input[name="from"]`, '2016-03-01');
			await settle(page, () => new URL(location.href).searchParams.get('from') === '2016-03-01');
			await page.fill(`${TIMELINE} input[name="to"]`, '2016-04-30');
			await settle(page, () => new URL(location.href).searchParams.get('to') === '2016-04-30');
			await page.click(`${INCIDENTS} [data-incident-id="${FIGHTING.id}"]`);
			await settle(page, () => new URL(location.href).searchParams.has('sel'));
			link = page.url();
		});
		expect(new URL(link).searchParams.get('sel')).toBe(FIGHTING.id);
		await withPage(async ({ page }) => {
			await page.goto(link);
			await waitForMapIdle(page);
			expect(await detailsTitle(page)).toBe(FIGHTING.properties.title.en);
			expect(await page.inputValue(`${TIMELINE} input[name="from"]`)).toBe('2016-03-01');
			expect(await page.inputValue(`${TIMELINE} input[name="to"]`)).toBe('2016-04-30');
			expect(await listedIds(page)).not.toContain(MINE.id);
			expect(
				await page.locator(`${INCIDENTS} [aria-selected="true"]`).getAttribute('data-incident-id')
			).toBe(FIGHTING.id);
			expect(await featureState(page, FIGHTING.id)).toMatchObject({ selected: true });
		});
	});

	it('goes back and forward through selections and filters', async () => {
		await withPage(async ({ page }) => {
			await openDashboard(page, app.server.url);
			await page.click(`${INCIDENTS} [data-incident-id="${FIGHTING.id}"]`);
			await settle(page, () => new URL(location.href).searchParams.has('sel'));
			await page.click(`${INCIDENTS} [data-incident-id="${MINE.id}"]`);
			await settle(
				page,
				() => new URL(location.href).searchParams.get('sel')?.startsWith('2020') ?? false
			);
			await page.check(`input[name="type"][value="Battles"]`);
			await settle(page, () => new URL(location.href).searchParams.has('type'));
			expect(await listedIds(page)).not.toContain(MINE.id);

			await page.goBack();
			await settle(page, () => !new URL(location.href).searchParams.has('type'));
			expect(await listedIds(page)).toContain(MINE.id);
			expect(await page.isChecked(`input[name="type"][value="Battles"]`)).toBe(false);
			expect(await detailsTitle(page)).toBe(MINE.properties.title.en);

			await page.goBack();
			await settle(
				page,
				() => new URL(location.href).searchParams.get('sel')?.startsWith('2016') ?? false
			);
			expect(await detailsTitle(page)).toBe(FIGHTING.properties.title.en);

			await page.goBack();
			await settle(page, () => !new URL(location.href).searchParams.has('sel'));
			expect(await detailsTitle(page)).toBeNull();

			await page.goForward();
			await settle(page, () => new URL(location.href).searchParams.has('sel'));
			expect(await detailsTitle(page)).toBe(FIGHTING.properties.title.en);
			expect(await featureState(page, FIGHTING.id)).toMatchObject({ selected: true });
		});
	});

	it('filters by type, actor and diacritics-insensitive search', async () => {
		await withPage(async ({ page }) => {
			await openDashboard(page, app.server.url);
			const all = await listedIds(page);
			await page.fill('input[name="q"]', 'SUQOVUŞAN');
			await page.press('input[name="q"]', 'Enter');
			await settle(page, () => new URL(location.href).searchParams.get('q') === 'SUQOVUŞAN');
			const found = await listedIds(page);
			expect(found).toContain(MINE.id);
			expect(found.length).toBeLessThan(all.length);
			await page.click('button:has-text("Clear filters")');
			await settle(page, () => !new URL(location.href).searchParams.has('q'));
			expect(await listedIds(page)).toEqual(all);

			await page.check('input[name="type"][value="Explosions/Remote violence"]');
			await settle(page, () => new URL(location.href).searchParams.has('type'));
			const explosions = await listedIds(page);
			expect(explosions).toContain(MINE.id);
			expect(explosions).not.toContain(FIGHTING.id);
			await page.uncheck('input[name="type"][value="Explosions/Remote violence"]');
			await settle(page, () => !new URL(location.href).searchParams.has('type'));

			const actor = MINE.properties.actors[0];
			await page.click(`${INCIDENTS} summary:has-text("Actor")`);
			await page.check(`input[name="actor"][value="${actor}"]`);
			await settle(page, () => new URL(location.href).searchParams.has('actor'));
			expect(await listedIds(page)).toContain(MINE.id);
			expect(new URL(page.url()).searchParams.getAll('actor')).toEqual([actor]);
		});
	});

	it('highlights the incidents of a chosen statement, on the map and in the list', async () => {
		await withPage(async ({ page }) => {
			await openDashboard(page, app.server.url, 'from=2016-04-01&to=2016-04-05');
			const card = page.locator(`${STATEMENTS} article`, { hasText: 'Ban Ki-moon' });
			await card.locator('button', { hasText: 'Show its incidents' }).click();
			await settle(
				page,
				() => !!document.querySelector('section[aria-label="Incidents"] .highlighted')
			);
			expect(await featureState(page, FIGHTING.id)).toMatchObject({ highlighted: true });
			expect(await featureState(page, MINE.id)).not.toMatchObject({ highlighted: true });
			await card.locator('button', { hasText: 'Stop highlighting' }).click();
			await settle(
				page,
				() => !document.querySelector('section[aria-label="Incidents"] .highlighted')
			);
			expect(await featureState(page, FIGHTING.id)).not.toMatchObject({ highlighted: true });
		});
	});

	it('switches the whole interface and the data to Vietnamese, and the URL keeps it', async () => {
		await withPage(async ({ page }) => {
			await openDashboard(page, app.server.url, `sel=${MINE.id}`);
			await page.click('button[lang="vi"]');
			await settle(page, () => document.documentElement.lang === 'vi');
			expect(new URL(page.url()).searchParams.get('lang')).toBe('vi');
			expect(await page.locator('h1').textContent()).toBe('Bản đồ Sự kiện');
			expect(
				await page.locator('section[aria-label="Dòng thời gian"] label').first().innerText()
			).toContain('Từ ngày');
			expect(await page.locator('section[aria-label="Chi tiết sự kiện"] h3').textContent()).toBe(
				MINE.properties.title.vi
			);
			const list = await page.locator('section[aria-label="Sự kiện"]').innerText();
			expect(list).toContain(MINE.properties.title.vi);
			expect(list).not.toContain(MINE.properties.title.en);

			await page.reload();
			await waitForMapIdle(page);
			expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
			await page.click('button[lang="en"]');
			await settle(page, () => document.documentElement.lang === 'en');
			expect(await detailsTitle(page)).toBe(MINE.properties.title.en);
		});
	});

	it('on a phone: the map stays usable, the panels are a bottom sheet, nothing scrolls sideways', async () => {
		await withPage(
			async ({ page }) => {
				await openDashboard(page, app.server.url);
				const fits = () =>
					page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
				expect(await fits()).toBe(true);
				const map = (await page.locator('[data-testid="map"]').boundingBox())!;
				expect(map.width).toBe(390);
				expect(map.height).toBeGreaterThan(400);

				await page.click('[role="tab"]:has-text("List")');
				await page.locator(`${INCIDENTS} [data-incident-id="${MINE.id}"]`).click();
				await settle(page, () => new URL(location.href).searchParams.has('sel'));
				expect(await page.getAttribute('[role="tab"]:has-text("Details")', 'aria-selected')).toBe(
					'true'
				);
				expect(await page.locator(`${DETAILS} h3`).isVisible()).toBe(true);
				expect(await detailsTitle(page)).toBe(MINE.properties.title.en);
				const sheet = (await page.locator(DETAILS).boundingBox())!;
				expect(sheet.y).toBeGreaterThan(844 * 0.3);
				expect(await fits()).toBe(true);

				// The top of the map is still there to tap on.
				const point = await screenPoint(page, MINE.geometry.coordinates as [number, number]);
				expect(point.y).toBeLessThan(sheet.y);

				await page.click('[role="tab"]:has-text("Statements")');
				expect(await page.locator(STATEMENTS).innerText()).toMatch(/Dujarric/);
				await page.click('button[aria-label="Collapse the panel"]');
				await page.waitForSelector('button[aria-label="Expand the panel"][aria-expanded="false"]');
				await page.waitForFunction(
					() => document.querySelector('.sheet')!.getBoundingClientRect().height < 60
				);
				expect(await fits()).toBe(true);
			},
			{
				viewport: { width: 390, height: 844 },
				isMobile: true,
				hasTouch: true,
				deviceScaleFactor: 2
			}
		);
	});
});
