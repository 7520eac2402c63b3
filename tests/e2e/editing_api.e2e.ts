import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonHeaders, startStaffedServer, type StaffedServer } from './accounts';
import { newIncident, newSource } from './editing_records';

/** The editing API over real HTTP against the built server, with accounts made by the real CLIs. */
let staff: StaffedServer;
beforeAll(async () => {
	staff = await startStaffedServer();
});
afterAll(async () => {
	await staff?.stop();
});

const url = (path: string) => staff.server.url + path;

async function send(method: string, path: string, body: unknown, token?: string, extra = {}) {
	const r = await fetch(url(path), {
		method,
		headers: jsonHeaders(token, extra),
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
	return { status: r.status, headers: r.headers, json: await r.json() };
}

async function create(path: string, body: unknown, token: string): Promise<string> {
	const r = await send('POST', path, body, token);
	expect(r.status, JSON.stringify(r.json)).toBe(201);
	return r.json.id;
}

async function latest(path: string, token: string) {
	const r = await fetch(url(path), { headers: { authorization: `Bearer ${token}` } });
	return { status: r.status, etag: r.headers.get('etag'), body: await r.json() };
}

const exportedIds = async () =>
	((await (await fetch(url('/api/incidents.geojson'))).json()).features as { id: string }[]).map(
		(f) => f.id
	);
const mapIds = async () =>
	(
		(await (await fetch(url('/data/dataset.json'))).json()).incidents.features as { id: string }[]
	).map((f) => f.id);

describe('the editing API', () => {
	it('creates, reads with an ETag, refuses a stale write, publishes through review; readers then see it', async () => {
		const { editor, reviewer } = staff.tokens;
		const sourceId = await create('/api/sources', newSource('e2e source'), editor);
		const incident = newIncident('e2e incident', { sources: [sourceId] });
		const created = await send('POST', '/api/incidents', incident, editor);
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ version: 1, status: 'draft' });
		const id: string = created.json.id;
		expect(id).toMatch(new RegExp(`^${incident.properties.date}-[0-9a-f]{10}$`));

		expect((await fetch(url(`/api/incidents/${id}`))).status).toBe(404);
		const first = await latest(`/api/incidents/${id}`, editor);
		expect(first.status).toBe(200);
		expect(first.etag).toBe('"1"');
		expect(first.body).toEqual({ ...incident, id, properties: { ...incident.properties, id } });

		const edited = structuredClone(first.body);
		edited.properties.title.en = 'Title e2e incident, corrected';
		const put = await send('PUT', `/api/incidents/${id}`, edited, editor, { 'if-match': '"1"' });
		expect(put.status).toBe(200);
		expect(put.json).toEqual({ id, version: 2, status: 'draft' });
		expect(put.headers.get('etag')).toBe('"2"');

		const stale = await send('PUT', `/api/incidents/${id}`, first.body, editor, {
			'if-match': '1'
		});
		expect(stale.status).toBe(409);
		expect(stale.json).toMatchObject({ code: 'stale', current_version: 2 });
		const none = await send('PUT', `/api/incidents/${id}`, first.body, editor);
		expect(none.status).toBe(428);
		expect((await latest(`/api/incidents/${id}`, editor)).body.properties.title.en).toBe(
			'Title e2e incident, corrected'
		);

		const submit = await send(
			'POST',
			`/api/incidents/${id}/status`,
			{ status: 'in_review' },
			editor
		);
		expect(submit.status).toBe(200);
		const byEditor = await send(
			'POST',
			`/api/incidents/${id}/status`,
			{ status: 'published' },
			editor
		);
		expect(byEditor.status).toBe(403);
		expect(await exportedIds()).not.toContain(id);

		const staleReview = await send(
			'POST',
			`/api/incidents/${id}/status`,
			{ status: 'published' },
			reviewer,
			{ 'if-match': '"1"' }
		);
		expect(staleReview.status).toBe(409);
		expect(staleReview.json).toMatchObject({ code: 'stale', current_version: 2 });
		expect(await exportedIds()).not.toContain(id);
		const published = await send(
			'POST',
			`/api/incidents/${id}/status`,
			{ status: 'published', reason: 'checked against the source' },
			reviewer,
			{ 'if-match': '"2"' }
		);
		expect(published.status).toBe(200);
		expect(published.json).toMatchObject({
			id,
			version: 2,
			status: 'published',
			also_published: [`sources/${sourceId}`]
		});
		expect(await exportedIds()).toContain(id);
		expect(await mapIds()).toContain(id);
		const anonymous = await fetch(url(`/api/incidents/${id}`));
		expect(anonymous.status).toBe(200);
		expect(anonymous.headers.get('etag')).toBe('"2"');
		expect((await anonymous.json()).properties.title.en).toBe('Title e2e incident, corrected');
		expect((await fetch(url(`/api/sources/${sourceId}`))).status).toBe(200);

		const noReason = await send(
			'POST',
			`/api/incidents/${id}/status`,
			{ status: 'retracted' },
			reviewer
		);
		expect(noReason.status).toBe(400);
		const retracted = await send(
			'POST',
			`/api/incidents/${id}/status`,
			{ status: 'retracted', reason: 'Duplicate of another report' },
			reviewer
		);
		expect(retracted.status).toBe(200);
		expect(await exportedIds()).not.toContain(id);
		expect(await mapIds()).not.toContain(id);
		expect((await fetch(url(`/api/incidents/${id}`))).status).toBe(404);
	});

	it('editing a published incident keeps readers on the published version until it is published', async () => {
		const { editor } = staff.tokens;
		const id = '2020-11-23-madagiz-mine';
		const current = await latest(`/api/incidents/${id}`, editor);
		const edit = structuredClone(current.body);
		edit.properties.title.en = 'An unreviewed retitling';
		const put = await send('PUT', `/api/incidents/${id}`, edit, editor, {
			'if-match': current.etag!
		});
		expect(put.status).toBe(200);
		const anonymous = await (await fetch(url(`/api/incidents/${id}`))).json();
		expect(anonymous.properties.title.en).toBe(current.body.properties.title.en);
		const exported = await (await fetch(url('/api/incidents.geojson'))).text();
		expect(exported).not.toContain('An unreviewed retitling');
	});

	it('answers 401 to an anonymous write and 401 to a dead token, and creates nothing', async () => {
		const before = await exportedIds();
		const anonymous = await send(
			'POST',
			'/api/incidents',
			newIncident('anon', { sources: ['thoidai-2020-11-24'] })
		);
		expect(anonymous.status).toBe(401);
		expect(anonymous.json.code).toBe('unauthorized');
		const dead = await send('POST', '/api/sources', newSource('dead'), 'not-a-token');
		expect(dead.status).toBe(401);
		expect(await exportedIds()).toEqual(before);
	});

	it('refuses bodies over 1 MB with 413, declared or chunked, and reads one just under', async () => {
		const { editor } = staff.tokens;
		const big = JSON.stringify({ ...newSource('big'), note: 'x'.repeat(10 * 1024 * 1024) });
		const declared = await fetch(url('/api/sources'), {
			method: 'POST',
			headers: jsonHeaders(editor),
			body: big
		});
		expect(declared.status).toBe(413);
		expect((await declared.json()).code).toBe('PayloadTooLarge');

		const bytes = new TextEncoder().encode(big);
		let offset = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (offset >= bytes.length) return controller.close();
				controller.enqueue(bytes.slice(offset, (offset += 256 * 1024)));
			}
		});
		const chunked = await fetch(url('/api/sources'), {
			method: 'POST',
			headers: jsonHeaders(editor),
			body: stream,
			duplex: 'half'
		} as RequestInit);
		expect(chunked.status).toBe(413);

		const under = await send(
			'POST',
			'/api/sources',
			{ ...newSource('under'), note: 'y'.repeat(900 * 1024) },
			editor
		);
		expect(under.status).toBe(400);
		expect(under.json.field).toBe('note');
	});

	it('answers 415 to a body that is not JSON (a cross-site form cannot send JSON)', async () => {
		const post = (type: string, extra: Record<string, string> = {}) =>
			fetch(url('/api/sources'), {
				method: 'POST',
				headers: { authorization: `Bearer ${staff.tokens.editor}`, 'content-type': type, ...extra },
				body: JSON.stringify(newSource('plain'))
			});
		expect((await post('application/xml')).status).toBe(415);
		expect((await post('text/plain', { origin: staff.server.url })).status).toBe(415);
		// Without a same-site Origin, SvelteKit refuses a form-like content type before the route.
		expect((await post('text/plain')).status).toBe(403);
	});

	it('refuses hostile and mistyped fields with a 400 naming the field, and changes nothing', async () => {
		const { editor } = staff.tokens;
		const id = await create(
			'/api/incidents',
			newIncident('hostile base', { sources: ['thoidai-2020-11-24'] }),
			editor
		);
		const base = await latest(`/api/incidents/${id}`, editor);
		const cases: [string, (b: typeof base.body) => void, string][] = [
			[
				'a script tag as the date',
				(b) => (b.properties.date = '<script>alert(1)</script>'),
				'date'
			],
			[
				'a script tag as the type',
				(b) => (b.properties.type = '<script>alert(1)</script>'),
				'type'
			],
			['a bidi override in the title', (b) => (b.properties.title.en = 'abc\u202Edef'), 'title.en'],
			['an isolate in an actor', (b) => (b.properties.actors = ['\u2067x\u2069']), 'actors[0]'],
			['a string for a number', (b) => (b.properties.uncertainty_m = '3000'), 'uncertainty_m'],
			[
				'an object for the geometry',
				(b) => (b.geometry = { type: 'Point', coordinates: 'x' }),
				'geometry.coordinates'
			],
			[
				'a link to nothing',
				(b) => (b.properties.source_ids = ['javascript:alert(1)']),
				'source_ids[0]'
			]
		];
		for (const [name, spoil, field] of cases) {
			const body = structuredClone(base.body);
			spoil(body);
			const r = await send('PUT', `/api/incidents/${id}`, body, editor, { 'if-match': base.etag! });
			expect(r.status, name).toBe(400);
			expect(r.json.code, name).toBe('InvalidParameterValue');
			expect(r.json.field, name).toBe(field);
			expect(r.json.description, name).toContain(field);
		}
		const source = await send(
			'POST',
			'/api/sources',
			{ ...newSource('js'), url: 'javascript:alert(1)' },
			editor
		);
		expect(source.status).toBe(400);
		expect(source.json.field).toBe('url');
		const notJson = await send('POST', '/api/sources', '{"id": ', editor);
		expect(notJson.status).toBe(400);
		const after = await latest(`/api/incidents/${id}`, editor);
		expect(after.etag).toBe(base.etag);
		expect(after.body).toEqual(base.body);
	});
});
