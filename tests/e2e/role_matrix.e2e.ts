import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '$lib/server/auth/user';
import { COLLECTIONS, type Collection } from '$lib/editing/collections';
import {
	EDITORIAL_ROLES,
	PASSPHRASE,
	jsonHeaders,
	startStaffedServer,
	type StaffedServer
} from './accounts';
import {
	newIncident,
	newPlace,
	newSource,
	newStatement,
	publishedIncident
} from './editing_records';
import { listRoutes } from './routes';

/**
 * Every mutation of the app × every caller (anonymous, editor, reviewer, admin) → the status it
 * must get, over real HTTP; a refused call must change nothing. The mutations are read from
 * `src/routes` too, so a new one fails here until it is given its row.
 */
type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', ...EDITORIAL_ROLES];

type Mutation = 'create' | 'edit' | 'submit' | 'publish' | 'send back' | 'retract';

/** The routes and methods the mutations below go through. */
const MUTATION_ROUTES = [
	'POST /api/[collection=collection]',
	'PUT /api/[collection=collection]/[id]',
	'POST /api/[collection=collection]/[id]/status',
	'PUT /api/sources/[id]/snapshot',
	'POST /api/import',
	'ACTION default /signin',
	'POST /signout',
	'ACTION publish /review/[collection=collection]/[id]',
	'ACTION sendBack /review/[collection=collection]/[id]',
	'ACTION retract /review/[collection=collection]/[id]',
	'ACTION restore /incidents/[id]/history',
	'ACTION restore /history/[collection=collection]/[id]',
	'ACTION propose /edit/ingest',
	'ACTION accept /edit/ingest'
];

const EXPECTED: Record<Mutation, Record<Caller, number>> = {
	create: { anonymous: 401, editor: 201, reviewer: 201, admin: 201 },
	edit: { anonymous: 401, editor: 200, reviewer: 200, admin: 200 },
	submit: { anonymous: 401, editor: 200, reviewer: 200, admin: 200 },
	publish: { anonymous: 401, editor: 403, reviewer: 200, admin: 200 },
	'send back': { anonymous: 401, editor: 403, reviewer: 200, admin: 200 },
	retract: { anonymous: 401, editor: 403, reviewer: 200, admin: 200 }
};

/**
 * Where a collection differs: layers are not created through the API (a new one is a file in
 * geodata/layers/, loaded by db:import), and the published dataset needs each of them, so retracting one is refused (409) for those who may retract.
 */
const EXCEPTIONS: Partial<
	Record<Collection, Partial<Record<Mutation, Partial<Record<Caller, number>>>>>
> = {
	layers: {
		create: { editor: 400, reviewer: 400, admin: 400 },
		retract: { reviewer: 409, admin: 409 }
	}
};

const expected = (c: Collection, m: Mutation, caller: Caller) =>
	EXCEPTIONS[c]?.[m]?.[caller] ?? EXPECTED[m][caller];

let staff: StaffedServer;
beforeAll(async () => {
	staff = await startStaffedServer();
}, 300_000);
afterAll(async () => {
	await staff?.stop();
});

const tokenOf = (caller: Caller) => (caller === 'anonymous' ? undefined : staff.tokens[caller]);

async function request(method: string, path: string, caller: Caller, body: unknown, extra = {}) {
	const r = await fetch(staff.server.url + path, {
		method,
		headers: jsonHeaders(tokenOf(caller), extra),
		body: JSON.stringify(body)
	});
	return { status: r.status, json: await r.json(), etag: r.headers.get('etag') };
}

/** The newest version of a record as the admin sees it: body, ETag and status. */
async function latest(c: Collection, id: string) {
	const r = await fetch(`${staff.server.url}/api/${c}/${encodeURIComponent(id)}`, {
		headers: { authorization: `Bearer ${staff.tokens.admin}` }
	});
	expect(r.status).toBe(200);
	return {
		body: await r.json(),
		etag: r.headers.get('etag')!,
		status: r.headers.get('x-record-status')
	};
}

const published = { source: 'thoidai-2020-11-24', incident: publishedIncident().id };

/** A valid new record of each collection (layers: none, a new layer is a file). */
function fresh(c: Collection, tag: string): unknown {
	switch (c) {
		case 'incidents':
			return newIncident(tag, { sources: [published.source] });
		case 'sources':
			return newSource(tag);
		case 'statements':
			return newStatement(tag, published.source, [published.incident]);
		case 'places':
			return newPlace(tag);
		case 'layers':
			return { type: 'FeatureCollection', features: [] };
	}
}

