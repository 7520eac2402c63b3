import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/server/auth/user';
import { freshDatabase } from '../../src/lib/server/db/test_engines';
import {
	PASSPHRASE,
	addAccounts,
	jsonHeaders,
	startStaffedServer,
	type StaffedServer
} from './accounts';
import { guardedPage, launchBrowser } from './browser';
import { newIncident } from './editing_records';
import { startServer, type RunningServer } from './server';

/**
 * The page cache of the shared incident page (`/incidents/<id>`), over real HTTP against the
 * built server: fresh nonces, what invalidates it (publication and retraction, this server's or
 * another's on the same PostgreSQL), and who never gets a shared page.
 */
const MINE = '2020-11-23-madagiz-mine';
const CACHE = 'x-page-cache';

interface Page {
	status: number;
	headers: Headers;
	html: string;
}

async function get(origin: string, path: string, headers: Record<string, string> = {}) {
	const r = await fetch(origin + path, { headers, redirect: 'manual' });
	return { status: r.status, headers: r.headers, html: await r.text() } satisfies Page;
}

const headerNonce = (page: Page) =>
	/'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
const bodyNonces = (page: Page) => [...page.html.matchAll(/\snonce="([^"]*)"/g)].map((m) => m[1]);
const title = (page: Page) => /<h1[^>]*>([^<]*)<\/h1>/.exec(page.html)?.[1];

/** The session cookie of a browser sign-in as `email` (the real form, over HTTP). */
async function signIn(origin: string, email: string): Promise<string> {
	const r = await fetch(`${origin}/signin`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password: PASSPHRASE })
	});
	const session = /atlas_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
	if (r.status !== 303 || !session) throw new Error(`sign-in as ${email}: HTTP ${r.status}`);
	return `atlas_session=${session}`;
}

