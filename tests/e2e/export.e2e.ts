import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedPage, launchBrowser } from './browser';
import { DETAILS, INCIDENTS, listedIds, openDashboard } from './dashboard_page';
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
		const { page, problems, close } = await guardedPage(browser, server.url);
		try {
			await openDashboard(page, server.url, 'from=2016-04-01&to=2016-04-05&type=Battles');
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
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	it('exports the selected incident alone from the details panel, statements included', async () => {
		const { page, problems, close } = await guardedPage(browser, server.url);
		try {
			await openDashboard(page, server.url, 'sel=2020-11-23-madagiz-mine');
			await page.locator(DETAILS).getByRole('button', { name: 'Export this incident' }).waitFor();
			const { text } = await download(page, 'Export this incident', 'GeoJSON');
			const fc = JSON.parse(text);
			expect(fc.features.map((f: { id: string }) => f.id)).toEqual(['2020-11-23-madagiz-mine']);
			const speakers = fc.features[0].properties.statements.map(
				(s: { speaker: { name: string } }) => s.speaker.name
			);
			expect(speakers.join(' ')).toMatch(/Guterres/);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});
});
