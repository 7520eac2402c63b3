import { describe, expect, it } from 'vitest';
import { guardedPage, waitForMapIdle, type GuardedPage } from './browser';
import { detailsTitle, readIncident } from './dashboard_page';
import { useBuiltApp, withGuardedPage } from './app';

const MINE = readIncident('geodata', '2020-11-23-madagiz-mine');
const FIGHTING = readIncident('geodata', '2016-04-02-line-of-contact-fighting');

const app = useBuiltApp();

function withPage(javaScriptEnabled: boolean, run: (g: GuardedPage) => Promise<void>) {
	return withGuardedPage(app, { javaScriptEnabled }, run);
}

describe('incident page without JavaScript', () => {
	it('shows details, claims, statements, sources, a static locator and a link into the map', async () => {
		await withPage(false, async ({ page }) => {
			const response = await page.goto(`${app.server.url}/incidents/${MINE.id}`);
			expect(response?.status()).toBe(200);
			expect(await page.locator('h1').textContent()).toBe(MINE.properties.title.en);
			const main = await page.locator('main').innerText();
			expect(main).toContain('23 Nov 2020');
			expect(main).toContain('Madagiz / Sugovushan');
			const [lon, lat] = MINE.geometry.coordinates as [number, number];
			expect(main).toContain(`${lat.toFixed(5)}° N, ${lon.toFixed(5)}° E`);

			const claims = await page.locator('table').innerText();
			expect(claims).toContain('Ministry of Defence of Russia');
			for (const claim of MINE.properties.claims) expect(claims).toContain(claim.subject);

			const statements = await page.locator('section[aria-labelledby="statements"]').innerText();
			expect(statements).toContain('Translation by Incident Atlas');
			expect(statements).toMatch(/Dujarric/);
			expect(await page.locator('blockquote[lang="vi"]').count()).toBeGreaterThan(0);

			const sources = page.locator('section[aria-labelledby="sources"] a');
			expect(await sources.count()).toBe(MINE.properties.source_ids.length);
			for (const link of await sources.all()) {
				expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
				expect(await link.getAttribute('target')).toBe('_blank');
				expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
			}

			const locator = page.locator('figure.locator svg[role="img"]');
			expect(await locator.getAttribute('aria-label')).toContain('Madagiz / Sugovushan');
			expect(await locator.locator('path.country').count()).toBeGreaterThan(1);
			expect(await locator.locator('path.outline').count()).toBe(1);
			const focus = locator.locator('circle.focus');
			expect(await focus.getAttribute('cx')).toBe('160');
			expect(await focus.getAttribute('cy')).toBe('110');

			const mapLink = new URL((await page.locator('a.to-map').getAttribute('href'))!, page.url());
			expect(mapLink.pathname + mapLink.search).toBe(`/?sel=${MINE.id}`);
		});
	});

	it('links back to the map with the query it was opened with, as the dashboard writes it', async () => {
		await withPage(false, async ({ page }) => {
			await page.goto(
				`${app.server.url}/incidents/${MINE.id}?type=Battles&type=Riots&from=2020-01-01&bbox=46,40,47,41&view=46.7,40.3,9&from=bad`
			);
			const mapLink = new URL((await page.locator('a.to-map').getAttribute('href'))!, page.url());
			expect(mapLink.search).toBe(
				`?sel=${MINE.id}&from=2020-01-01&type=Battles%2CRiots&bbox=46%2C40%2C47%2C41&view=46.7%2C40.3%2C9`
			);
		});
	});

	it('draws a line incident as a line, and speaks Vietnamese with ?lang=vi', async () => {
		await withPage(false, async ({ page }) => {
			await page.goto(`${app.server.url}/incidents/${FIGHTING.id}?lang=vi`);
			expect(await page.locator('h1').textContent()).toBe(FIGHTING.properties.title.vi);
			expect(await page.locator('.page').getAttribute('lang')).toBe('vi');
			expect(await page.locator('html').getAttribute('lang')).toBe('vi');
			expect(await page.locator('figure.locator path.focus-line').getAttribute('d')).toMatch(
				/^M[\d. ]+(L[\d. ]+)+$/
			);
			const mapLink = new URL((await page.locator('a.to-map').getAttribute('href'))!, page.url());
			expect(mapLink.pathname + mapLink.search).toBe(`/?sel=${FIGHTING.id}&lang=vi`);
			const claims = await page.locator('table').innerText();
			expect(claims).toContain('ít nhất 30');
			expect(claims).toContain('thiệt mạng');
		});
	});

	it('answers 404 for an unknown id', async () => {
		const { page, problems, close } = await guardedPage(app.browser, app.server.url, {
			javaScriptEnabled: false
		});
		try {
			const response = await page.goto(`${app.server.url}/incidents/no-such-incident`);
			expect(response?.status()).toBe(404);
			expect(await page.content()).toContain('No incident with id');
			// The only console error allowed is the browser's own report of that 404.
			expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
		} finally {
			await close();
		}
	});
});

describe('incident page with JavaScript', () => {
	it('opens the incident in the map view', async () => {
		await withPage(true, async ({ page }) => {
			await page.goto(`${app.server.url}/incidents/${MINE.id}`);
			await page.click('a.to-map');
			await waitForMapIdle(page);
			expect(new URL(page.url()).searchParams.get('sel')).toBe(MINE.id);
			expect(await detailsTitle(page)).toBe(MINE.properties.title.en);
		});
	});
});