/** The editorial API as `role`; fails the test on any answer but 2xx. */
function editorial(tokens: Record<Role, string>) {
	const call = async (
		origin: string,
		method: string,
		path: string,
		role: Role,
		body?: unknown,
		extra: Record<string, string> = {}
	) => {
		const r = await fetch(origin + path, {
			method,
			headers: jsonHeaders(tokens[role], extra),
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const text = await r.text();
		expect(r.status, `${method} ${path}: ${text}`).toBeLessThan(300);
		return { headers: r.headers, json: JSON.parse(text) };
	};
	const publish = async (origin: string, id: string) => {
		await call(origin, 'POST', `/api/incidents/${id}/status`, 'editor', { status: 'in_review' });
		await call(origin, 'POST', `/api/incidents/${id}/status`, 'reviewer', { status: 'published' });
	};
	return {
		/** A new incident, published; its id. */
		async create(origin: string, marker: string): Promise<string> {
			const { json } = await call(
				origin,
				'POST',
				'/api/incidents',
				'editor',
				newIncident(marker, { sources: ['thoidai-2020-11-24'] })
			);
			await publish(origin, json.id);
			return json.id;
		},
		/** Publishes a new English title for incident `id`. */
		async retitle(origin: string, id: string, text: string): Promise<void> {
			const current = await call(origin, 'GET', `/api/incidents/${id}`, 'editor');
			current.json.properties.title.en = text;
			await call(origin, 'PUT', `/api/incidents/${id}`, 'editor', current.json, {
				'if-match': current.headers.get('etag')!
			});
			await publish(origin, id);
		},
		async retract(origin: string, id: string, reason: string): Promise<void> {
			await call(origin, 'POST', `/api/incidents/${id}/status`, 'reviewer', {
				status: 'retracted',
				reason
			});
		}
	};
}

/** Asks for `path` until `done` holds, for at most `ms`; the last answer and when it came. */
async function within(ms: number, origin: string, path: string, done: (page: Page) => boolean) {
	const start = Date.now();
	for (;;) {
		const page = await get(origin, path);
		const elapsed = Date.now() - start;
		if (done(page) || elapsed > ms) return { page, elapsed };
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** Asks for `path` until it is answered from the cache (at most five times). */
async function cached(origin: string, path: string, headers: Record<string, string> = {}) {
	for (let i = 0; i < 5; i++) {
		const page = await get(origin, path, headers);
		if (page.headers.get(CACHE) === 'hit') return page;
	}
	throw new Error(`${path} was never answered from the page cache`);
}

describe('the incident page cache on one server', () => {
	let staff: StaffedServer;
	let browser: Browser;
	let api: ReturnType<typeof editorial>;
	const origin = () => staff.server.url;
	beforeAll(async () => {
		staff = await startStaffedServer();
		api = editorial(staff.tokens);
		browser = await launchBrowser();
	}, 480_000);
	afterAll(async () => {
		await browser?.close();
		await staff?.stop();
	});

	it('gives every answer a fresh nonce, the same in its header and on its scripts and styles', async () => {
		const first = await get(origin(), `/incidents/${MINE}`);
		const second = await cached(origin(), `/incidents/${MINE}`);
		const third = await cached(origin(), `/incidents/${MINE}`);
		const nonces = [first, second, third].map(headerNonce);
		expect(new Set(nonces).size).toBe(3);
		for (const [i, page] of [first, second, third].entries()) {
			expect(page.status).toBe(200);
			expect(nonces[i]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
			expect(bodyNonces(page).length).toBeGreaterThan(0);
			expect(new Set(bodyNonces(page))).toEqual(new Set([nonces[i]]));
			expect(page.headers.get('etag')).toBeNull();
		}
		// Apart from the nonce, the cached answer is the page as rendered.
		expect(third.html.replaceAll(nonces[2]!, 'N')).toBe(first.html.replaceAll(nonces[0]!, 'N'));
		expect(Number(third.headers.get('content-length'))).toBe(
			new TextEncoder().encode(third.html).byteLength
		);
		expect(third.headers.get('x-frame-options')).toBe('DENY');
	});

	it('a cached page runs its scripts in Chromium under its CSP (no violation, no error)', async () => {
		await cached(origin(), `/incidents/${MINE}`);
		const g = await guardedPage(browser, origin(), {});
		try {
			const violations: string[] = [];
			await g.page.exposeFunction('__violation', (v: string) => violations.push(v));
			await g.page.addInitScript(() =>
				document.addEventListener('securitypolicyviolation', (e) =>
					(window as unknown as { __violation: (v: string) => void }).__violation(
						e.violatedDirective
					)
				)
			);
			const response = await g.page.goto(`${origin()}/incidents/${MINE}`);
			expect(response?.headers()[CACHE]).toBe('hit');
			// Once the page has hydrated (its nonce'd script ran), the language link is a client-side
			// navigation: the page's data comes as __data.json, not a new document.
			await g.page.waitForLoadState('networkidle');
			const documents: string[] = [];
			g.page.on('request', (r) => {
				if (r.resourceType() === 'document') documents.push(r.url());
			});
			await Promise.all([
				g.page.waitForRequest((r) => r.url().includes('/__data.json')),
				g.page.locator('nav a[hreflang="vi"]').click()
			]);
			await g.page.locator('.page[lang="vi"]').waitFor();
			expect(documents).toEqual([]);
			expect(violations).toEqual([]);
			expect(g.problems).toEqual([]);
		} finally {
			await g.close();
		}
	});

	it('keys on the language: vi and en pages never mix', async () => {
		const en = await cached(origin(), `/incidents/${MINE}?lang=en`);
		const vi = await cached(origin(), `/incidents/${MINE}?lang=vi`);
		const plain = await cached(origin(), `/incidents/${MINE}`);
		expect(vi.html).toContain('<html lang="vi">');
		expect(en.html).toContain('<html lang="en">');
		expect(plain.html).toContain('<html lang="en">');
		expect(title(vi)).not.toBe(title(en));
		expect(title(plain)).toBe(title(en));
		expect((await cached(origin(), `/incidents/${MINE}?lang=vi`)).html).toContain(
			'<html lang="vi">'
		);
	});

	it('never gives a signed-in reviewer or editor the shared page, nor anyone theirs', async () => {
		const path = `/incidents/${MINE}?lang=en&from=2020-01-01`;
		const reviewer = await signIn(origin(), 'reviewer@example.org');
		const editor = await signIn(origin(), 'editor@example.org');
		// Signed-in people first: what they see must not become the shared page.
		for (const cookie of [reviewer, editor]) {
			const page = await get(origin(), path, { cookie });
			expect(page.status).toBe(200);
			expect(page.headers.get(CACHE)).toBeNull();
			expect(page.html).toMatch(/(reviewer|editor)@example\.org/);
		}
		expect((await get(origin(), path, { cookie: reviewer })).html).toContain('class="review-link"');
		const anonymous = await cached(origin(), path);
		expect(anonymous.html).not.toContain('review-link');
		expect(anonymous.html).not.toContain('@example.org');
		// ...and with the shared page cached, the reviewer still gets their own.
		const again = await get(origin(), path, { cookie: reviewer });
		expect(again.headers.get(CACHE)).toBeNull();
		expect(again.html).toContain('class="review-link"');
		// An API token is someone too; a stale session cookie is answered (and cleared) uncached.
		const token = await get(origin(), path, { authorization: `Bearer ${staff.tokens.admin}` });
		expect(token.headers.get(CACHE)).toBeNull();
		expect(token.html).toContain('class="review-link"');
		const stale = await get(origin(), path, { cookie: 'atlas_session=stale' });
		expect(stale.headers.get(CACHE)).toBeNull();
		expect(stale.headers.get('set-cookie')).toMatch(/atlas_session=;/);
	});

	it("leaves the page's __data.json (client-side navigation) alone", async () => {
		await cached(origin(), `/incidents/${MINE}`);
		const r = await fetch(`${origin()}/incidents/${MINE}/__data.json`);
		expect(r.headers.get('content-type')).toMatch(/^application\/json/);
		expect(r.headers.get(CACHE)).toBeNull();
		expect((await r.json()).type).toBe('data');
	});

	it('a published edit shows on the cached page at once; so does a retraction (410)', async () => {
		const id = await api.create(origin(), 'page cache edit');
		const path = `/incidents/${id}`;
		expect(title(await cached(origin(), path))).toBe('Title page cache edit');

		await api.retitle(origin(), id, 'Corrected by the page cache e2e');
		const edited = await within(1000, origin(), path, (p) => title(p) !== 'Title page cache edit');
		expect(title(edited.page)).toBe('Corrected by the page cache e2e');
		expect(edited.page.html).toMatch(/class="updated[ "]/);
		expect(edited.elapsed).toBeLessThanOrEqual(1000);
		expect(title(await cached(origin(), path))).toBe('Corrected by the page cache e2e');

		await api.retract(origin(), id, 'Duplicate of another report');
		const retracted = await within(1000, origin(), path, (p) => p.status !== 200);
		expect(retracted.page.status).toBe(410);
		expect(retracted.page.html).toContain('Duplicate of another report');
		expect(retracted.elapsed).toBeLessThanOrEqual(1000);
	});
});

const baseUrl = process.env.TEST_DATABASE_URL;
if (!baseUrl) {
	if (process.env.CI === 'true') {
		throw new Error('CI=true but TEST_DATABASE_URL is not set: the two-instance test cannot run');
	}
	console.log('page_cache.e2e: TEST_DATABASE_URL not set, two-instance test skipped');
}

describe.runIf(baseUrl)('the incident page cache with two servers on one PostgreSQL', () => {
	let database: { url: string; drop: () => Promise<void> };
	let api: ReturnType<typeof editorial>;
	const servers: RunningServer[] = [];
	beforeAll(async () => {
		database = await freshDatabase(baseUrl!);
		api = editorial(addAccounts({ DATABASE_URL: database.url }));
		const env = { DATABASE_URL: database.url, BODY_SIZE_LIMIT: '1M' };
		servers.push(await startServer({ env }), await startServer({ env }));
	}, 300_000);
	afterAll(async () => {
		for (const server of servers) await server.stop();
		await database?.drop();
	});

	it("an edit and a retraction published through one server show on the other's cached page within 1 s", async () => {
		const [a, b] = servers;
		const id = await api.create(a.url, 'two caches');
		const path = `/incidents/${id}`;
		const first = await within(10_000, b.url, path, (p) => p.status === 200);
		expect(first.page.status).toBe(200);
		expect(title(await cached(b.url, path))).toBe('Title two caches');

		await api.retitle(a.url, id, 'Corrected through the other server');
		const edited = await within(1000, b.url, path, (p) => title(p) !== 'Title two caches');
		expect(title(edited.page)).toBe('Corrected through the other server');
		expect(edited.elapsed).toBeLessThanOrEqual(1000);
		expect(title(await cached(b.url, path))).toBe('Corrected through the other server');

		await api.retract(a.url, id, 'Withdrawn through the other server');
		const retracted = await within(1000, b.url, path, (p) => p.status !== 200);
		expect(retracted.page.status).toBe(410);
		expect(retracted.page.html).toContain('Withdrawn through the other server');
		expect(retracted.elapsed).toBeLessThanOrEqual(1000);
	});
});
