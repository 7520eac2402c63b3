import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IncidentFeature } from '../../src/lib/data/schema';
import { DAY_MS, PLAY_MS, dayTime, paddedExtent } from '../../src/routes/timeline';
import type { GuardedPage } from './browser';
import { TIMELINE, openDashboard } from './dashboard_page';
import { useBuiltApp, withGuardedPage } from './app';

const app = useBuiltApp();

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 720 } };
const SVG = `${TIMELINE} svg[role="group"]`;
/** Where the plot starts and ends inside the track (the room left for the handles). */
const PAD = 18;

const INCIDENTS = (
	JSON.parse(readFileSync('geodata/incidents.geojson', 'utf8')) as { features: IncidentFeature[] }
).features;
const DATES = INCIDENTS.map((f) => f.properties.date).sort();

function withPage(options: BrowserContextOptions, run: (g: GuardedPage) => Promise<void>) {
	return withGuardedPage(app, options, run);
}

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The span the timeline shows (ms), and how to find a time on the page. */
async function shown(page: Page) {
	const svg = page.locator(SVG);
	const [start, end] = await Promise.all(
		['data-start', 'data-end'].map(async (a) => Number(await svg.getAttribute(a)))
	);
	const box = (await svg.boundingBox())!;
	const xOf = (time: number) =>
		box.x + PAD + ((time - start) / (end - start)) * (box.width - 2 * PAD);
	/** The page x of an ISO day's middle. */
	const dayX = (day: string) => xOf(dayTime(day) + DAY_MS / 2);
	return { start, end, width: end - start, box, xOf, dayX, from: iso(start), to: iso(end - 1) };
}

const axisLabels = (page: Page) => page.locator(`${SVG} .axis text`).allTextContents();
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Waits until the span on show differs from `before` (ms start and end). */
async function changed(page: Page, before: { start: number; end: number }) {
	await page.waitForFunction(
		([sel, start, end]) => {
			const svg = document.querySelector(sel as string);
			return (
				Number(svg?.getAttribute('data-start')) !== start ||
				Number(svg?.getAttribute('data-end')) !== end
			);
		},
		[SVG, before.start, before.end] as const
	);
	return shown(page);
}

/** Wheels over the day `day` until the timeline shows fewer than `days` days. */
async function zoomTo(page: Page, day: string, days: number) {
	for (let i = 0; i < 40; i++) {
		const now = await shown(page);
		if (now.width < days * DAY_MS) return now;
		await page.mouse.move(now.dayX(day), now.box.y + 20);
		await page.mouse.wheel(0, -400);
		await changed(page, now);
	}
	throw new Error(`could not zoom to ${days} days`);
}

