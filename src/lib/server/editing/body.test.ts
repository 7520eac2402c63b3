import { describe, expect, it } from 'vitest';
import { MAX_JSON_BYTES, isJsonType, readJsonBody } from './body';

const post = (body: BodyInit | null, headers: Record<string, string>) =>
	new Request('http://localhost/api/incidents', {
		method: 'POST',
		body,
		headers,
		duplex: 'half'
	} as RequestInit);

/** A body sent in chunks, with no Content-Length (as `Transfer-Encoding: chunked` arrives). */
function chunked(chunks: number, size: number): ReadableStream<Uint8Array> {
	let sent = 0;
	return new ReadableStream({
		pull(controller) {
			if (sent++ === chunks) controller.close();
			else controller.enqueue(new Uint8Array(size).fill(0x20));
		}
	});
}

describe('reading a JSON body', () => {
	it('knows JSON media types', () => {
		expect(isJsonType('application/json')).toBe(true);
		expect(isJsonType('application/json; charset=utf-8')).toBe(true);
		expect(isJsonType('Application/Geo+JSON')).toBe(true);
		expect(isJsonType('text/plain')).toBe(false);
		expect(isJsonType('application/x-www-form-urlencoded')).toBe(false);
		expect(isJsonType('multipart/form-data; boundary=x')).toBe(false);
		expect(isJsonType(null)).toBe(false);
	});

	it('parses a JSON body', async () => {
		const result = await readJsonBody(
			post('{"a":[1,"é"]}', { 'content-type': 'application/json' })
		);
		expect(result).toEqual({ ok: true, value: { a: [1, 'é'] } });
	});

	it('refuses another content type with 415, as a cross-site form would send', async () => {
		const result = await readJsonBody(post('{}', { 'content-type': 'text/plain' }));
		expect(result.ok || result.response.status).toBe(415);
	});

	it('refuses a declared length over the limit before reading', async () => {
		const request = post('{}', {
			'content-type': 'application/json',
			'content-length': String(MAX_JSON_BYTES + 1)
		});
		const result = await readJsonBody(request);
		expect(result.ok || result.response.status).toBe(413);
		expect(request.bodyUsed).toBe(false);
	});

	it('counts a chunked body while reading and stops at the limit', async () => {
		const over = await readJsonBody(
			post(chunked(20, 64 * 1024), { 'content-type': 'application/json' })
		);
		expect(over.ok || over.response.status).toBe(413);
		expect(over.ok || JSON.parse(over.response.body).code).toBe('PayloadTooLarge');
		const under = await readJsonBody(
			post(chunked(15, 64 * 1024), { 'content-type': 'application/json' }),
			MAX_JSON_BYTES
		);
		expect(under.ok || under.response.status).toBe(400);
	});

	it('answers 400 for a body that is not JSON or not UTF-8', async () => {
		const bad = await readJsonBody(post('{"a":', { 'content-type': 'application/json' }));
		expect(bad.ok || JSON.parse(bad.response.body).description).toMatch(/not valid JSON/);
		const latin1 = await readJsonBody(
			post(new Uint8Array([0x22, 0xe9, 0x22]), { 'content-type': 'application/json' })
		);
		expect(latin1.ok || JSON.parse(latin1.response.body).description).toMatch(/UTF-8/);
	});
});
