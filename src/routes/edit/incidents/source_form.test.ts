import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { source as sourceSchema } from '$lib/data/schema';
import { problemsByName } from './field_problems';
import {
	SOURCE_FIELDS,
	emptySource,
	putSnapshot,
	snapshotRequest,
	sourceOfForm,
	snapshotOf
} from './source_form';

const FILLED = {
	...emptySource(),
	publisher: 'Thời Đại (thoidai.com.vn)',
	title: 'Binh sĩ gìn giữ hòa bình của Nga bị thương do nổ mìn',
	url: ' https://thoidai.com.vn/binh-si-gin-giu-hoa-binh-124074.html ',
	published: '2020-11-24',
	language: 'vi'
};

describe('sourceOfForm', () => {
	it('makes a source in the dataset format', () => {
		const body = sourceOfForm(FILLED);
		expect(body).toEqual({
			publisher: 'Thời Đại (thoidai.com.vn)',
			title: 'Binh sĩ gìn giữ hòa bình của Nga bị thương do nổ mìn',
			url: 'https://thoidai.com.vn/binh-si-gin-giu-hoa-binh-124074.html',
			published: '2020-11-24',
			published_precision: 'day',
			language: 'vi',
			kind: 'news article'
		});
		expect(sourceSchema.safeParse({ ...body, id: 'source-x' }).success).toBe(true);
	});

	it('leaves out an empty URL, so the schema names it as missing', () => {
		const body = sourceOfForm({ ...FILLED, url: '  ' });
		expect('url' in body).toBe(false);
		const result = sourceSchema.safeParse({ ...body, id: 'source-x' });
		expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['url', 'is missing: only a source of kind "dataset citation" may have no URL']
		]);
	});
});

describe('snapshotRequest', () => {
	it('sends pasted text as JSON, and a saved page as HTML', () => {
		expect(snapshotRequest({ kind: 'text', text: 'a "b"\nc' })).toEqual({
			contentType: 'application/json',
			body: '{"text":"a \\"b\\"\\nc"}'
		});
		expect(snapshotRequest({ kind: 'html', html: '<p>x</p>' })).toEqual({
			contentType: 'text/html; charset=utf-8',
			body: '<p>x</p>'
		});
	});
});

describe('problemsByName', () => {
	it('places problems at the inputs named like the API fields, the rest under form', () => {
		expect(
			problemsByName(
				[
					{ field: 'url', message: 'must be an http(s) URL' },
					{ field: 'url', message: 'is on a blocked host' },
					{ field: 'credits', message: 'is too long' },
					{ field: '', message: 'the body must be a JSON object' }
				],
				SOURCE_FIELDS
			)
		).toEqual({
			url: ['must be an http(s) URL', 'is on a blocked host'],
			form: ['credits: is too long', 'the body must be a JSON object']
		});
		expect(
			problemsByName([{ field: 'topics[1]', message: 'must not be empty' }], ['topics'])
		).toEqual({ topics: ['topics[1]: must not be empty'] });
	});
});

describe('snapshotOf', () => {
	it('takes the saved page over pasted text, the text when no page is chosen, and nothing from blanks', async () => {
		const page = { text: async () => '<html><p>Saved page</p></html>' };
		expect(await snapshotOf(page, 'pasted')).toEqual({
			kind: 'html',
			html: '<html><p>Saved page</p></html>'
		});
		expect(await snapshotOf(undefined, ' Pasted words ')).toEqual({
			kind: 'text',
			text: ' Pasted words '
		});
		expect(await snapshotOf(undefined, ' \n\t ')).toBeNull();
	});
});

describe('putSnapshot', () => {
	/** What the server received, and what it answers next. */
	const seen: { method?: string; url?: string; type?: string; body: string }[] = [];
	let reply: { status: number; body?: string; type?: string } = { status: 204 };
	const server = createServer((req: IncomingMessage, res) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => (body += chunk));
		req.on('end', () => {
			seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body });
			res.statusCode = reply.status;
			if (reply.type) res.setHeader('content-type', reply.type);
			res.end(reply.body ?? '');
		});
	});
	let base = '';
	const viaServer: typeof fetch = (url, init) => fetch(`${base}${String(url)}`, init);

	beforeAll(async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('puts pasted text as JSON to the source named, escaping its id', async () => {
		seen.length = 0;
		reply = { status: 204 };
		const outcome = await putSnapshot('src/1 ü', { kind: 'text', text: 'Lời trích' }, viaServer);
		expect(outcome).toEqual({ ok: true });
		expect(seen).toEqual([
			{
				method: 'PUT',
				url: '/api/sources/src%2F1%20%C3%BC/snapshot',
				type: 'application/json',
				body: JSON.stringify({ text: 'Lời trích' })
			}
		]);
	});

	it("returns the server's description of a refusal", async () => {
		reply = {
			status: 400,
			type: 'application/json',
			body: JSON.stringify({ description: 'snapshot: the page has no readable text' })
		};
		const outcome = await putSnapshot('s1', { kind: 'html', html: '<p></p>' }, viaServer);
		expect(outcome).toEqual({
			ok: false,
			status: 400,
			why: 'snapshot: the page has no readable text'
		});
		expect(seen.at(-1)?.type).toBe('text/html; charset=utf-8');
	});

	it('falls back to the status text when the answer is not JSON (a proxy page)', async () => {
		reply = { status: 502, type: 'text/html', body: '<h1>Bad gateway</h1>' };
		const outcome = await putSnapshot('s1', { kind: 'text', text: 'x' }, viaServer);
		expect(outcome).toEqual({ ok: false, status: 502, why: 'Bad Gateway' });
	});
});