describe('the timeline’s extent and zoom', () => {
	it('opens on the data’s own extent, padded, labelled in years', async () => {
		await withPage(DESKTOP, async ({ page }) => {
			await openDashboard(page, app.server.url);
			const s = await shown(page);
			expect({ from: s.from, to: s.to }).toEqual(
				paddedExtent({ from: DATES[0], to: DATES.at(-1)! })
			);
			// The first and last incidents stand inside the track, not on its ends.
			expect(s.dayX(DATES[0])).toBeGreaterThan(s.box.x + PAD + 10);
			expect(s.dayX(DATES.at(-1)!)).toBeLessThan(s.box.x + s.box.width - PAD - 10);
			const labels = await axisLabels(page);
			expect(labels[0]).toMatch(/2016$/);
			expect(labels.at(-1)).toMatch(/202[01]$/);
			for (const label of labels) expect(label).toMatch(/^([A-Z][a-z]{2} )?\d{4}$/);
			expect(param(page, 'period')).toBeNull();
		});
	});

	it('zooms with the wheel about the pointer, and with the buttons, leaving the window as it is', async () => {
		await withPage(DESKTOP, async ({ page }) => {
			await openDashboard(page, app.server.url);
			const before = await shown(page);
			const labels = await axisLabels(page);
			const anchor = dayTime('2018-06-01');
			await page.mouse.move(before.xOf(anchor), before.box.y + 20);
			await page.mouse.wheel(0, -500);
			const after = await changed(page, before);
			expect(after.width).toBeLessThan(before.width * 0.5);
			// The time under the pointer stays under it.
			expect(Math.abs(after.xOf(anchor) - before.xOf(anchor))).toBeLessThan(2);
			expect(await axisLabels(page)).not.toEqual(labels);
			// The zoom reaches the URL once the wheel stops; the time window does not change.
			await page.waitForFunction(() => new URLSearchParams(location.search).has('period'));
			expect(param(page, 'period')).toBe(`${after.from},${after.to}`);
			expect([param(page, 'from'), param(page, 'to')]).toEqual([null, null]);

			await page.getByRole('button', { name: 'Zoom out the timeline' }).click();
			const out = await changed(page, after);
			expect(out.width).toBeCloseTo(after.width * 2, -3);
			await page.getByRole('button', { name: 'Zoom in on the timeline' }).click();
			const back = await changed(page, out);
			expect(back.width).toBeCloseTo(after.width, -3);

			// Zoomed out all the way, the zoom leaves the URL and the button is disabled.
			const zoomOut = page.getByRole('button', { name: 'Zoom out the timeline' });
			while (!(await zoomOut.isDisabled())) {
				const now = await shown(page);
				await zoomOut.click();
				await changed(page, now);
			}
			await page.waitForFunction(() => !new URLSearchParams(location.search).has('period'));
			expect(await shown(page)).toMatchObject({ from: before.from, to: before.to });
		});
	});

	it('zooms with a pinch: ctrl + wheel on a touchpad, two fingers on a touch screen', async () => {
		await withPage({ ...DESKTOP, hasTouch: true }, async ({ page }) => {
			await openDashboard(page, app.server.url);
			const before = await shown(page);
			await page.mouse.move(before.xOf(dayTime('2018-06-01')), before.box.y + 20);
			await page.keyboard.down('Control');
			await page.mouse.wheel(0, -60);
			await page.keyboard.up('Control');
			const pinched = await changed(page, before);
			expect(pinched.width).toBeLessThan(before.width * 0.7);

			// Two fingers moving apart zoom in further about their middle.
			const cdp = await page.context().newCDPSession(page);
			const y = pinched.box.y + 20;
			const mid = pinched.box.x + pinched.box.width / 2;
			const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', gap: number) =>
				cdp.send('Input.dispatchTouchEvent', {
					type,
					touchPoints:
						type === 'touchEnd'
							? []
							: [
									{ x: mid - gap, y, id: 1 },
									{ x: mid + gap, y, id: 2 }
								]
				});
			await touch('touchStart', 50);
			for (const gap of [75, 100, 150, 200]) await touch('touchMove', gap);
			await touch('touchEnd', 0);
			const spread = await changed(page, pinched);
			expect(spread.width).toBeLessThan(pinched.width / 2);
			// A pinch is not a brush: the window is still the whole period.
			expect([param(page, 'from'), param(page, 'to')]).toEqual([null, null]);
		});
	});

	it('pans by dragging the axis and with the keyboard, keeping the span’s length', async () => {
		await withPage(DESKTOP, async ({ page }) => {
			await openDashboard(page, app.server.url, 'period=2018-01-01,2018-12-31');
			const year = await shown(page);
			expect([year.from, year.to]).toEqual(['2018-01-01', '2018-12-31']);
			// Drag the dates on the axis to the left: later days come into view.
			const axis = (await page.locator(`${SVG} rect.pan`).boundingBox())!;
			await page.mouse.move(year.box.x + 800, axis.y + axis.height / 2);
			await page.mouse.down();
			await page.mouse.move(year.box.x + 400, axis.y + axis.height / 2, { steps: 5 });
			await page.mouse.up();
			const panned = await changed(page, year);
			expect(panned.width).toBe(year.width);
			expect(panned.start - year.start).toBeCloseTo(
				(400 / (year.box.width - 2 * PAD)) * year.width,
				-6
			);
			expect([param(page, 'from'), param(page, 'to')]).toEqual([null, null]);

			// The keyboard: the "period shown" slider pans with the arrows and zooms with + and −.
			const slider = page.getByRole('slider', { name: 'Period shown on the timeline' });
			await slider.focus();
			await page.keyboard.press('ArrowLeft');
			const left = await changed(page, panned);
			expect(left.start - panned.start).toBeCloseTo(-0.1 * panned.width, -3);
			await page.keyboard.press('+');
			const zoomed = await changed(page, left);
			expect(zoomed.width).toBeCloseTo(left.width / 2, -3);
			await page.keyboard.press('-');
			expect((await changed(page, zoomed)).width).toBeCloseTo(left.width, -3);
		});
	});
});

