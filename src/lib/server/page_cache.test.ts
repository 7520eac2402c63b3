import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
	CACHE_STATUS_HEADER,
	PageCache,
	createPageCacheHandle,
	fromTemplate,
	hasSessionCookie,
	toTemplate,
	type PageTemplate
} from './page_cache';

const ROUTE = '/incidents/[id]';
const NONCE = 'QtkxaAuN34b5PV+DSir6TQ==';
const POLICY = `default-src 'self'; script-src 'self' 'nonce-${NONCE}'; style-src 'self' 'nonce-${NONCE}'`;
const PAGE = `<!doctype html><html lang="en"><link rel="stylesheet" nonce="${NONCE}" href="/a.css"><h1>Madagiz — mine</h1><script nonce="${NONCE}">start()</script></html>`;

function pageHeaders(extra: Record<string, string> = {}): Headers {
	return new Headers({
		'content-type': 'text/html',
		'content-security-policy': POLICY,
		etag: '"a91wj4"',
		'content-length': String(new TextEncoder().encode(PAGE).byteLength),
		link: '</_app/immutable/entry/start.js>; rel="modulepreload"; nopush',
		'x-sveltekit-page': 'true',
		...extra
	});
}

function template(size = 100): PageTemplate {
	return { status: 200, headers: [], csp: [''], body: [new Uint8Array(size - 1)], size };
}

describe('toTemplate / fromTemplate', () => {
	it('puts a fresh nonce wherever the rendered page had its own, in the body and the CSP', async () => {
		const t = toTemplate(200, pageHeaders(), PAGE)!;
		const response = fromTemplate(t, 'bmV3LW5vbmNlLTEyMzQ1Ng==');
		const body = await response.text();
		expect(body).toBe(PAGE.replaceAll(NONCE, 'bmV3LW5vbmNlLTEyMzQ1Ng=='));
		expect(body).not.toContain(NONCE);
		expect(response.headers.get('content-security-policy')).toBe(
			POLICY.replaceAll(NONCE, 'bmV3LW5vbmNlLTEyMzQ1Ng==')
		);
		expect(response.headers.get('content-length')).toBe(
			String(new TextEncoder().encode(body).byteLength)
		);
		expect(response.headers.get('link')).toContain('modulepreload');
		expect(response.headers.get('etag')).toBeNull();
	});

	it('keeps no template of an error, a cookie, a non-HTML answer or a CSP without one nonce', () => {
		expect(toTemplate(410, pageHeaders(), PAGE)).toBeNull();
		expect(
			toTemplate(200, pageHeaders({ 'set-cookie': 'atlas_session=; Max-Age=0' }), PAGE)
		).toBeNull();
		expect(toTemplate(200, pageHeaders({ 'content-type': 'application/json' }), PAGE)).toBeNull();
		const two = `script-src 'nonce-${NONCE}'; style-src 'nonce-b3RoZXI='`;
		expect(toTemplate(200, pageHeaders({ 'content-security-policy': two }), PAGE)).toBeNull();
		expect(
			toTemplate(200, pageHeaders({ 'content-security-policy': "default-src 'self'" }), PAGE)
		).toBeNull();
	});
});

describe('hasSessionCookie', () => {
	it('finds the session cookie among others, and no other cookie', () => {
		expect(hasSessionCookie('atlas_session=abc')).toBe(true);
		expect(hasSessionCookie('theme=dark;atlas_session=abc')).toBe(true);
		expect(hasSessionCookie('theme=dark; atlas_session=')).toBe(true);
		expect(hasSessionCookie('not_atlas_session=abc')).toBe(false);
		expect(hasSessionCookie('theme=atlas_session=abc')).toBe(false);
		expect(hasSessionCookie(null)).toBe(false);
	});
});

describe('PageCache', () => {
	it('forgets every page when the dataset version moves on', () => {
		const cache = new PageCache();
		cache.set('/incidents/a', 7, template());
		expect(cache.get('/incidents/a', 7)).toBeDefined();
		expect(cache.get('/incidents/a', 8)).toBeUndefined();
		expect(cache.size).toBe(0);
	});

	it('drops the least recently used pages beyond its byte limit', () => {
		const cache = new PageCache(250);
		cache.set('/a', 1, template());
		cache.set('/b', 1, template());
		cache.get('/a', 1);
		cache.set('/c', 1, template());
		expect(cache.get('/b', 1)).toBeUndefined();
		expect(cache.get('/a', 1)).toBeDefined();
		expect(cache.get('/c', 1)).toBeDefined();
		expect(cache.bytes).toBe(200);
		cache.set('/huge', 1, template(1000));
		expect(cache.get('/huge', 1)).toBeUndefined();
		expect(cache.size).toBe(2);
	});
});

