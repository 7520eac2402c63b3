import { expect, it } from 'vitest';
import { guardedPage, waitForMapIdle } from './browser';
import { useBuiltApp } from './app';

const app = useBuiltApp();

it('loads the dashboard offline and the map reaches idle', async () => {
	const { page, problems, close } = await guardedPage(app.browser, app.server.url);
	try {
		const started = Date.now();
		await page.goto(app.server.url + '/');
		await waitForMapIdle(page);
		const ms = Date.now() - started;
		console.log(`e2e: navigation → map idle: ${ms} ms`);
		await expect(page.title()).resolves.toMatch(/Incident Atlas/);
		expect(problems).toEqual([]);
	} finally {
		await close();
	}
});
