import { AxeBuilder } from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForMapIdle } from './browser';
import { readIncident } from './dashboard_page';
import { SEEDED_DATA_DIR_ENV, startServer, type RunningServer } from './server';

const EDITOR = { email: 'lan.editor@example.org', password: 'lan has a long passphrase' };
const REVIEWER = { email: 'minh.reviewer@example.org', password: 'minh has one too, longer' };
const LIMITED = { email: 'an.limited@example.org', password: 'an will be rate limited' };
const MINE = readIncident('geodata', '2020-11-23-madagiz-mine');

/** Runs `npm run <script> -- args` on `dataDir` as an operator would, `input` on stdin. */
function npmRun(dataDir: string, script: string, args: string[], input = '') {
	const r = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
		encoding: 'utf8',
		input,
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
		timeout: 120_000
	});
	if (r.status !== 0) throw new Error(`${script} exited ${r.status}: ${r.stderr}`);
	return r.stdout;
}

let dataDir = '';
let editorToken = '';
let reviewerToken = '';

beforeAll(() => {
	const template = process.env[SEEDED_DATA_DIR_ENV];
	if (!template)
		throw new Error(`${SEEDED_DATA_DIR_ENV} is not set: run through vitest.e2e.config.ts`);
	dataDir = mkdtempSync(join(tmpdir(), 'atlas-auth-'));
	cpSync(template, dataDir, { recursive: true });
	npmRun(dataDir, 'user:add', [EDITOR.email, '--role', 'editor'], EDITOR.password + '\n');
	npmRun(dataDir, 'user:add', [REVIEWER.email, '--role', 'reviewer'], REVIEWER.password + '\n');
	npmRun(dataDir, 'user:add', [LIMITED.email, '--role', 'editor'], LIMITED.password + '\n');
	editorToken = npmRun(dataDir, 'token:add', [EDITOR.email, '--label', 'e2e'])
		.trimEnd()
		.split('\n')
		.at(-1)!;
	reviewerToken = npmRun(dataDir, 'token:add', [REVIEWER.email]).trimEnd().split('\n').at(-1)!;
}, 300_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** WCAG 2 A and AA violations that axe rates serious or critical, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
}

/** A form POST of `fields` to the sign-in page, without a browser; the raw answer. */
function postSignIn(
	server: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {}
) {
	return fetch(`${server}/signin`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...headers
		},
		body: new URLSearchParams(fields)
	});
}

const sessionOf = (response: Response) =>
	/atlas_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];

describe('behind an HTTPS proxy (ORIGIN https://…)', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({ env: { DATA_DIR: dataDir, ORIGIN: 'https://atlas.example' } });
	});
	afterAll(() => server?.stop());

	it('the session cookie is Secure, httpOnly, SameSite=Lax, Path=/', async () => {
		const response = await postSignIn(
			server.url,
			{ email: EDITOR.email, password: EDITOR.password },
			{
				origin: 'https://atlas.example'
			}
		);
		expect(response.status).toBe(303);
		const cookie = response.headers.get('set-cookie')!;
		expect(cookie).toMatch(/^atlas_session=[\w-]{43};/);
		expect(cookie).toMatch(/; HttpOnly/i);
		expect(cookie).toMatch(/; Secure/i);
		expect(cookie).toMatch(/; SameSite=Lax/i);
		expect(cookie).toMatch(/; Path=\//i);
		expect(cookie).toMatch(/; Expires=/i);
	});
});