interface FakeRequest {
	url?: string;
	method?: string;
	routeId?: string | null;
	user?: { email: string; role: string } | null;
	/** The Cookie header as sent; `cookies.get` (after the auth hook) sees none of a stale session. */
	cookie?: string;
	headers?: Record<string, string>;
	isDataRequest?: boolean;
}

function fakeEvent(r: FakeRequest = {}): RequestEvent {
	const url = new URL(r.url ?? 'http://atlas.test/incidents/2020-11-23-madagiz-mine');
	return {
		url,
		request: new Request(url, {
			method: r.method ?? 'GET',
			headers: { ...r.headers, ...(r.cookie ? { cookie: r.cookie } : {}) }
		}),
		route: { id: r.routeId === undefined ? ROUTE : r.routeId },
		locals: { user: r.user ?? null },
		cookies: { get: () => undefined },
		isDataRequest: r.isDataRequest ?? false,
		isSubRequest: false
	} as unknown as RequestEvent;
}

/** A handle over a stub renderer that counts renders and gives each a nonce of its own. */
function harness() {
	let version = 1;
	let renders = 0;
	let nonces = 0;
	const handle = createPageCacheHandle({
		routes: [ROUTE],
		version: () => version,
		nonce: () => `ZnJlc2g${++nonces}`
	});
	const resolve = async (event: RequestEvent) => {
		renders++;
		const n = `cmVuZGVy${renders}`;
		const who = event.locals.user ? `<a class="review-link">${event.locals.user.email}</a>` : '';
		return new Response(
			`<p>${event.url.search} v${version}</p>${who}<script nonce="${n}"></script>`,
			{
				headers: {
					'content-type': 'text/html',
					'content-security-policy': `script-src 'self' 'nonce-${n}'`,
					etag: `"${renders}"`
				}
			}
		);
	};
	return {
		get: async (r: FakeRequest = {}) => {
			const response = await handle({ event: fakeEvent(r), resolve });
			return { response, body: await response.text() };
		},
		renders: () => renders,
		publish: () => version++
	};
}

describe('createPageCacheHandle', () => {
	it('renders a page once and then answers from the cache with a fresh nonce each time', async () => {
		const h = harness();
		const first = await h.get();
		const second = await h.get();
		const third = await h.get();
		expect(h.renders()).toBe(1);
		expect(first.response.headers.get(CACHE_STATUS_HEADER)).toBe('miss');
		expect(second.response.headers.get(CACHE_STATUS_HEADER)).toBe('hit');
		expect(first.response.headers.get('etag')).toBeNull();
		expect(second.body).toContain('nonce="ZnJlc2g1"');
		expect(third.body).toContain('nonce="ZnJlc2g2"');
		expect(third.response.headers.get('content-security-policy')).toBe(
			"script-src 'self' 'nonce-ZnJlc2g2'"
		);
	});

	it('renders again once a change is published', async () => {
		const h = harness();
		await h.get();
		h.publish();
		const after = await h.get();
		expect(after.body).toContain('v2');
		expect(h.renders()).toBe(2);
	});

	it('keys on the query string (language, map state)', async () => {
		const h = harness();
		await h.get({ url: 'http://atlas.test/incidents/x?lang=vi' });
		const en = await h.get({ url: 'http://atlas.test/incidents/x?lang=en' });
		const vi = await h.get({ url: 'http://atlas.test/incidents/x?lang=vi' });
		expect(en.body).toContain('?lang=en');
		expect(vi.body).toContain('?lang=vi');
		expect(vi.response.headers.get(CACHE_STATUS_HEADER)).toBe('hit');
		expect(h.renders()).toBe(2);
	});

	it('never serves or keeps a page for the signed-in, a token, a session cookie or a data request', async () => {
		const h = harness();
		const reviewer = { email: 'rev@atlas.test', role: 'reviewer' };
		const signedIn = await h.get({ user: reviewer, cookie: 'atlas_session=s' });
		expect(signedIn.body).toContain('review-link');
		expect(signedIn.response.headers.get(CACHE_STATUS_HEADER)).toBeNull();
		const anonymous = await h.get();
		expect(anonymous.body).not.toContain('review-link');
		expect(anonymous.response.headers.get(CACHE_STATUS_HEADER)).toBe('miss');
		for (const r of [
			{ user: reviewer, cookie: 'atlas_session=s' },
			{ cookie: 'theme=dark; atlas_session=stale' },
			{ headers: { authorization: 'Bearer abc' } },
			{ isDataRequest: true },
			{ method: 'HEAD' },
			{ routeId: '/' }
		]) {
			const { response } = await h.get(r);
			expect(response.headers.get(CACHE_STATUS_HEADER), JSON.stringify(r)).toBeNull();
		}
		expect(h.renders()).toBe(8);
	});
});
