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
	// The order in which the map's first idle and its credits control appear in the page.
	await page.addInitScript(() => {
		const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = []);
		new MutationObserver(() => {
			for (const [name, selector] of [
				['idle', '[data-testid="map"][data-map-state="idle"]'],
				['credits', '.maplibregl-ctrl-attrib']
			])
				if (!seen.includes(name) && document.querySelector(selector)) seen.push(name);
		}).observe(document, { subtree: true, childList: true, attributes: true });
	});
	try {
		const started = Date.now();
		const response = await page.goto(app.server.url + '/');
		await waitForMapIdle(page);
		const ms = Date.now() - started;
		console.log(`e2e: navigation → map idle: ${ms} ms`);
		await expect(page.title()).resolves.toMatch(/Incident Atlas/);
		// The credits are added once the map is drawn: MapLibre's control measures the map as it
		// is added and as each source brings credits, which forced layouts during the load.
		await page.waitForSelector('.maplibregl-ctrl-attrib');
		expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([
			'idle',
			'credits'
		]);
		expect(problems).toEqual([]);
		// The dataset is asked for once, as the app starts: before the layout's server data, which
		// the page's load waits for (early_dataset.ts).
		expect(requested.filter((path) => path === '/data/dataset.json')).toHaveLength(1);
		expect(requested.filter((path) => path === '/__data.json')).toHaveLength(1);
		expect(requested.indexOf('/data/dataset.json')).toBeLessThan(requested.indexOf('/__data.json'));
		// The fonts of the dashboard's own words are preloaded (preload.ts), each fetched once and
		// each one the page then set text in.
		// (SvelteKit sends them as `Link` headers of the page.)
		const preloaded = [
			...(response?.headers().link ?? '').matchAll(/<([^>]+)>; rel="preload"; as="font"/g)
		].map((m) => new URL(m[1], app.server.url + '/').pathname);
		const loaded = await page.evaluate(() =>
			[...document.fonts]
				.filter((face) => face.status === 'loaded')
				.map(
					(face) =>
						`${face.family.replace(/"/g, '')} ${face.weight} ${face.style} ${face.unicodeRange}`
				)
		);
		const names = preloaded.map((path) => path.split('/').pop()!.split('.')[0]);
		expect(names.sort()).toEqual([
			'noto-sans-latin-400-normal',
			'noto-sans-latin-700-normal',
			'noto-sans-vietnamese-400-normal'
		]);
		for (const path of preloaded) {
			expect(requested.filter((p) => p === path)).toHaveLength(1);
			const [, subset, weight] = /noto-sans-(latin|vietnamese)-(\d+)-normal/.exec(path)!;
			const range = subset === 'latin' ? 'U+0-FF,' : 'U+1EA0-1EF9';
			expect(
				loaded.some(
					(face) => face.startsWith(`Noto Sans ${weight} normal `) && face.includes(range)
				),
				`${path} is preloaded but no text was set in it: ${loaded.join('; ')}`
			).toBe(true);
		}
	} finally {
		await close();
	}
});