/** One record per collection for the status cells; the admin brings it to each starting state. */
const subject: Partial<Record<Collection, string>> = {};
async function subjectOf(c: Collection): Promise<string> {
	if (c === 'layers') return 'nkao-1923-1991';
	if (!subject[c]) {
		const r = await request('POST', `/api/${c}`, 'admin', fresh(c, 'matrix subject'));
		expect(r.status).toBe(201);
		subject[c] = r.json.id;
	}
	return subject[c]!;
}

async function admin(c: Collection, id: string, status: string, reason = 'matrix setup') {
	const r = await request('POST', `/api/${c}/${id}/status`, 'admin', { status, reason });
	expect(r.status, JSON.stringify(r.json)).toBe(200);
}

/** Brings record `id` to `state` as the admin: a draft (a new version), in review, or published. */
async function bringTo(c: Collection, id: string, state: 'draft' | 'in_review' | 'published') {
	const now = await latest(c, id);
	const put = await request('PUT', `/api/${c}/${id}`, 'admin', now.body, { 'if-match': now.etag });
	expect(put.status, JSON.stringify(put.json)).toBe(200);
	if (state === 'draft') return;
	await admin(c, id, 'in_review');
	if (state === 'published') await admin(c, id, 'published');
}

const STARTS: Record<
	Exclude<Mutation, 'create' | 'edit'>,
	['draft' | 'in_review' | 'published', string]
> = {
	submit: ['draft', 'in_review'],
	publish: ['in_review', 'published'],
	'send back': ['in_review', 'draft'],
	retract: ['published', 'retracted']
};

