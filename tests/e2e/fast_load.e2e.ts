import { expect, it } from 'vitest';
import { waitForMapIdle } from './browser';
import { useBuiltApp, withGuardedPage } from './app';

/**
 * Issue 16: what the dashboard starts before it has its data. The speed itself is measured in the
 * bench (`npm run bench -- --only browser`), never here; these tests pin the order of events.
 */
const app = useBuiltApp();

const DATASET = '/data/dataset.json';

it('preloads the dataset from the page head and downloads it once, before asking for __data.json', async () => {
	const html = await (await fetch(app.server.url + '/')).text();
	expect(html).toContain(
		`<link rel="preload" href="${DATASET}" as="fetch" crossorigin="anonymous" />`
	);
	const other = await (await fetch(app.server.url + '/signin')).text();
	expect(other).not.toContain('rel="preload"');

	await withGuardedPage(app, {}, async ({ page }) => {
		const order: string[] = [];
		page.on('request', (request) => {
			const path = new URL(request.url()).pathname;
			if (path === DATASET || path === '/__data.json') order.push(path);
		});
		await page.goto(app.server.url + '/');
		await waitForMapIdle(page);
		// The page's own requests, as the page's resource timing lists them (the export worker's,
		// made after the first idle, are in the worker's): one, made by the preload link. A preload
		// the load function's fetch() could not use would show a second entry, made by `fetch`.
		const entries = await page.evaluate(
			(path) =>
				performance
					.getEntriesByType('resource')
					.filter((e) => new URL(e.name).pathname === path)
					.map((e) => (e as PerformanceResourceTiming).initiatorType),
			DATASET
		);
		expect(entries).toEqual(['link']);
		expect(order.indexOf(DATASET)).toBeGreaterThanOrEqual(0);
		expect(order.indexOf(DATASET)).toBeLessThan(order.indexOf('/__data.json'));
	});
});
