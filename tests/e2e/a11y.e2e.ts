import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GuardedPage } from './browser';
import { openDashboard, settle } from './dashboard_page';
import { useBuiltApp, withGuardedPage } from './app';

const MINE = '2020-11-23-madagiz-mine';
const PHONE: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2
};

const app = useBuiltApp();

function withPage(options: BrowserContextOptions, run: (g: GuardedPage) => Promise<void>) {
	return withGuardedPage(app, options, run);
}

/** WCAG 2 A and AA violations that axe rates serious or critical, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) =>
			v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary}`)
		);
}

describe('axe (WCAG 2 A/AA): no serious or critical violation', () => {
	it('desktop dashboard, with an incident selected and the legend open', async () => {
		await withPage({}, async ({ page }) => {
			await openDashboard(page, app.server.url, `sel=${MINE}`);
			await page.click('summary:has-text("Map legend and layers")');
			await page.click('section[aria-label="Incidents"] summary:has-text("Actor")');
			expect(await seriousViolations(page)).toEqual([]);
		});
	});

	it('desktop dashboard in Vietnamese, nothing selected', async () => {
		await withPage({}, async ({ page }) => {
			await openDashboard(page, app.server.url, 'lang=vi');
			expect(await seriousViolations(page)).toEqual([]);
		});
	});

	it('phone dashboard, each panel of the bottom sheet', async () => {
		await withPage(PHONE, async ({ page }) => {
			await openDashboard(page, app.server.url, `sel=${MINE}`);
			expect(await seriousViolations(page)).toEqual([]);
			for (const tab of ['List', 'Details', 'Statements']) {
				await page.click(`[role="tab"]:has-text("${tab}")`);
				await page.waitForSelector(`[role="tab"][aria-selected="true"]:has-text("${tab}")`);
				expect(await seriousViolations(page)).toEqual([]);
			}
		});
	});

	it('incident page', async () => {
		await withPage({}, async ({ page }) => {
			await page.goto(`${app.server.url}/incidents/${MINE}`);
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
});

interface Stop {
	name: string;
	visible: boolean;
}

/** Tabs through the whole page, naming each stop and whether it shows that it has focus. */
async function tabStops(page: Page, max = 120): Promise<Stop[]> {
	const stops: Stop[] = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const stop = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | SVGElement | null;
			if (!el || el === document.body) return null;
			// Marked on first visit: reaching a marked element again means the cycle is complete.
			// A date input keeps focus while Tab walks its day, month and year fields.
			if (el.dataset.tabSeen === 'current') return null;
			if (el.dataset.tabSeen) return { name: '', visible: true, again: true };
			document.querySelector('[data-tab-seen="current"]')?.setAttribute('data-tab-seen', 'done');
			el.dataset.tabSeen = 'current';
			const label =
				el.getAttribute('aria-label') ||
				(el as HTMLInputElement).labels?.[0]?.textContent?.trim() ||
				el.textContent?.trim().slice(0, 40) ||
				el.getAttribute('name') ||
				'';
			const name =
				`${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}${(el as HTMLInputElement).type ? `[type=${(el as HTMLInputElement).type}]` : ''} ${label}`.trim();
			const style = getComputedStyle(el);
			const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
			const shadow = style.boxShadow !== 'none';
			const stroke =
				el instanceof SVGElement && parseFloat(style.strokeWidth) >= 2 && style.stroke !== 'none';
			return {
				name,
				visible: el.matches(':focus-visible') && (outline || shadow || stroke),
				again: false
			};
		});
		if (!stop) continue;
		if (stop.again) break;
		stops.push({ name: stop.name, visible: stop.visible });
	}
	return stops;
}

describe('keyboard', () => {
	it('reaches every control of the dashboard, each with a visible focus indicator', async () => {
		await withPage({}, async ({ page }) => {
			await openDashboard(page, app.server.url, `sel=${MINE}`);
			const stops = await tabStops(page);
			const names = stops.map((s) => s.name);
			for (const expected of [
				/^a Skip to the incident list$/,
				/^button.* English$/,
				/^button.* Tiếng Việt$/,
				/^button.* Export$/,
				/^canvas.* Map$/,
				/^summary Map legend and layers$/,
				/^input\[type=search\] Search$/,
				/^input\[type=checkbox\] Battles$/,
				/^summary Actor$/,
				/^div\[role=listbox\] Incidents, sorted by date$/,
				/^a Incident page$/,
				/^button.* Export this incident$/,
				/^button.* Clear selection$/,
				/^select.* Organisation/,
				/^select.* Topic/,
				/^input\[type=radio\] Translation$/,
				/^button.* Show its incidents$/,
				/^input\[type=date\] From$/,
				/^input\[type=date\] To$/,
				/^rect\[role=slider\] Start of the time window$/,
				/^rect\[role=slider\] End of the time window$/
			]) {
				expect(
					names.some((n) => expected.test(n)),
					`no tab stop matches ${expected}:\n${names.join('\n')}`
				).toBe(true);
			}
			expect(stops.filter((s) => !s.visible).map((s) => s.name)).toEqual([]);
		});
	});

	it('clears the selection with Escape, but not while typing in the search box', async () => {
		await withPage({}, async ({ page }) => {
			await openDashboard(page, app.server.url, `sel=${MINE}`);
			await page.focus('input[name="q"]');
			await page.keyboard.press('Escape');
			expect(new URL(page.url()).searchParams.get('sel')).toBe(MINE);
			await page.focus('section[aria-label="Incidents"] [role="listbox"]');
			await page.keyboard.press('Escape');
			await settle(page, () => !new URL(location.href).searchParams.has('sel'));
		});
	});
});
