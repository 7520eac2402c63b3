import { describe, expect, it } from 'vitest';
import { isReadOnlyPath, preflightResponse, withCors } from './cors';

const url = (path: string) => new URL(`http://atlas.test${path}`);

describe('CORS for the read-only routes', () => {
	it('covers /api, /ogc and /data, not the pages', () => {
		for (const path of ['/api/incidents.geojson', '/ogc', '/ogc/collections', '/data/dataset.json'])
			expect(isReadOnlyPath(path), path).toBe(true);
		for (const path of ['/', '/incidents/x', '/apis', '/database', '/healthz'])
			expect(isReadOnlyPath(path), path).toBe(false);
	});

	it('answers a preflight with 204, GET/HEAD/OPTIONS and the allowed headers', () => {
		const response = preflightResponse('OPTIONS', url('/ogc/collections/incidents/items'))!;
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
		expect(response.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/);
		expect(preflightResponse('OPTIONS', url('/'))).toBeNull();
		expect(preflightResponse('GET', url('/api/incidents.csv'))).toBeNull();
	});

	it('marks GET and HEAD answers, never a write', () => {
		for (const method of ['GET', 'HEAD']) {
			const r = withCors(method, url('/data/dataset.json'), new Response('{}'));
			expect(r.headers.get('access-control-allow-origin')).toBe('*');
		}
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
			const r = withCors(method, url('/api/incidents.geojson'), new Response('', { status: 405 }));
			expect(r.headers.get('access-control-allow-origin'), method).toBeNull();
		}
		expect(
			withCors('GET', url('/'), new Response('')).headers.get('access-control-allow-origin')
		).toBeNull();
	});

	it('copies a response whose headers are immutable', () => {
		const locked = Response.redirect('http://atlas.test/ogc/', 302);
		const r = withCors('GET', url('/ogc'), locked);
		expect(r.headers.get('access-control-allow-origin')).toBe('*');
		expect(r.status).toBe(302);
	});
});