describe('the role matrix', () => {
	it('covers every mutation route of src/routes', () => {
		const found = listRoutes().flatMap((r) => [
			...r.methods.filter((m) => m !== 'GET' && m !== 'HEAD').map((m) => `${m} ${r.pattern}`),
			...r.actions.map((a) => `ACTION ${a} ${r.pattern}`)
		]);
		expect(found.sort()).toEqual([...MUTATION_ROUTES].sort());
	});

	for (const c of Object.keys(COLLECTIONS) as Collection[]) {
		describe(`/api/${c}`, () => {
			it.each(CALLERS)('create as %s', async (caller) => {
				const r = await request('POST', `/api/${c}`, caller, fresh(c, `create by ${caller}`));
				expect(r.status, JSON.stringify(r.json)).toBe(expected(c, 'create', caller));
				if (r.status === 201) expect((await latest(c, r.json.id)).status).toBe('draft');
			});

			it.each(CALLERS)('edit as %s', async (caller) => {
				const id = await subjectOf(c);
				const before = await latest(c, id);
				const r = await request('PUT', `/api/${c}/${id}`, caller, before.body, {
					'if-match': before.etag
				});
				expect(r.status, JSON.stringify(r.json)).toBe(expected(c, 'edit', caller));
				const after = await latest(c, id);
				if (r.status === 200) expect(after.etag).toBe(`"${Number(JSON.parse(before.etag)) + 1}"`);
				else expect(after).toEqual(before);
			});

			for (const [m, [from, to]] of Object.entries(STARTS)) {
				it.each(CALLERS)(`${m} as %s`, async (caller) => {
					const id = await subjectOf(c);
					await bringTo(c, id, from);
					const before = await latest(c, id);
					const r = await request('POST', `/api/${c}/${id}/status`, caller, {
						status: to,
						reason: `${m} by ${caller}`
					});
					const want = expected(c, m as Mutation, caller);
					expect(r.status, JSON.stringify(r.json)).toBe(want);
					const after = await latest(c, id);
					if (want === 200) expect(after.status).toBe(to);
					else expect(after).toEqual(before);
				});
			}
		});
	}

	/**
	 * A form action as `use:enhance` posts it (JSON answer): the status the action decided is in
	 * the answer's `status` (a failure) or is 200 (a success); the HTTP status itself is 200.
	 */
	async function action(path: string, caller: Caller, fields: Record<string, string>) {
		const r = await fetch(staff.server.url + path, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				origin: staff.server.url,
				...(caller === 'anonymous' ? {} : { authorization: `Bearer ${staff.tokens[caller]}` })
			},
			body: new URLSearchParams(fields).toString()
		});
		const json = (await r.json()) as { type: string; status?: number; data?: string };
		return { http: r.status, status: json.type === 'success' ? 200 : (json.status ?? 0), json };
	}

	for (const c of Object.keys(COLLECTIONS) as Collection[]) {
		describe(`review actions on /review/${c}/<id>`, () => {
			const ACTIONS: [string, Mutation, 'in_review' | 'published', string][] = [
				['publish', 'publish', 'in_review', 'published'],
				['sendBack', 'send back', 'in_review', 'draft'],
				['retract', 'retract', 'published', 'retracted']
			];
			for (const [name, m, from, to] of ACTIONS) {
				it.each(CALLERS)(`${name} as %s`, async (caller) => {
					const id = await subjectOf(c);
					await bringTo(c, id, from);
					const before = await latest(c, id);
					const r = await action(`/review/${c}/${encodeURIComponent(id)}?/${name}`, caller, {
						reason: `${name} by ${caller} in the browser`,
						version: JSON.parse(before.etag)
					});
					expect(r.http).toBe(200);
					const want = expected(c, m, caller);
					expect(r.status, JSON.stringify(r.json)).toBe(want);
					const after = await latest(c, id);
					if (want === 200) expect(after.status).toBe(to);
					else expect(after).toEqual(before);
				});
			}

			it('retract without a reason (400) or of a version not read (409 stale) changes nothing', async () => {
				const id = await subjectOf(c);
				await bringTo(c, id, 'published');
				const before = await latest(c, id);
				const version = JSON.parse(before.etag);
				const path = `/review/${c}/${encodeURIComponent(id)}?/retract`;
				expect((await action(path, 'reviewer', { reason: ' ', version })).status).toBe(400);
				const stale = await action(path, 'admin', {
					reason: 'stale',
					version: String(Number(version) - 1)
				});
				expect(stale.status).toBe(409);
				expect(await latest(c, id)).toEqual(before);
			});

			it('sendBack without a comment (400), publish of a version not read (409 stale) or none named (400) change nothing', async () => {
				const id = await subjectOf(c);
				await bringTo(c, id, 'in_review');
				const before = await latest(c, id);
				const r = await action(`/review/${c}/${encodeURIComponent(id)}?/sendBack`, 'reviewer', {
					reason: '  ',
					version: JSON.parse(before.etag)
				});
				expect(r.status).toBe(400);
				const stale = await action(`/review/${c}/${encodeURIComponent(id)}?/publish`, 'reviewer', {
					version: String(Number(JSON.parse(before.etag)) - 1)
				});
				expect(stale.status).toBe(409);
				const missing = await action(
					`/review/${c}/${encodeURIComponent(id)}?/publish`,
					'reviewer',
					{}
				);
				expect(missing.status).toBe(400);
				expect(await latest(c, id)).toEqual(before);
			});
		});
	}

	describe('restore on /incidents/<id>/history', () => {
		const RESTORE: Record<Caller, number> = {
			anonymous: 401,
			editor: 200,
			reviewer: 200,
			admin: 200
		};
		it.each(CALLERS)('restore as %s', async (caller) => {
			const id = await subjectOf('incidents');
			await bringTo('incidents', id, 'draft');
			const before = await latest('incidents', id);
			const r = await action(`/incidents/${encodeURIComponent(id)}/history?/restore`, caller, {
				version: '1',
				expected: JSON.parse(before.etag)
			});
			expect(r.status, JSON.stringify(r.json)).toBe(RESTORE[caller]);
			const after = await latest('incidents', id);
			if (r.status === 200) {
				expect(after.etag).toBe(`"${Number(JSON.parse(before.etag)) + 1}"`);
				expect(after.status).toBe('draft');
			} else expect(after).toEqual(before);
		});

		it('a stale or unknown version is refused and changes nothing', async () => {
			const id = await subjectOf('incidents');
			const before = await latest('incidents', id);
			const stale = await action(
				`/incidents/${encodeURIComponent(id)}/history?/restore`,
				'editor',
				{
					version: '1',
					expected: String(Number(JSON.parse(before.etag)) - 1)
				}
			);
			expect(stale.status).toBe(409);
			const bad = await action(`/incidents/${encodeURIComponent(id)}/history?/restore`, 'editor', {
				version: 'one',
				expected: JSON.parse(before.etag)
			});
			expect(bad.status).toBe(400);
			expect(await latest('incidents', id)).toEqual(before);
		});
	});

	describe('the article page /edit/ingest', () => {
		/** Reading an article and saving its drafts: every account that may edit; a reader is refused. */
		const INGEST: Record<Caller, number> = {
			anonymous: 401,
			editor: 200,
			reviewer: 200,
			admin: 200
		};
		const text = 'Ngày 23/11, Bộ Quốc phòng Nga cho biết một vụ nổ mìn gần Madagiz.';
		const article = {
			url: 'https://example.org/matrix-article',
			publisher: 'Matrix',
			title: 'Matrix article',
			published: '2020-11-24',
			lang: 'vi'
		};

		it.each(CALLERS)('propose as %s', async (caller) => {
			const r = await action('/edit/ingest?/propose', caller, { ...article, text });
			expect(r.status, JSON.stringify(r.json)).toBe(INGEST[caller]);
			if (r.status === 200) expect(r.json.data).toContain('Madagiz');
		});

		it.each(CALLERS)('accept as %s', async (caller) => {
			const decision = {
				article,
				statements: [
					{
						start: 0,
						end: text.length,
						speaker: 'Ministry of Defence of Russia',
						role: 'ministry press service',
						organization_id: 'ru-ministry-of-defence',
						form: 'reported',
						via: `matrix ${caller}`,
						translation: 'On 23 November the Russian Ministry of Defence reported a mine blast.'
					}
				],
				claims: [],
				incident: null
			};
			const r = await action('/edit/ingest?/accept', caller, {
				text,
				decision: JSON.stringify(decision)
			});
			expect(r.status, JSON.stringify(r.json)).toBe(INGEST[caller]);
			const ids = [...String(r.json.data ?? '').matchAll(/"(statement-[0-9a-f]+)"/g)].map(
				(m) => m[1]
			);
			if (r.status === 200) {
				expect(ids).toHaveLength(1);
				expect((await latest('statements', ids[0])).status).toBe('draft');
			} else expect(ids).toEqual([]);
		});
	});

	for (const c of (Object.keys(COLLECTIONS) as Collection[]).filter((c) => c !== 'incidents')) {
		describe(`restore on /history/${c}/<id>`, () => {
			const RESTORE: Record<Caller, number> = {
				anonymous: 401,
				editor: 200,
				reviewer: 200,
				admin: 200
			};
			it.each(CALLERS)('restore as %s', async (caller) => {
				const id = await subjectOf(c);
				await bringTo(c, id, 'draft');
				const before = await latest(c, id);
				const r = await action(`/history/${c}/${encodeURIComponent(id)}?/restore`, caller, {
					version: '1',
					expected: JSON.parse(before.etag)
				});
				expect(r.status, JSON.stringify(r.json)).toBe(RESTORE[caller]);
				const after = await latest(c, id);
				if (r.status === 200) {
					expect(after.etag).toBe(`"${Number(JSON.parse(before.etag)) + 1}"`);
					expect(after.status).toBe('draft');
				} else expect(after).toEqual(before);
			});

			it('a stale, unknown or malformed version is refused and changes nothing', async () => {
				const id = await subjectOf(c);
				const before = await latest(c, id);
				const path = `/history/${c}/${encodeURIComponent(id)}?/restore`;
				const version = Number(JSON.parse(before.etag));
				const stale = await action(path, 'editor', {
					version: '1',
					expected: String(version - 1)
				});
				expect(stale.status).toBe(409);
				const unknown = await action(path, 'editor', {
					version: String(version + 50),
					expected: String(version)
				});
				expect(unknown.status).toBe(404);
				const bad = await action(path, 'editor', { version: 'one', expected: String(version) });
				expect(bad.status).toBe(400);
				expect(await latest(c, id)).toEqual(before);
			});
		});
	}

	describe('/api/sources/<id>/snapshot', () => {
		/** Putting a snapshot: every account that may edit; a reader is refused. */
		const SNAPSHOT: Record<Caller, number> = {
			anonymous: 401,
			editor: 201,
			reviewer: 201,
			admin: 201
		};
		const current = async () =>
			(
				await fetch(`${staff.server.url}/api/sources/${published.source}/snapshot`, {
					headers: { authorization: `Bearer ${staff.tokens.admin}` }
				})
			).text();

		it.each(CALLERS)('put a snapshot as %s', async (caller) => {
			const before = await current();
			const text = `Snapshot by ${caller}`;
			const r = await request('PUT', `/api/sources/${published.source}/snapshot`, caller, { text });
			expect(r.status, JSON.stringify(r.json)).toBe(SNAPSHOT[caller]);
			const after = await current();
			if (r.status === 201) expect(JSON.parse(after).text).toBe(text);
			else expect(after).toBe(before);
		});
	});

	describe('/api/import', () => {
		/** Importing a file as drafts: every account that may edit; a reader is refused. */
		const IMPORT: Record<Caller, number> = {
			anonymous: 401,
			editor: 200,
			reviewer: 200,
			admin: 200
		};
		/** A one-row spreadsheet whose incident id says who imported it. */
		const sheet = (caller: Caller) =>
			'ID,Title,Date,Lat,Lon,Event type,Sub event type,Source\n' +
			`matrix-import-${caller},Imported by ${caller} (test),2020-10-10,39.7583,46.7489,Battles,Armed clash,Test Fixture Gazette\n`;

		it.each(CALLERS)('import a file as %s', async (caller) => {
			const id = `matrix-import-${caller}`;
			const status = async () =>
				(
					await fetch(`${staff.server.url}/api/incidents/${id}`, {
						headers: { authorization: `Bearer ${staff.tokens.admin}` }
					})
				).status;
			expect(await status()).toBe(404);
			const r = await fetch(`${staff.server.url}/api/import?format=csv&name=m.csv`, {
				method: 'POST',
				headers: {
					'content-type': 'text/csv',
					...(caller === 'anonymous' ? {} : { authorization: `Bearer ${staff.tokens[caller]}` })
				},
				body: sheet(caller)
			});
			const json = await r.json();
			expect(r.status, JSON.stringify(json)).toBe(IMPORT[caller]);
			if (r.status === 200) expect(json.report).toMatchObject({ new: 1, written: true });
			expect(await status()).toBe(r.status === 200 ? 200 : 404);
		});
	});

	describe('account routes (anyone may try them)', () => {
		const form = (caller: Caller, fields: Record<string, string>) => ({
			method: 'POST',
			redirect: 'manual' as const,
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				origin: staff.server.url,
				...(caller === 'anonymous' ? {} : { authorization: `Bearer ${staff.tokens[caller]}` })
			},
			body: new URLSearchParams(fields).toString()
		});

		/** A reader is told the password is wrong; a signed-in caller is sent on, as already in. */
		const SIGN_IN: Record<Caller, number> = {
			anonymous: 400,
			editor: 303,
			reviewer: 303,
			admin: 303
		};

		it.each(CALLERS)('sign in with a wrong password as %s', async (caller) => {
			const r = await fetch(
				`${staff.server.url}/signin`,
				form(caller, { email: 'nobody@example.org', password: 'not the password' })
			);
			expect(r.status).toBe(SIGN_IN[caller]);
			expect(r.headers.get('set-cookie')).toBeNull();
		});

		it.each(CALLERS)('sign out as %s → 303 to the dashboard', async (caller) => {
			const r = await fetch(`${staff.server.url}/signout`, form(caller, {}));
			expect(r.status).toBe(303);
			expect(r.headers.get('location')).toBe('/');
		});
	});

	describe('a browser session', () => {
		let cookie = '';
		beforeAll(async () => {
			const r = await fetch(`${staff.server.url}/signin`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					origin: staff.server.url
				},
				body: new URLSearchParams({ email: 'editor@example.org', password: PASSPHRASE }).toString()
			});
			expect(r.status).toBe(303);
			cookie = /atlas_session=[^;]+/.exec(r.headers.get('set-cookie') ?? '')![0];
		});
		const post = (origin: string | null, id: string) =>
			fetch(`${staff.server.url}/api/sources`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					cookie,
					...(origin ? { origin } : {})
				},
				body: JSON.stringify({ ...newSource('session'), id })
			});
		const exists = async (id: string) =>
			(
				await fetch(`${staff.server.url}/api/sources/${id}`, {
					headers: { authorization: `Bearer ${staff.tokens.admin}` }
				})
			).status === 200;

		it('creates from a page of this site', async () => {
			expect((await post(staff.server.url, 'session-same-site')).status).toBe(201);
			expect(await exists('session-same-site')).toBe(true);
		});

		it('puts a snapshot from a page of this site, and is refused from another site', async () => {
			const put = (origin: string) =>
				fetch(`${staff.server.url}/api/sources/session-same-site/snapshot`, {
					method: 'PUT',
					headers: { 'content-type': 'application/json', cookie, origin },
					body: JSON.stringify({ text: `From ${origin}` })
				});
			expect((await put(staff.server.url)).status).toBe(201);
			const foreign = await put('https://evil.example');
			expect(foreign.status).toBe(403);
			const r = await fetch(`${staff.server.url}/api/sources/session-same-site/snapshot`, {
				headers: { authorization: `Bearer ${staff.tokens.admin}` }
			});
			expect((await r.json()).text).toBe(`From ${staff.server.url}`);
		});

		it('is refused from another site or without an Origin, and nothing is created', async () => {
			const foreign = await post('https://evil.example', 'session-foreign');
			expect(foreign.status).toBe(403);
			expect((await foreign.json()).code).toBe('cross_site');
			expect((await post(null, 'session-no-origin')).status).toBe(403);
			expect(await exists('session-foreign')).toBe(false);
			expect(await exists('session-no-origin')).toBe(false);
		});
	});
});