describe('accounts in the browser', () => {
	let server: RunningServer;
	let browser: Browser;
	beforeAll(async () => {
		server = await startServer({ env: { DATA_DIR: dataDir } });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	/** A fresh browser whose requests may go to the server only; problems are collected. */
	async function context(): Promise<{ ctx: BrowserContext; page: Page; problems: string[] }> {
		const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const problems: string[] = [];
		await ctx.route('**/*', (route) => {
			const url = route.request().url();
			if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:'))
				return route.continue();
			problems.push(`request left the test server: ${url}`);
			return route.abort();
		});
		const page = await ctx.newPage();
		page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
		page.on('console', (m) => {
			// A wrong password or a 429 answers the form with its status; Chromium logs that.
			if (m.type() === 'error' && !/status of 40[01]|status of 429/.test(m.text())) {
				problems.push(`console error: ${m.text()}`);
			}
		});
		return { ctx, page, problems };
	}

	async function signIn(page: Page, who: { email: string; password: string }, query = '') {
		await page.goto(`${server.url}/signin${query}`);
		await page.getByLabel(/E-mail|Địa chỉ e-mail/).fill(who.email);
		await page.getByLabel(/^(Password|Mật khẩu)$/).fill(who.password);
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/signin')),
			page.locator('form button[type="submit"]').click()
		]);
		await page.waitForLoadState('load');
		return response;
	}

	const me = (cookie: string) =>
		fetch(`${server.url}/api/me`, { headers: { cookie: `atlas_session=${cookie}` } });

	it('the dashboard shows "Sign in" to a reader; signing in shows the address and role there', async () => {
		const { ctx, page, problems } = await context();
		await page.goto(server.url + '/');
		await waitForMapIdle(page);
		const area = page.getByRole('group', { name: 'Your account' });
		await area.getByRole('link', { name: 'Sign in' }).click();
		await page.waitForURL(/\/signin\?lang=en&next=%2F/);
		expect(await page.locator('h1').textContent()).toBe('Sign in to Incident Atlas');
		await signIn(page, EDITOR, new URL(page.url()).search);
		expect(new URL(page.url()).pathname).toBe('/');
		await waitForMapIdle(page);
		const text = await page.getByRole('group', { name: 'Your account' }).innerText();
		expect(text).toContain(EDITOR.email);
		expect(text).toContain('editor');
		expect(await page.getByRole('button', { name: 'Sign out', exact: true }).count()).toBe(1);
		expect(await seriousViolations(page)).toEqual([]);

		const [cookie] = (await ctx.cookies()).filter((c) => c.name === 'atlas_session');
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
		expect(cookie.value).toMatch(/^[\w-]{43}$/);
		expect(await page.evaluate(() => document.cookie)).not.toContain('atlas_session');
		expect(await (await me(cookie.value)).json()).toEqual({ email: EDITOR.email, role: 'editor' });
		expect(problems).toEqual([]);
		await ctx.close();
	});

	it('a wrong password shows an error in the form, in English and in Vietnamese', async () => {
		const { ctx, page, problems } = await context();
		const response = await signIn(page, { email: EDITOR.email, password: 'not the password' });
		expect(response.status()).toBe(400);
		expect(await page.getByRole('alert').textContent()).toBe(
			'The e-mail address or the password is wrong.'
		);
		expect(await page.getByLabel('E-mail address').inputValue()).toBe(EDITOR.email);
		expect(await page.getByLabel('E-mail address').getAttribute('aria-invalid')).toBe('true');
		expect((await ctx.cookies()).some((c) => c.name === 'atlas_session')).toBe(false);
		expect(await seriousViolations(page)).toEqual([]);

		await signIn(page, { email: EDITOR.email, password: 'sai mật khẩu rồi' }, '?lang=vi');
		expect(await page.locator('html').getAttribute('lang')).toBe('vi');
		expect(await page.locator('h1').textContent()).toBe('Đăng nhập vào Bản đồ Sự kiện');
		expect(await page.getByRole('alert').textContent()).toBe(
			'Địa chỉ e-mail hoặc mật khẩu không đúng.'
		);
		expect(problems).toEqual([]);
		await ctx.close();
	});

	it('returns to `next` when it is a path here, and to / when it points elsewhere', async () => {
		const { ctx, page } = await context();
		await signIn(page, REVIEWER, `?next=${encodeURIComponent(`/incidents/${MINE.id}?lang=vi`)}`);
		expect(page.url()).toBe(`${server.url}/incidents/${MINE.id}?lang=vi`);
		await ctx.close();
		const other = await context();
		await signIn(other.page, REVIEWER, `?next=${encodeURIComponent('//evil.example/x')}`);
		expect(other.page.url()).toBe(`${server.url}/`);
		expect(other.problems).toEqual([]);
		await other.ctx.close();
	});

	it('"Sign out" ends this session: the cookie is gone and its token no longer works', async () => {
		const { ctx, page, problems } = await context();
		await signIn(page, EDITOR);
		await waitForMapIdle(page);
		const token = (await ctx.cookies()).find((c) => c.name === 'atlas_session')!.value;
		expect((await me(token)).status).toBe(200);
		await page.getByRole('button', { name: 'Sign out', exact: true }).click();
		await page.waitForURL(`${server.url}/`);
		await waitForMapIdle(page);
		await page
			.getByRole('group', { name: 'Your account' })
			.getByRole('link', { name: 'Sign in' })
			.waitFor();
		expect((await ctx.cookies()).some((c) => c.name === 'atlas_session')).toBe(false);
		expect((await me(token)).status).toBe(401);
		expect(problems).toEqual([]);
		await ctx.close();
	});

	it('"Sign out everywhere" ends the sessions in other browsers too', async () => {
		const laptop = await context();
		const phone = await context();
		await signIn(laptop.page, EDITOR);
		await signIn(phone.page, EDITOR);
		const phoneToken = (await phone.ctx.cookies()).find((c) => c.name === 'atlas_session')!.value;
		expect((await me(phoneToken)).status).toBe(200);
		await waitForMapIdle(laptop.page);
		await laptop.page.getByRole('button', { name: 'Sign out everywhere' }).click();
		await laptop.page.waitForURL(`${server.url}/`);
		expect((await me(phoneToken)).status).toBe(401);
		await phone.page.reload();
		await waitForMapIdle(phone.page);
		const area = await phone.page.getByRole('group', { name: 'Your account' }).innerText();
		expect(area).toContain('Sign in');
		expect(area).not.toContain(EDITOR.email);
		expect((await phone.ctx.cookies()).some((c) => c.name === 'atlas_session')).toBe(false);
		expect([...laptop.problems, ...phone.problems]).toEqual([]);
		await laptop.ctx.close();
		await phone.ctx.close();
	});

	it('after 5 wrong passwords the account gets 429 with a message, even for the right one', async () => {
		const { ctx, page, problems } = await context();
		for (let i = 0; i < 5; i++) {
			const r = await signIn(page, { email: LIMITED.email, password: `wrong guess number ${i}` });
			expect(r.status()).toBe(400);
		}
		const limited = await signIn(page, LIMITED);
		expect(limited.status()).toBe(429);
		expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(800);
		expect(await page.getByRole('alert').textContent()).toBe(
			'Too many failed sign-in attempts. Try again in 15 minutes.'
		);
		expect((await ctx.cookies()).some((c) => c.name === 'atlas_session')).toBe(false);
		// Another account from the same address is not locked out by this one.
		await signIn(page, REVIEWER);
		expect(new URL(page.url()).pathname).toBe('/');
		expect(problems).toEqual([]);
		await ctx.close();
	});

	it('a signed-in change from another origin, or with no Origin, is refused 403 JSON', async () => {
		const token = sessionOf(await postSignIn(server.url, REVIEWER))!;
		expect(token).toBeTruthy();
		for (const origin of ['https://evil.example', null]) {
			const response = await fetch(`${server.url}/signout`, {
				method: 'POST',
				headers: {
					cookie: `atlas_session=${token}`,
					'content-type': 'application/json',
					...(origin ? { origin } : {})
				},
				body: JSON.stringify({ scope: 'everywhere' }),
				redirect: 'manual'
			});
			expect(response.status).toBe(403);
			expect(response.headers.get('content-type')).toBe('application/json');
			expect(await response.json()).toMatchObject({ code: 'cross_site' });
		}
		expect((await me(token)).status).toBe(200);
		const same = await fetch(`${server.url}/signout`, {
			method: 'POST',
			headers: { cookie: `atlas_session=${token}`, origin: server.url },
			redirect: 'manual'
		});
		expect(same.status).toBe(303);
		expect((await me(token)).status).toBe(401);
	});

	it('an API token from token:add answers /api/me; an unknown one is 401 JSON', async () => {
		const ok = await fetch(`${server.url}/api/me`, {
			headers: { authorization: `Bearer ${editorToken}` }
		});
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({ email: EDITOR.email, role: 'editor' });
		const anonymous = await fetch(`${server.url}/api/me`);
		expect(anonymous.status).toBe(401);
		expect(await anonymous.json()).toMatchObject({ code: 'unauthorized' });
		const bad = await fetch(`${server.url}/api/me`, {
			headers: { authorization: 'Bearer atlas_nope' }
		});
		expect(bad.status).toBe(401);
		expect(bad.headers.get('www-authenticate')).toContain('invalid_token');
		expect(await bad.json()).toMatchObject({ code: 'invalid_token' });
		// A token request is not a cookie request: no Origin needed.
		const post = await fetch(`${server.url}/signout`, {
			method: 'POST',
			headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' },
			body: '{}',
			redirect: 'manual'
		});
		expect(post.status).toBe(303);
	});

	it('token:revoke (run while the server is stopped, as the embedded database needs) kills that token only', async () => {
		await server.stop();
		expect(npmRun(dataDir, 'token:revoke', [editorToken])).toContain('revoked');
		server = await startServer({ env: { DATA_DIR: dataDir } });
		const revoked = await fetch(`${server.url}/api/me`, {
			headers: { authorization: `Bearer ${editorToken}` }
		});
		expect(revoked.status).toBe(401);
		const other = await fetch(`${server.url}/api/me`, {
			headers: { authorization: `Bearer ${reviewerToken}` }
		});
		expect(await other.json()).toEqual({ email: REVIEWER.email, role: 'reviewer' });
	});
});
