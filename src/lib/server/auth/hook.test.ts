import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { engines } from '../db/test_engines';
import { createSession, createToken, createUser, revokeToken } from './accounts';
import { createAuthHandle } from './hook';
import { SESSION_COOKIE } from './session_cookie';
import type { SessionUser } from './user';

const ORIGIN = 'http://atlas.test';

/** The cookie jar SvelteKit hands a hook, reduced to what the hook uses; deletions are recorded. */
function jar(values: Record<string, string>) {
	const deleted: string[] = [];
	const cookies = {
		get: (name: string) => values[name],
		delete: (name: string) => void deleted.push(name)
	} as unknown as Cookies;
	return { cookies, deleted };
}

interface Call {
	status: number;
	body: unknown;
	user: SessionUser | null | undefined;
	resolved: boolean;
	deleted: string[];
}

describe.each(engines())('the auth hook on $name', { timeout: 60_000 }, (engine) => {
	let db: Db;
	let drop: () => Promise<void>;
	let user: SessionUser;
	beforeAll(async () => {
		({ db, drop } = await engine.open());
	}, 120_000);
	afterAll(() => drop());
	beforeEach(async () => {
		await db.exec('truncate users cascade');
		user = await createUser(db, {
			email: 'lan@example.org',
			role: 'editor',
			password: 'a long enough passphrase'
		});
	});

	async function call(
		method: string,
		headers: Record<string, string>,
		cookieValues: Record<string, string> = {}
	): Promise<Call> {
		const handle = createAuthHandle(() => db);
		const { cookies, deleted } = jar(cookieValues);
		const event = {
			request: new Request(`${ORIGIN}/api/me`, { method, headers }),
			url: new URL(`${ORIGIN}/api/me`),
			cookies,
			locals: {}
		} as unknown as RequestEvent;
		let resolved = false;
		const response = await handle({
			event,
			resolve: async (e: RequestEvent) => {
				resolved = true;
				return new Response(JSON.stringify(e.locals.user), { status: 200 });
			}
		});
		return {
			status: response.status,
			body: await response.json(),
			user: event.locals.user,
			resolved,
			deleted
		};
	}

	it('no credentials: an anonymous reader', async () => {
		expect(await call('GET', {})).toMatchObject({ status: 200, user: null, resolved: true });
	});

	it('a session cookie: its account, on reads and on same-origin writes', async () => {
		const { token } = await createSession(db, user.id);
		expect(await call('GET', {}, { [SESSION_COOKIE]: token })).toMatchObject({ status: 200, user });
		expect(await call('POST', { origin: ORIGIN }, { [SESSION_COOKIE]: token })).toMatchObject({
			status: 200,
			user
		});
	});

	it('a stale session cookie is cleared and the request is anonymous', async () => {
		const result = await call('GET', {}, { [SESSION_COOKIE]: 'no-such-session' });
		expect(result).toMatchObject({ status: 200, user: null, deleted: [SESSION_COOKIE] });
	});

	it.each([
		['POST', { origin: 'https://evil.example' }],
		['POST', {}],
		['PUT', { origin: 'null' }],
		['DELETE', { origin: 'http://atlas.test:8080' }],
		['PATCH', { origin: 'https://atlas.test' }]
	])(
		'a cookie %s from origin %j is refused 403 JSON before anything runs',
		async (method, headers) => {
			const { token } = await createSession(db, user.id);
			const result = await call(method, headers, { [SESSION_COOKIE]: token });
			expect(result).toMatchObject({
				status: 403,
				body: { code: 'cross_site' },
				resolved: false
			});
		}
	);

	it('a cross-origin read with the cookie is served (reads change nothing)', async () => {
		const { token } = await createSession(db, user.id);
		const result = await call(
			'GET',
			{ origin: 'https://evil.example' },
			{ [SESSION_COOKIE]: token }
		);
		expect(result).toMatchObject({ status: 200, user });
	});

	it('a bearer token acts for its account, cross-origin writes included', async () => {
		const { token } = await createToken(db, user.email);
		expect(await call('GET', { authorization: `Bearer ${token}` })).toMatchObject({ user });
		expect(
			await call('POST', {
				authorization: `bearer  ${token} `,
				origin: 'https://elsewhere.example'
			})
		).toMatchObject({ status: 200, user, resolved: true });
	});

	it.each(['Bearer atlas_not-a-token', 'Bearer', 'Bearer a b'])(
		'%j is a 401 JSON, never an anonymous request',
		async (authorization) => {
			expect(await call('GET', { authorization })).toMatchObject({
				status: 401,
				body: { code: 'invalid_token' },
				resolved: false
			});
		}
	);

	it('a revoked token is a 401, even with a valid session cookie beside it', async () => {
		const { token } = await createToken(db, user.email);
		const session = await createSession(db, user.id);
		await revokeToken(db, token);
		const result = await call(
			'GET',
			{ authorization: `Bearer ${token}` },
			{ [SESSION_COOKIE]: session.token }
		);
		expect(result).toMatchObject({ status: 401, resolved: false });
	});

	it('another scheme (a proxy in front with Basic auth) is ignored', async () => {
		expect(await call('GET', { authorization: 'Basic dXNlcjpwYXNz' })).toMatchObject({
			status: 200,
			user: null
		});
	});
});
