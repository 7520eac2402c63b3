import { expect, it } from 'vitest';
import { guardedPage, waitForMapIdle } from './browser';
import { useBuiltApp } from './app';

const app = useBuiltApp();

it('loads the dashboard offline and the map reaches idle', async () => {
	const { page, problems, close } = await guardedPage(app.browser, app.server.url);
	const requested: string[] = [];
	// The page's own requests (the export worker fetches the dataset again after the first draw).
	page.on('request', (request) => {
		if (!request.headers().referer?.includes('/workers/')) {
			requested.push(new URL(request.url()).pathname);
		}
	});
	try {
		const started = Date.now();
		await page.goto(app.server.url + '/');
		await waitForMapIdle(page);
		const ms = Date.now() - started;
		console.log(`e2e: navigation → map idle: ${ms} ms`);
		await expect(page.title()).resolves.toMatch(/Incident Atlas/);
		expect(problems).toEqual([]);
		// The dataset is asked for once, as the app starts: before the layout's server data, which
		// the page's load waits for (early_dataset.ts).
		expect(requested.filter((path) => path === '/data/dataset.json')).toHaveLength(1);
		expect(requested.filter((path) => path === '/__data.json')).toHaveLength(1);
		expect(requested.indexOf('/data/dataset.json')).toBeLessThan(requested.indexOf('/__data.json'));
	} finally {
		await close();
	}
});
