import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltApp, withGuardedPage } from './app';
import { waitForMapIdle } from './browser';
import { DETAILS, INCIDENTS, detailsTitle, readIncident } from './dashboard_page';

const MINE = readIncident('geodata', '2020-11-23-madagiz-mine');

const app = useBuiltApp();

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | null): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const part of (csp ?? '').split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name) map.set(name, values);
	}
	return map;
}

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { __cspViolations: string[] };
		w.__cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`)
		);
	});
	return () =>
		page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

describe('security headers', () => {
	it('every kind of answer carries nosniff, DENY framing and the referrer policy', async () => {
		const paths = [
			'/',
			`/incidents/${MINE.id}`,
			'/signin',
			'/no-such-page',
			'/api/incidents.geojson',
			'/api/me',
			'/api/no-such-export',
			'/ogc',
			'/ogc/collections/incidents/items?limit=1',
			'/data/dataset.json',
			'/data/basemap/countries.geojson',
			'/healthz'
		];
		for (const path of paths) {
			const response = await fetch(app.server.url + path);
			const h = response.headers;
			expect([path, h.get('x-content-type-options')]).toEqual([path, 'nosniff']);
			expect([path, h.get('x-frame-options')]).toEqual([path, 'DENY']);
			expect([path, h.get('referrer-policy')]).toEqual([path, 'strict-origin-when-cross-origin']);
			const csp = directives(h.get('content-security-policy'));
			expect([path, csp.get('frame-ancestors')]).toEqual([path, ["'none'"]]);
			await response.arrayBuffer();
		}
	});

	it('static files served before the hooks (/_app/immutable scripts and styles, version.json, the favicon) carry them too', async () => {
		const html = await (await fetch(app.server.url + '/')).text();
		const assets = [
			...new Set([...html.matchAll(/\/_app\/immutable\/[^"'\s)]+\.(?:js|css)/g)].map((m) => m[0]))
		];
		expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
		const { version } = await (await fetch(app.server.url + '/_app/version.json')).json();
		expect(typeof version).toBe('string');
		for (const path of [...assets, '/_app/version.json', '/favicon.svg']) {
			const response = await fetch(app.server.url + path);
			expect([path, response.status]).toEqual([path, 200]);
			const h = response.headers;
			expect([path, h.get('x-content-type-options')]).toEqual([path, 'nosniff']);
			expect([path, h.get('x-frame-options')]).toEqual([path, 'DENY']);
			expect([path, h.get('referrer-policy')]).toEqual([path, 'strict-origin-when-cross-origin']);
			await response.arrayBuffer();
		}
		const first = assets.find((a) => a.endsWith('.js'))!;
		const etag = (await fetch(app.server.url + first)).headers.get('etag');
		expect(etag).toBeTruthy();
		const notModified = await fetch(app.server.url + first, {
			headers: { 'if-none-match': etag! }
		});
		expect(notModified.status).toBe(304);
		expect(notModified.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('pages get a CSP with a fresh nonce and no unsafe-inline scripts; two loads, two nonces', async () => {
		const seen = new Set<string>();
		for (const path of ['/', '/', `/incidents/${MINE.id}`, '/signin']) {
			const response = await fetch(app.server.url + path);
			const header = response.headers.get('content-security-policy');
			const csp = directives(header);
			const scripts = csp.get('script-src') ?? [];
			expect(scripts).not.toContain("'unsafe-inline'");
			expect(scripts).not.toContain("'unsafe-eval'");
			expect(scripts).toContain("'self'");
			expect(csp.get('default-src')).toEqual(["'self'"]);
			expect(csp.get('object-src')).toEqual(["'none'"]);
			expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
			const nonce = nonceOf(header);
			expect(nonce).toMatch(/^[A-Za-z0-9+/=_-]{16,}$/);
			expect(seen.has(nonce!)).toBe(false);
			seen.add(nonce!);
			const html = await response.text();
			const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
			expect(inline.length).toBeGreaterThan(0);
			for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${nonce}"`);
		}
	});

	it('the dashboard renders its map and selects an incident with no CSP violation', async () => {
		await withGuardedPage(app, {}, async ({ page }) => {
			const violations = await recordViolations(page);
			const csp: string[] = [];
			page.on('console', (m) => {
				if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
			});
			const response = await page.goto(app.server.url + '/');
			expect(response?.headers()['content-security-policy']).toContain("'nonce-");
			await waitForMapIdle(page);
			expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
			await page.locator(`${INCIDENTS} [role="option"][data-incident-id="${MINE.id}"]`).click();
			await page.waitForFunction(
				([sel, title]) => document.querySelector(`${sel} h3`)?.textContent === title,
				[DETAILS, MINE.properties.title.en]
			);
			expect(await detailsTitle(page)).toBe(MINE.properties.title.en);
			await waitForMapIdle(page);
			expect(await violations()).toEqual([]);
			expect(csp).toEqual([]);
		});
	});

	it('the incident page works under the CSP with JavaScript, with no violation', async () => {
		await withGuardedPage(app, {}, async ({ page }) => {
			const violations = await recordViolations(page);
			await page.goto(`${app.server.url}/incidents/${MINE.id}`);
			expect(await page.locator('h1').textContent()).toBe(MINE.properties.title.en);
			// The language link, followed after the page's scripts have run under the CSP.
			await page.locator('nav a[hreflang="vi"]').click();
			await page.waitForURL(/lang=vi/);
			await page.waitForFunction(
				(title) => document.querySelector('h1')?.textContent === title,
				MINE.properties.title.vi
			);
			expect(await violations()).toEqual([]);
		});
	});

	it('the CSP does block what it should: an injected inline script never runs', async () => {
		await withGuardedPage(app, {}, async (g) => {
			const violations = await recordViolations(g.page);
			await g.page.goto(`${app.server.url}/incidents/${MINE.id}`);
			const ran = await g.page.evaluate(async () => {
				const s = document.createElement('script');
				s.textContent = 'window.__injected = true';
				document.body.append(s);
				await new Promise((r) => setTimeout(r, 50));
				return (window as unknown as { __injected?: boolean }).__injected ?? false;
			});
			expect(ran).toBe(false);
			expect((await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
			// The refusal is reported on the console; that is what this test wants, not a problem.
			g.problems.splice(
				0,
				g.problems.length,
				...g.problems.filter((p) => !/Content Security Policy/.test(p))
			);
		});
	});
});