describe('the density strip', () => {
	it('shows how many incidents fall where, over the whole extent', async () => {
		await withPage(DESKTOP, async ({ page }) => {
			await openDashboard(page, app.server.url);
			const cells = page.locator(`${SVG} .density rect[data-count]`);
			const found = await cells.evaluateAll((rects) =>
				rects.map((r) => ({
					x: Number(r.getAttribute('x')),
					count: Number(r.getAttribute('data-count'))
				}))
			);
			// One cell per day with incidents here (the days are years apart), in date order.
			const perDay = new Map<string, number>();
			for (const d of DATES) perDay.set(d, (perDay.get(d) ?? 0) + 1);
			expect(found.map((c) => c.count)).toEqual([...perDay.values()]);
			expect(found.map((c) => c.x)).toEqual([...found.map((c) => c.x)].sort((a, b) => a - b));
			// Each cell stands where its day does on the (unzoomed) axis.
			const s = await shown(page);
			const days = [...perDay.keys()];
			found.forEach((c, i) =>
				expect(Math.abs(s.box.x + c.x - s.xOf(dayTime(days[i])))).toBeLessThan(4)
			);
			// It stays the whole extent when zoomed: the outline marks the part on show.
			await page.getByRole('button', { name: 'Zoom in on the timeline' }).click();
			await changed(page, s);
			expect(await cells.count()).toBe(found.length);
			const outline = (await page.locator(`${SVG} .density .period`).boundingBox())!;
			expect(outline.width).toBeLessThan((s.box.width - 2 * PAD) * 0.6);
		});
	});
});

describe('brushing days', () => {
	it('brushes the four days of April 2016 in one drag at 1280 px after zooming in', async () => {
		await withPage(DESKTOP, async ({ page }) => {
			await openDashboard(page, app.server.url);
			const zoomed = await zoomTo(page, '2016-04-03', 60);
			// Zoomed about 3 April, the days before it sit at the track's start: drag the axis
			// right to bring them in.
			const axis = (await page.locator(`${SVG} rect.pan`).boundingBox())!;
			await page.mouse.move(axis.x + 200, axis.y + axis.height / 2);
			await page.mouse.down();
			await page.mouse.move(axis.x + 500, axis.y + axis.height / 2, { steps: 5 });
			await page.mouse.up();
			const s = await changed(page, zoomed);
			// At least 20 px a day: each day is a target a reader can hit.
			expect(s.dayX('2016-04-03') - s.dayX('2016-04-02')).toBeGreaterThan(20);
			await page.mouse.move(s.dayX('2016-04-02') - 5, s.box.y + 8);
			await page.mouse.down();
			await page.mouse.move(s.dayX('2016-04-05') + 5, s.box.y + 8, { steps: 8 });
			await page.mouse.up();
			await page.waitForFunction(() => new URLSearchParams(location.search).has('to'));
			// 2 April is the first day of the data: a window from it leaves `from` out of the URL.
			expect(DATES[0]).toBe('2016-04-02');
			expect([param(page, 'from'), param(page, 'to')]).toEqual([null, '2016-04-05']);
			expect(await page.locator(`${TIMELINE} input[name="from"]`).inputValue()).toBe('2016-04-02');

			// Each handle lands on the day it is dropped on.
			const end = page.getByRole('slider', { name: 'End of the time window' });
			const endBox = (await end.boundingBox())!;
			const edge = s.xOf(dayTime('2016-04-06'));
			await page.mouse.move(endBox.x + endBox.width / 2, endBox.y + endBox.height / 2);
			await page.mouse.down();
			await page.mouse.move(
				endBox.x + endBox.width / 2 + s.dayX('2016-04-07') - edge,
				endBox.y + endBox.height / 2,
				{ steps: 6 }
			);
			await page.mouse.up();
			await page.waitForFunction(
				() => new URLSearchParams(location.search).get('to') === '2016-04-07'
			);
			const start = page.getByRole('slider', { name: 'Start of the time window' });
			const startBox = (await start.boundingBox())!;
			await page.mouse.move(startBox.x + startBox.width / 2, startBox.y + startBox.height / 2);
			await page.mouse.down();
			await page.mouse.move(
				startBox.x + startBox.width / 2 + s.dayX('2016-04-03') - s.xOf(dayTime('2016-04-02')),
				startBox.y + startBox.height / 2,
				{ steps: 6 }
			);
			await page.mouse.up();
			await page.waitForFunction(
				() => new URLSearchParams(location.search).get('from') === '2016-04-03'
			);
			expect(param(page, 'to')).toBe('2016-04-07');
		});
	});
});

