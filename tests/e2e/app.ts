import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { guardedPage, launchBrowser, type GuardedPage } from './browser';
import { startServer, type RunningServer } from './server';

export interface BuiltApp {
	server: RunningServer;
	browser: Browser;
}

/**
 * The built server and a Chromium, started before a test file's tests and stopped after them:
 * the setup every browser test file shares. Read `server` and `browser` inside tests only.
 */
export function useBuiltApp(options?: Parameters<typeof startServer>[0]): BuiltApp {
	const app = {} as BuiltApp;
	beforeAll(async () => {
		app.server = await startServer(options);
		app.browser = await launchBrowser();
	});
	afterAll(async () => {
		await app.browser?.close();
		await app.server?.stop();
	});
	return app;
}

/**
 * Runs `run` on a fresh guarded page of the app and closes it; any page error, console error or
 * request that leaves the server fails the test.
 */
export async function withGuardedPage(
	app: BuiltApp,
	options: BrowserContextOptions,
	run: (g: GuardedPage) => Promise<void>
): Promise<void> {
	const g = await guardedPage(app.browser, app.server.url, options);
	try {
		await run(g);
		expect(g.problems).toEqual([]);
	} finally {
		await g.close();
	}
}
