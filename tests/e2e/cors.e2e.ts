import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './app';

/** Read-only routes any site may read: the exports, the OGC API, the data files. */
const READ_ONLY = [
	'/api/incidents.geojson',
	'/api/incidents.csv?from=2020-01-01',
	'/api/statements.json',
	'/ogc',
	'/ogc/collections/incidents/items?limit=2',
	'/data/dataset.json',
	'/data/basemap/countries.geojson'
];

const app = useBuiltApp();

describe('CORS on the read-only routes (real HTTP)', () => {
	it.each(READ_ONLY)('GET and HEAD %s carry Access-Control-Allow-Origin: *', async (path) => {
		for (const method of ['GET', 'HEAD']) {
			const response = await fetch(app.server.url + path, {
				method,
				headers: { origin: 'https://maps.example' }
			});
			expect(response.status, `${method} ${path}`).toBe(200);
			expect(response.headers.get('access-control-allow-origin'), `${method} ${path}`).toBe('*');
			await response.arrayBuffer();
		}
	});

	it.each(READ_ONLY)('OPTIONS %s answers the preflight with 204', async (path) => {
		const response = await fetch(app.server.url + path, {
			method: 'OPTIONS',
			headers: {
				origin: 'https://maps.example',
				'access-control-request-method': 'GET',
				'access-control-request-headers': 'if-none-match'
			}
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
		expect(response.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/i);
	});

	it('keeps the header on a JSON 400, so another site can read the error', async () => {
		const response = await fetch(`${app.server.url}/api/incidents.geojson?bbox=1,2`);
		expect(response.status).toBe(400);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
	});

	it('never allows a write cross-origin, and leaves the pages alone', async () => {
		for (const method of ['POST', 'PUT', 'DELETE']) {
			const response = await fetch(`${app.server.url}/api/incidents.geojson`, {
				method,
				headers: { origin: 'https://maps.example', 'content-type': 'application/json' },
				body: '{}'
			});
			expect(response.status, method).toBeGreaterThanOrEqual(400);
			expect(response.headers.get('access-control-allow-origin'), method).toBeNull();
		}
		const page = await fetch(`${app.server.url}/`, { method: 'OPTIONS' });
		expect(page.headers.get('access-control-allow-origin')).toBeNull();
		const html = await fetch(`${app.server.url}/`);
		expect(html.headers.get('access-control-allow-origin')).toBeNull();
	});
});

describe('CORS in a real browser', () => {
	it('lets a page on another origin read the OGC API but not write to it', async () => {
		// The page stands in for another site, so our own CSP (connect-src 'none' on /healthz) is off.
		const context = await app.browser.newContext({ bypassCSP: true });
		try {
			const page = await context.newPage();
			await page.goto(`${app.server.url}/healthz`);
			const other = app.server.url.replace('127.0.0.1', 'localhost');
			const result = await page.evaluate(async (base) => {
				const read = await fetch(`${base}/ogc/collections/incidents/items?limit=1`, {
					headers: { 'If-None-Match': '"nothing"' }
				});
				const body = await read.json();
				let write = 'sent';
				try {
					await fetch(`${base}/api/incidents.geojson`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: '{}'
					});
				} catch (error) {
					write = `refused: ${(error as Error).name}`;
				}
				return { status: read.status, type: body.type, origin: location.origin, write };
			}, other);
			expect(result.origin).not.toBe(new URL(other).origin);
			expect(result.status).toBe(200);
			expect(result.type).toBe('FeatureCollection');
			expect(result.write).toBe('refused: TypeError');
		} finally {
			await context.close();
		}
	});
});