describe('play', () => {
	it('steps the window on by its length, pauses, and stops at the end of the data', async () => {
		await withPage(DESKTOP, async ({ page }) => {
			await openDashboard(page, app.server.url, 'from=2016-04-02&to=2016-04-05');
			const play = page.locator(`${TIMELINE} button.play`);
			expect(await play.textContent()).toBe('Play');
			// From the keyboard.
			await play.focus();
			await page.keyboard.press('Enter');
			await page.waitForFunction(
				() => new URLSearchParams(location.search).get('from') === '2016-04-06'
			);
			expect(param(page, 'to')).toBe('2016-04-09');
			expect(await play.textContent()).toBe('Pause');
			await play.click();
			const paused = [param(page, 'from'), param(page, 'to')];
			expect(await play.textContent()).toBe('Play');
			await page.waitForTimeout(PLAY_MS * 1.5);
			expect([param(page, 'from'), param(page, 'to')]).toEqual(paused);
		});
	});

	it('stops by itself at the end of the data', async () => {
		await withPage(DESKTOP, async ({ page }) => {
			await openDashboard(page, app.server.url, 'from=2020-11-14&to=2020-11-17');
			const play = page.locator(`${TIMELINE} button.play`);
			await play.click();
			await page.waitForFunction(
				() => new URLSearchParams(location.search).get('from') === '2020-11-20'
			);
			expect(param(page, 'to')).toBeNull(); // the end of the data
			await page.waitForFunction(
				(sel) => document.querySelector(sel)?.textContent === 'Play',
				`${TIMELINE} button.play`
			);
		});
	});

	it('slides the window between steps, except for a reader who asks for less motion', async () => {
		const transition = async (options: BrowserContextOptions) => {
			let duration = '';
			await withPage(options, async ({ page }) => {
				await openDashboard(page, app.server.url, 'from=2016-04-02&to=2016-04-05');
				await page.locator(`${TIMELINE} button.play`).click();
				duration = await page
					.locator(`${SVG} rect.window`)
					.evaluate((el) => getComputedStyle(el).transitionDuration);
				await page.locator(`${TIMELINE} button.play`).click();
			});
			return duration;
		};
		expect(await transition({ ...DESKTOP, reducedMotion: 'no-preference' })).toMatch(/^0\.3s/);
		expect(await transition({ ...DESKTOP, reducedMotion: 'reduce' })).toMatch(/^0s/);
	});

	it('is labelled in Vietnamese too', async () => {
		await withPage(DESKTOP, async ({ page }) => {
			await openDashboard(page, app.server.url, 'lang=vi');
			expect(await page.locator('button.play').textContent()).toBe('Phát');
			for (const name of ['Phóng to dòng thời gian', 'Thu nhỏ dòng thời gian'])
				expect(await page.getByRole('button', { name }).count()).toBe(1);
			expect(
				await page.getByRole('slider', { name: 'Giai đoạn hiển thị trên dòng thời gian' }).count()
			).toBe(1);
		});
	});
});
