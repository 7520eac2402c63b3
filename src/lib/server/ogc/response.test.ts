import { describe, expect, it } from 'vitest';
import { bytesResponse, jsonResponse, toResponse } from './response';

describe('bytesResponse', () => {
	it('sends stored bytes as they are and decodes them for `body`', async () => {
		const big = Buffer.from(`"${'Tərtər '.repeat(20_000)}"`);
		const parts = [Buffer.from('['), big, Buffer.from(',1]')];
		const r = bytesResponse(200, 'application/geo+json', parts);
		expect(r.parts).toHaveLength(3);
		expect(r.parts![1]).toBe(big);
		expect(r.body).toBe(`[${big.toString()},1]`);
		const response = toResponse(r);
		expect(response.headers.get('content-type')).toBe('application/geo+json');
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(await response.text()).toBe(r.body);
	});

	it('joins a small body into one part', async () => {
		const r = bytesResponse(200, 'application/geo+json', [
			Buffer.from('{"a":'),
			Buffer.from('"ə"}')
		]);
		expect(r.parts).toHaveLength(1);
		expect(JSON.parse(r.body)).toEqual({ a: 'ə' });
		expect(await toResponse(r).json()).toEqual({ a: 'ə' });
	});
});

describe('toResponse', () => {
	it('sends a string body with its status and headers', async () => {
		const response = toResponse(jsonResponse(404, { code: 'NotFound' }));
		expect(response.status).toBe(404);
		expect(response.headers.get('vary')).toBe('Accept');
		expect(await response.json()).toEqual({ code: 'NotFound' });
	});
});
