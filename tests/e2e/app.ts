import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
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
