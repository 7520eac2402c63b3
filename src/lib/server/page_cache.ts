import { randomBytes } from 'node:crypto';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from './auth/session_cookie';

/**
 * A rendered page with its CSP nonce cut out: `body` and `csp` are the pieces between the
 * nonce's occurrences, so each answer can put a fresh nonce back in.
 */
export interface PageTemplate {
	status: number;
	/** The answer's headers but the nonce-bearing CSP and the per-body ones (length, etag, date). */
	headers: [string, string][];
	csp: string[];
	body: Uint8Array[];
	/** Bytes held, for the cache's size limit. */
	size: number;
}

/** Headers that belong to one body (SvelteKit's etag hashes the body, nonce included). */
const PER_BODY = new Set(['content-length', 'etag', 'date', 'content-security-policy']);
const NONCE = /'nonce-([A-Za-z0-9+/_-]+={0,2})'/g;

/**
 * The template for a rendered page answer, or `null` when it must not be reused: a status
 * other than 200, a Set-Cookie header, not HTML, or a CSP header naming other than one nonce.
 */
export function toTemplate(status: number, headers: Headers, html: string): PageTemplate | null {
	if (status !== 200 || headers.has('set-cookie')) return null;
	if (!headers.get('content-type')?.startsWith('text/html')) return null;
	const policy = headers.get('content-security-policy');
	if (!policy) return null;
	const nonces = new Set([...policy.matchAll(NONCE)].map((m) => m[1]));
	if (nonces.size !== 1) return null;
	const [nonce] = nonces;
	const encoder = new TextEncoder();
	const body = html.split(nonce).map((part) => encoder.encode(part));
	const kept = [...headers].filter(([name]) => !PER_BODY.has(name));
	const size = body.reduce((sum, part) => sum + part.byteLength, policy.length);
	return { status, headers: kept, csp: policy.split(nonce), body, size };
}

/** A fresh nonce as SvelteKit makes its own: 16 random bytes, base64. */
export function freshNonce(): string {
	return randomBytes(16).toString('base64');
}

/** The answer a template gives with `nonce` in every place the rendered page had its own. */
export function fromTemplate(template: PageTemplate, nonce: string): Response {
	const bytes = new TextEncoder().encode(nonce);
	const parts: Uint8Array[] = [];
	template.body.forEach((part, i) => {
		if (i > 0) parts.push(bytes);
		parts.push(part);
	});
	const body = Buffer.concat(parts);
	const headers = new Headers(template.headers);
	headers.set('content-security-policy', template.csp.join(nonce));
	headers.set('content-length', String(body.byteLength));
	return new Response(body, { status: template.status, headers });
}

/**
 * Rendered pages by URL, valid for one version of the published data: the first lookup after the
 * version moves on empties the cache. Least recently used entries go first once `maxBytes` is
 * held, so query strings nobody else asks for cannot grow it without bound.
 */
export class PageCache {
	#entries = new Map<string, PageTemplate>();
	#version: number | null = null;
	#bytes = 0;
	readonly maxBytes: number;

	constructor(maxBytes = 32 * 1024 * 1024) {
		this.maxBytes = maxBytes;
	}

	get size(): number {
		return this.#entries.size;
	}

	get bytes(): number {
		return this.#bytes;
	}

	#at(version: number): void {
		if (version === this.#version) return;
		this.#entries.clear();
		this.#bytes = 0;
		this.#version = version;
	}

	get(key: string, version: number): PageTemplate | undefined {
		this.#at(version);
		const entry = this.#entries.get(key);
		if (entry) {
			this.#entries.delete(key);
			this.#entries.set(key, entry);
		}
		return entry;
	}

	set(key: string, version: number, template: PageTemplate): void {
		this.#at(version);
		if (template.size > this.maxBytes) return;
		const old = this.#entries.get(key);
		if (old) {
			this.#entries.delete(key);
			this.#bytes -= old.size;
		}
		this.#entries.set(key, template);
		this.#bytes += template.size;
		for (const [oldest, entry] of this.#entries) {
			if (this.#bytes <= this.maxBytes) break;
			this.#entries.delete(oldest);
			this.#bytes -= entry.size;
		}
	}
}

/**
 * Whether an answer to `event` may come from (and go into) the cache: a plain GET of the page
 * itself (not its `__data.json`, not a sub-request) by nobody signed in. A request carrying a
 * session cookie or an Authorization header is never served a shared page, even when the session
 * turns out to be stale (the answer then clears the cookie).
 */
export function isShareable(event: RequestEvent, routes: ReadonlySet<string>): boolean {
	const { request } = event;
	return (
		request.method === 'GET' &&
		event.route.id !== null &&
		routes.has(event.route.id) &&
		!event.isDataRequest &&
		!event.isSubRequest &&
		event.locals.user === null &&
		!request.headers.has('authorization') &&
		!hasSessionCookie(request.headers.get('cookie'))
	);
}

const SESSION = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);

/**
 * Whether a Cookie header names a session, read from the request itself: once the auth hook has
 * cleared a stale session, `event.cookies` no longer shows it.
 */
export const hasSessionCookie = (header: string | null): boolean =>
	header !== null && SESSION.test(header);

/** The header that says whether a page came from the cache (`hit`) or was rendered (`miss`). */
export const CACHE_STATUS_HEADER = 'x-page-cache';

/**
 * Serves the anonymous answers of `routes` from a {@link PageCache} keyed on the whole URL (path
 * and query string: the language and the map state the page links back to) and the dataset
 * version the read model serves, each with a fresh CSP nonce. Runs after the auth hook, so
 * `locals.user` is known; everything the page shows comes from the read model (which moves to a
 * new version on every publication or retraction, this server's or another's) and the public
 * history (whose changes are those publications), so a new version is all that invalidates.
 */
export function createPageCacheHandle(options: {
	routes: readonly string[];
	version: () => number;
	cache?: PageCache;
	nonce?: () => string;
}): Handle {
	const routes = new Set(options.routes);
	const cache = options.cache ?? new PageCache();
	const nonce = options.nonce ?? freshNonce;
	return async ({ event, resolve }) => {
		if (!isShareable(event, routes)) return resolve(event);
		const key = event.url.pathname + event.url.search;
		const version = options.version();
		const cached = cache.get(key, version);
		if (cached) {
			const response = fromTemplate(cached, nonce());
			response.headers.set(CACHE_STATUS_HEADER, 'hit');
			return response;
		}
		const response = await resolve(event);
		if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) {
			return response;
		}
		const html = await response.text();
		const template = toTemplate(response.status, response.headers, html);
		// A page rendered while the version moved on may mix both; it is served but not kept.
		if (template && options.version() === version) cache.set(key, version, template);
		const headers = new Headers(response.headers);
		headers.delete('etag');
		if (template) headers.set(CACHE_STATUS_HEADER, 'miss');
		return new Response(html, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	};
}
