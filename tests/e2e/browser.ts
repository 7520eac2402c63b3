import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Chromium: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else the one inside `@sparticuz/chromium`. */
export async function chromiumPath(): Promise<string> {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	const sparticuz = (await import('@sparticuz/chromium')).default;
	return sparticuz.executablePath();
}

/** WebGL on SwiftShader, and no background traffic from Chromium itself. */
export const CHROMIUM_ARGS = [
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--ignore-gpu-blocklist',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--no-sandbox'
];

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: await chromiumPath(),
		args: CHROMIUM_ARGS,
		headless: true
	});
}

export interface GuardedPage {
	page: Page;
	/** Page errors, console errors and requests that tried to leave the test server. */
	problems: string[];
	close: () => Promise<void>;
}

/**
 * A page that records every page error and aborts (and records) every request that is not to
 * `origin`: how the e2e tests prove the dashboard works offline.
 */
export async function guardedPage(
	browser: Browser,
	origin: string,
	options: BrowserContextOptions = {}
): Promise<GuardedPage> {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
	const problems: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (
			url.startsWith(origin + '/') ||
			url === origin ||
			url.startsWith('data:') ||
			url.startsWith('blob:')
		) {
			return route.continue();
		}
		problems.push(`request left the test server: ${url}`);
		return route.abort();
	});
	const page = await context.newPage();
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
	});
	return { page, problems, close: () => context.close() };
}

/** Waits until the map container says the map is idle (set from MapLibre's `idle` event). */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
	await page.waitForSelector('[data-map-state="idle"]', { timeout });
}
