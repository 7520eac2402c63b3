import { csvParse } from 'd3-dsv';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { guardedPage } from './browser';
import { DETAILS, INCIDENTS, listedIds, openDashboard } from './dashboard_page';
import { useBuiltApp } from './app';

const app = useBuiltApp();

/** Clicks a menu item of an Export menu and returns the downloaded file's name and text. */
async function download(page: Page, button: string, item: string) {
	await page.getByRole('button', { name: button, exact: true }).click();
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('menuitem', { name: item, exact: true }).click()
	]);
	const stream = await file.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

describe('the Export menu', () => {
	it('downloads a GeoJSON of exactly the incidents on screen', async () => {
		const { page, problems, close } = await guardedPage(app.browser, app.server.url);
		try {
			const datasetLoads: string[] = [];
			page.context().on('request', (r) => {
				if (new URL(r.url()).pathname === '/data/dataset.json') datasetLoads.push(r.url());
			});
			await openDashboard(page, app.server.url, 'from=2016-04-01&to=2016-04-05&type=Battles');
			const shown = await listedIds(page);
			expect(shown.length).toBeGreaterThan(1);
			const count = await page.locator(`${INCIDENTS} [data-testid="incident-count"]`).textContent();
			expect(count).toContain(String(shown.length));

			const { name, text } = await download(page, 'Export', 'GeoJSON');
			expect(name).toBe('incident-atlas_2016-04-01_2016-04-05_battles.geojson');
			const fc = JSON.parse(text);
			expect(fc.type).toBe('FeatureCollection');
			expect(fc.crs).toBeUndefined();
			expect(fc.features.map((f: { id: string }) => f.id).sort()).toEqual([...shown].sort());
			for (const feature of fc.features) {
				expect(feature.properties.type).toBe('Battles');
				expect(feature.properties.sources.length).toBeGreaterThan(0);
			}
			expect(fc.metadata.filter).toMatchObject({ from: '2016-04-01', to: '2016-04-05' });
			// The state the file came from: the last published revision, as /healthz reports it.
			const health = await (await fetch(new URL('/healthz', app.server.url))).json();
			expect(health.dataset_version).toBeGreaterThan(0);
			expect(fc.metadata.dataset_version).toBe(health.dataset_version);
			// The export worker made the file from its own copy of the dataset (the page sent rows).
			expect(page.workers().some((w) => w.url().includes('export_worker'))).toBe(true);
			expect(datasetLoads).toHaveLength(2);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	it('downloads a CSV of exactly the incidents on screen, and statements about them', async () => {
		const { page, problems, close } = await guardedPage(app.browser, app.server.url);
		try {
			await openDashboard(page, app.server.url, 'from=2016-04-01&to=2016-04-05');
			const shown = await listedIds(page);
			expect(shown.length).toBeGreaterThan(1);
			const incidents = await download(page, 'Export', 'CSV (incidents)');
			expect(incidents.name).toBe('incident-atlas_2016-04-01_2016-04-05.csv');
			// The download is bytes: the BOM is still there.
			expect(incidents.text.startsWith('\uFEFFevent_id,')).toBe(true);
			const rows = csvParse(incidents.text.slice(1));
			expect(rows.map((r) => r.event_id).sort()).toEqual([...shown].sort());
			const health = await (await fetch(new URL('/healthz', app.server.url))).json();
			expect(new Set(rows.map((r) => r.dataset_version))).toEqual(
				new Set([String(health.dataset_version)])
			);

			const statements = await download(page, 'Export', 'CSV (statements)');
			const about = new Set(
				csvParse(statements.text.slice(1)).flatMap((r) => r.incident_ids!.split('; '))
			);
			expect(shown.some((id) => about.has(id))).toBe(true);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	it('exports the selected incident alone from the details panel, statements included', async () => {
		const { page, problems, close } = await guardedPage(app.browser, app.server.url);
		try {
			await openDashboard(page, app.server.url, 'sel=2020-11-23-madagiz-mine');
			await page.locator(DETAILS).getByRole('button', { name: 'Export this incident' }).waitFor();
			const { text } = await download(page, 'Export this incident', 'GeoJSON');
			const fc = JSON.parse(text);
			expect(fc.features.map((f: { id: string }) => f.id)).toEqual(['2020-11-23-madagiz-mine']);
			expect(fc.metadata.dataset_version).toBeGreaterThan(0);
			const speakers = fc.features[0].properties.statements.map(
				(s: { speaker: { name: string } }) => s.speaker.name
			);
			expect(speakers.join(' ')).toMatch(/Guterres/);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	it('lets the export worker load the dataset only after the map has finished its first draw', async () => {
		const { page, problems, close } = await guardedPage(app.browser, app.server.url);
		try {
			const events: string[] = [];
			await page.exposeFunction('__mapIdle', () => events.push('map idle'));
			await page.addInitScript(() => {
				const observer = new MutationObserver(() => {
					if (document.querySelector('[data-testid="map"][data-map-state="idle"]')) {
						observer.disconnect();
						(window as unknown as { __mapIdle: () => void }).__mapIdle();
					}
				});
				observer.observe(document, { subtree: true, attributes: true, childList: true });
			});
			page.context().on('request', (r) => {
				if (new URL(r.url()).pathname === '/data/dataset.json') events.push('dataset');
			});
			await openDashboard(page, app.server.url);
			await expect
				.poll(() => events.filter((e) => e === 'dataset').length, { timeout: 20_000 })
				.toBe(2);
			// The page's own load comes first; the worker's comes after the map is idle.
			expect(events).toEqual(['dataset', 'map idle', 'dataset']);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	it('serves the dataset with a strong ETag, revalidated by a 304 without a body', async () => {
		const first = await fetch(`${app.server.url}/data/dataset.json`);
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
		expect(first.headers.get('cache-control')).toBe('no-cache');
		const body = await first.text();
		const again = await fetch(`${app.server.url}/data/dataset.json`);
		expect(again.headers.get('etag')).toBe(etag);
		expect(await again.text()).toBe(body);
		const revalidated = await fetch(`${app.server.url}/data/dataset.json`, {
			headers: { 'if-none-match': etag! }
		});
		expect(revalidated.status).toBe(304);
		expect(revalidated.headers.get('etag')).toBe(etag);
		expect(await revalidated.text()).toBe('');
		const stale = await fetch(`${app.server.url}/data/dataset.json`, {
			headers: { 'if-none-match': '"not-this-dataset"' }
		});
		expect(stale.status).toBe(200);
		await stale.arrayBuffer();
	});
});
