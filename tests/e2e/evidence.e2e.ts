import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	articlesSuite,
	asNewsPage,
	capturedArticles,
	haveArticles,
	quotedStatements
} from '../fixtures/captured_articles';
import { jsonHeaders, startStaffedServer, type StaffedServer } from './accounts';
import { newSource, newStatement, publishedIncident } from './editing_records';

/**
 * Sources hold their evidence, over real HTTP against the built server with accounts made by the
 * real `user:add` and `token:add`: snapshots pasted or extracted from a page, their limits, who may
 * read them, and statements whose excerpt must be in the newest snapshot.
 */
let staff: StaffedServer;
beforeAll(async () => {
	staff = await startStaffedServer();
}, 300_000);
afterAll(async () => {
	await staff?.stop();
});

const url = (path: string) => staff.server.url + path;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const bearer = (token?: string): Record<string, string> =>
	token ? { authorization: `Bearer ${token}` } : {};

async function send(method: string, path: string, body: unknown, token?: string, extra = {}) {
	const r = await fetch(url(path), {
		method,
		headers: jsonHeaders(token, extra),
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
	return { status: r.status, headers: r.headers, json: await r.json() };
}

const putHtml = (path: string, html: string, token: string, type = 'text/html; charset=utf-8') =>
	fetch(url(path), {
		method: 'PUT',
		headers: { 'content-type': type, ...bearer(token) },
		body: html
	});

async function newSourceId(tag: string): Promise<string> {
	const r = await send('POST', '/api/sources', newSource(tag), staff.tokens.editor);
	expect(r.status, JSON.stringify(r.json)).toBe(201);
	return r.json.id;
}

async function latest(path: string) {
	const r = await fetch(url(path), { headers: bearer(staff.tokens.editor) });
	expect(r.status).toBe(200);
	return { etag: r.headers.get('etag')!, body: await r.json() };
}

describe('source snapshots', () => {
	it('stores pasted text with its SHA-256 and capture time; editors read it, anonymous readers get 401', async () => {
		const id = await newSourceId('pasted snapshot');
		const marker = `SNAPSHOTMARKER${randomBytes(6).toString('hex')}`;
		const text = `Một bài báo được dán vào.\n\n${marker} — đoạn thứ hai.`;
		const before = Date.now();
		const put = await send('PUT', `/api/sources/${id}/snapshot`, { text }, staff.tokens.editor);
		expect(put.status, JSON.stringify(put.json)).toBe(201);
		expect(put.json).toMatchObject({
			source_id: id,
			sha256: sha256(text),
			origin: 'pasted',
			length: text.length
		});
		expect(Date.parse(put.json.captured_at)).toBeGreaterThanOrEqual(before - 5_000);
		expect(Date.parse(put.json.captured_at)).toBeLessThanOrEqual(Date.now() + 5_000);
		expect(put.headers.get('cache-control')).toBe('private, no-store');

		for (const token of [staff.tokens.editor, staff.tokens.reviewer]) {
			const r = await fetch(url(`/api/sources/${id}/snapshot`), { headers: bearer(token) });
			expect(r.status).toBe(200);
			expect(await r.json()).toMatchObject({ text, sha256: sha256(text), origin: 'pasted' });
		}
		const anonymous = await fetch(url(`/api/sources/${id}/snapshot`));
		expect(anonymous.status).toBe(401);
		expect(await anonymous.text()).not.toContain(marker);
		const anonymousPut = await send('PUT', `/api/sources/${id}/snapshot`, { text: 'forged' });
		expect(anonymousPut.status).toBe(401);
		const still = await fetch(url(`/api/sources/${id}/snapshot`), {
			headers: bearer(staff.tokens.editor)
		});
		expect((await still.json()).text).toBe(text);
	});

	it('refuses bad snapshots naming the field, an unknown source with 404, other media types with 415', async () => {
		const id = await newSourceId('bad snapshots');
		const path = `/api/sources/${id}/snapshot`;
		const cases: [unknown, string][] = [
			[{ text: 42 }, 'text'],
			[{ text: '   ' }, 'text'],
			[{ text: 'a\u0000b' }, 'text'],
			[{ text: 'ok', extra: 1 }, 'extra'],
			[['text'], '']
		];
		for (const [body, field] of cases) {
			const r = await send('PUT', path, body, staff.tokens.editor);
			expect(r.status, JSON.stringify(body)).toBe(400);
			expect(r.json.field).toBe(field);
		}
		const empty = await putHtml(
			path,
			'<html><script>var a=1</script><nav>Menu</nav></html>',
			staff.tokens.editor
		);
		expect(empty.status).toBe(400);
		expect((await empty.json()).field).toBe('body');
		const plain = await putHtml(path, '<doc>xml</doc>', staff.tokens.editor, 'application/xml');
		expect(plain.status).toBe(415);
		expect(
			(
				await send(
					'PUT',
					'/api/sources/no-such-source/snapshot',
					{ text: 'x' },
					staff.tokens.editor
				)
			).status
		).toBe(404);
		const none = await fetch(url(path), { headers: bearer(staff.tokens.editor) });
		expect(none.status).toBe(404);
	});
});

describe.skipIf(!haveArticles)(
	articlesSuite('statements quote the newest snapshot of their source'),
	() => {
		const quoted = haveArticles ? quotedStatements() : [];
		/** A shipped statement whose quote differs from its article only in whitespace. */
		const respaced = quoted.find((q) => !q.article.text.includes(q.statement.quote.text))!;

		it('extracts the article from its page (HTML), with every quote of it findable', async () => {
			for (const article of capturedArticles()) {
				const id = await newSourceId(`html ${article.file}`);
				const put = await putHtml(
					`/api/sources/${id}/snapshot`,
					asNewsPage(article.text),
					staff.tokens.editor
				);
				expect(put.status).toBe(201);
				expect((await put.json()).origin).toBe('html');
				const got = await (
					await fetch(url(`/api/sources/${id}/snapshot`), { headers: bearer(staff.tokens.editor) })
				).json();
				const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
				expect(squash(got.text)).toBe(squash(article.text));
				expect(got.text).not.toContain('dataLayer');
				expect(got.sha256).toBe(sha256(got.text));
			}
		});

		it('refuses an excerpt that is not in the snapshot (400 naming quote.text, nothing changed), saves a verbatim one with its range', async () => {
			const { statement, article } = respaced;
			const source = statement.source_id;
			const put = await send(
				'PUT',
				`/api/sources/${source}/snapshot`,
				{ text: article.text },
				staff.tokens.editor
			);
			expect(put.status, JSON.stringify(put.json)).toBe(201);

			const path = `/api/statements/${statement.id}`;
			const before = await latest(path);
			const altered = structuredClone(before.body);
			altered.quote.text = statement.quote.text.replace('Baku', 'Yerevan');
			expect(altered.quote.text).not.toBe(statement.quote.text);
			const refused = await send('PUT', path, altered, staff.tokens.editor, {
				'if-match': before.etag
			});
			expect(refused.status).toBe(400);
			expect(refused.json.field).toBe('quote.text');
			expect(refused.json.description).toContain(put.json.sha256);
			expect(await latest(path)).toEqual(before);

			expect(article.text.includes(statement.quote.text)).toBe(false);
			const saved = await send('PUT', path, before.body, staff.tokens.editor, {
				'if-match': before.etag
			});
			expect(saved.status, JSON.stringify(saved.json)).toBe(200);
			const excerpt = await fetch(url(`${path}/excerpt`), { headers: bearer(staff.tokens.editor) });
			expect(excerpt.status).toBe(200);
			const range = await excerpt.json();
			expect(range).toMatchObject({
				version: saved.json.version,
				sha256: sha256(article.text),
				source_id: source
			});
			const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
			expect(squash(article.text.slice(range.start, range.end))).toBe(squash(statement.quote.text));
			expect(range.text).toBe(article.text.slice(range.start, range.end));
			expect((await fetch(url(`${path}/excerpt`))).status).toBe(401);
		});

		it('creates a statement whose quote has its whitespace rearranged, with the range of the words in the snapshot', async () => {
			const { statement, article } = respaced;
			const body = newStatement('respaced', statement.source_id, [publishedIncident().id]);
			body.quote = { lang: 'vi', text: statement.quote.text.split(/\s+/).join('\n  ') };
			const created = await send('POST', '/api/statements', body, staff.tokens.editor);
			expect(created.status, JSON.stringify(created.json)).toBe(201);
			const range = await (
				await fetch(url(`/api/statements/${created.json.id}/excerpt`), {
					headers: bearer(staff.tokens.editor)
				})
			).json();
			const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
			expect(squash(article.text.slice(range.start, range.end))).toBe(squash(statement.quote.text));

			const wrong = { ...body, quote: { lang: 'vi', text: 'Một câu không có trong bài báo.' } };
			const refused = await send('POST', '/api/statements', wrong, staff.tokens.editor);
			expect(refused.status).toBe(400);
			expect(refused.json.field).toBe('quote.text');
		});
	}
);

/** Last: an answer given before a body is read closes its connection under the client's pool. */
describe('snapshot size', () => {
	it('takes up to 5 MB on this route only: over it 413, declared or chunked, and nothing stored', async () => {
		const id = await newSourceId('big snapshots');
		const path = `/api/sources/${id}/snapshot`;
		const under = 'Đoạn văn dài. '.repeat(Math.floor((4.5 * 1024 * 1024) / 20));
		const ok = await send('PUT', path, { text: under }, staff.tokens.editor);
		expect(ok.status, JSON.stringify(ok.json)).toBe(201);
		expect(ok.json.sha256).toBe(sha256(under));

		const over = JSON.stringify({ text: 'x'.repeat(5 * 1024 * 1024) });
		const declared = await send('PUT', path, over, staff.tokens.editor);
		expect(declared.status).toBe(413);
		expect(declared.json.code).toBe('PayloadTooLarge');

		const page = new TextEncoder().encode(`<p>${'y'.repeat(6 * 1024 * 1024)}</p>`);
		let offset = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (offset >= page.length) return controller.close();
				controller.enqueue(page.slice(offset, (offset += 256 * 1024)));
			}
		});
		const chunked = await fetch(url(path), {
			method: 'PUT',
			headers: { 'content-type': 'text/html', ...bearer(staff.tokens.editor) },
			body: stream,
			duplex: 'half'
		} as RequestInit);
		expect(chunked.status).toBe(413);
		const stored = await fetch(url(path), { headers: bearer(staff.tokens.editor) });
		expect((await stored.json()).sha256).toBe(sha256(under));

		const twoMegabytes = 'z'.repeat(2 * 1024 * 1024);
		const signIn = await fetch(url('/signin'), {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: staff.server.url
			},
			body: new URLSearchParams({ email: 'editor@example.org', password: twoMegabytes }).toString()
		});
		expect(signIn.status).toBe(413);
	});
});
