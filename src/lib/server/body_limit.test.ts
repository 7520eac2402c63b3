import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_BODY_LIMIT,
	IMPORT_BODY_LIMIT,
	SNAPSHOT_BODY_LIMIT,
	bodyLimit,
	bodyLimitOf,
	readUpTo
} from './body_limit';

const ORIGIN = 'http://localhost:3000';

/** A body that arrives in `chunks` pieces of `size` bytes, with no length announced (chunked). */
function chunked(chunks: number, size: number): ReadableStream<Uint8Array> {
	let sent = 0;
	return new ReadableStream({
		pull(controller) {
			if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(120));
			else controller.close();
		}
	});
}

/** Runs the hook on a request; what the route behind saw (its body's length), or the answer. */
async function run(method: string, path: string, init: RequestInit) {
	const request = new Request(ORIGIN + path, { method, ...init, duplex: 'half' } as RequestInit);
	let seen: { length: number; header: string | null } | null = null;
	const event = { request, url: new URL(request.url) } as RequestEvent;
	const response = await bodyLimit({
		event,
		resolve: async (e) => {
			const body = await e.request.arrayBuffer();
			seen = { length: body.byteLength, header: e.request.headers.get('content-length') };
			return new Response('ok');
		}
	});
	return { response, seen: seen as { length: number; header: string | null } | null };
}

describe('bodyLimitOf', () => {
	it('gives 5 MB to PUT /api/sources/<id>/snapshot and 1 MB to everything else', () => {
		expect(bodyLimitOf('PUT', '/api/sources/thoidai-2020-11-24/snapshot')).toBe(
			SNAPSHOT_BODY_LIMIT
		);
		expect(bodyLimitOf('POST', '/api/sources/thoidai-2020-11-24/snapshot')).toBe(
			DEFAULT_BODY_LIMIT
		);
		expect(bodyLimitOf('PUT', '/api/sources/x')).toBe(DEFAULT_BODY_LIMIT);
		expect(bodyLimitOf('PUT', '/api/statements/x/snapshot')).toBe(DEFAULT_BODY_LIMIT);
		expect(bodyLimitOf('POST', '/signin')).toBe(DEFAULT_BODY_LIMIT);
	});

	it('gives 5 MB to the article page’s actions (POST /edit/ingest), which carry a whole article', () => {
		expect(bodyLimitOf('POST', '/edit/ingest')).toBe(SNAPSHOT_BODY_LIMIT);
		expect(bodyLimitOf('GET', '/edit/ingest')).toBe(DEFAULT_BODY_LIMIT);
		expect(bodyLimitOf('POST', '/edit/incidents/new')).toBe(DEFAULT_BODY_LIMIT);
	});

	it('gives 32 MB to POST /api/import (a file for import) and to nothing else there', () => {
		expect(bodyLimitOf('POST', '/api/import')).toBe(IMPORT_BODY_LIMIT);
		expect(IMPORT_BODY_LIMIT).toBe(32 * 1024 * 1024);
		expect(bodyLimitOf('PUT', '/api/import')).toBe(DEFAULT_BODY_LIMIT);
		expect(bodyLimitOf('POST', '/api/import/x')).toBe(DEFAULT_BODY_LIMIT);
		expect(bodyLimitOf('POST', '/edit/import')).toBe(DEFAULT_BODY_LIMIT);
	});
});

describe('the body limit hook', () => {
	it('refuses a declared length over 1 MB with 413 JSON before the route reads anything', async () => {
		const { response, seen } = await run('POST', '/signin', {
			headers: { 'content-length': String(DEFAULT_BODY_LIMIT + 1) },
			body: chunked(1, 10)
		});
		expect(response.status).toBe(413);
		expect(await response.json()).toMatchObject({ code: 'PayloadTooLarge' });
		expect(seen).toBeNull();
	});

	it('lets the snapshot route have a declared 2 MB', async () => {
		const body = new Uint8Array(2 * 1024 * 1024);
		const { response, seen } = await run('PUT', '/api/sources/s/snapshot', { body });
		expect(response.status).toBe(200);
		expect(seen!.length).toBe(body.byteLength);
	});

	it('refuses a chunked body past 1 MB elsewhere, and hands a smaller one on with its length', async () => {
		const big = await run('POST', '/signin', { body: chunked(17, 64 * 1024) });
		expect(big.response.status).toBe(413);
		expect(big.seen).toBeNull();
		const small = await run('POST', '/signin', { body: chunked(3, 1000) });
		expect(small.response.status).toBe(200);
		expect(small.seen).toEqual({ length: 3000, header: '3000' });
	});

	it('leaves a chunked snapshot body to its route, which counts it', async () => {
		const { response, seen } = await run('PUT', '/api/sources/s/snapshot', {
			body: chunked(32, 64 * 1024)
		});
		expect(response.status).toBe(200);
		expect(seen!.length).toBe(2 * 1024 * 1024);
	});
});

describe('readUpTo', () => {
	it('reads to the end within the limit, and stops with null past it', async () => {
		expect((await readUpTo(chunked(4, 10), 40))!.byteLength).toBe(40);
		expect(await readUpTo(chunked(5, 10), 40)).toBeNull();
	});
});
