import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { guardedPage, launchBrowser, waitForMapIdle } from './browser';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer();
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

it('loads the dashboard offline and the map reaches idle', async () => {
	const { page, problems, close } = await guardedPage(browser, server.url);
	try {
		const started = Date.now();
		await page.goto(server.url + '/');
		await waitForMapIdle(page);
		const ms = Date.now() - started;
		console.log(`e2e: navigation → map idle: ${ms} ms`);
		await expect(page.title()).resolves.toMatch(/Incident Atlas/);
		expect(problems).toEqual([]);
	} finally {
		await close();
	}
});
