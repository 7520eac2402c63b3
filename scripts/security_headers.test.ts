import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../src/lib/server/security_headers';
import { SERVER_HEADERS, addSecurityHeaders } from './security_headers.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
	server = createServer(handler);
	addSecurityHeaders(server);
	await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('security headers of the Node server', () => {
	it('are the ones the app sets on what it renders', () => {
		expect(SERVER_HEADERS).toEqual(SECURITY_HEADERS);
	});

	it('reach a response written with writeHead, as a static file server writes it', async () => {
		const url = await serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/javascript' });
			res.end('export {}');
		});
		const r = await fetch(url + '/_app/immutable/entry/start.js');
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
		expect(r.headers.get('x-frame-options')).toBe('DENY');
		expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(r.headers.get('content-security-policy')).toBeNull();
	});

	it("leave a handler's own value in place, once", async () => {
		const url = await serve((_req, res) => {
			res.writeHead(304, { 'referrer-policy': 'no-referrer' });
			res.end();
		});
		const r = await fetch(url);
		expect(r.status).toBe(304);
		expect(r.headers.get('referrer-policy')).toBe('no-referrer');
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
