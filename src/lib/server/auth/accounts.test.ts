import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { engines } from '../db/test_engines';
import {
	AccountError,
	createSession,
	createToken,
	createUser,
	endSession,
	endSessions,
	revokeToken,
	tokenHash,
	userForSession,
	userForToken,
	verifyCredentials
} from './accounts';
import { PasswordTooShort } from './password';

const PASSWORD = 'a long enough passphrase';

describe.each(engines())('accounts on $name', { timeout: 60_000 }, (engine) => {
	let db: Db;
	let drop: () => Promise<void>;
	beforeAll(async () => {
		({ db, drop } = await engine.open());
	}, 120_000);
	afterAll(() => drop());
	beforeEach(() => db.exec('truncate users cascade'));

	const editor = () =>
		createUser(db, { email: 'Lan@Example.org', role: 'editor', password: PASSWORD });

	it('creates an account with an opaque id and the address lower-cased', async () => {
		const user = await editor();
		expect(user).toEqual({ id: expect.any(String), email: 'lan@example.org', role: 'editor' });
		expect(user.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
		expect(user.id).not.toContain('lan');
		const [row] = await db.query<{ password_hash: string }>('select password_hash from users');
		expect(row.password_hash).toMatch(/^scrypt\$/);
		expect(row.password_hash).not.toContain(PASSWORD);
	});

	it('refuses a taken address (in any case), an unknown role, a bad address and a short password', async () => {
		await editor();
		await expect(
			createUser(db, { email: ' LAN@example.org ', role: 'reviewer', password: PASSWORD })
		).rejects.toThrow(/already exists/);
		await expect(
			createUser(db, { email: 'a@example.org', role: 'reader', password: PASSWORD })
		).rejects.toBeInstanceOf(AccountError);
		await expect(
			createUser(db, { email: 'not an address', role: 'editor', password: PASSWORD })
		).rejects.toThrow(/not an e-mail address/);
		await expect(
			createUser(db, { email: 'b@example.org', role: 'editor', password: 'short' })
		).rejects.toBeInstanceOf(PasswordTooShort);
		expect(await db.query('select email from users')).toEqual([{ email: 'lan@example.org' }]);
	});

	it('the database itself refuses an unknown role or an upper-case address', async () => {
		await expect(
			db.query(`insert into users values ('x', 'x@example.org', 'reader', 'h', now())`)
		).rejects.toThrow();
		await expect(
			db.query(`insert into users values ('y', 'Y@example.org', 'editor', 'h', now())`)
		).rejects.toThrow();
	});

	it('verifies credentials: the right password, not a wrong one, not an unknown address', async () => {
		const user = await editor();
		expect(await verifyCredentials(db, 'LAN@example.org', PASSWORD)).toEqual(user);
		expect(await verifyCredentials(db, 'lan@example.org', PASSWORD + 'x')).toBeNull();
		expect(await verifyCredentials(db, 'nobody@example.org', PASSWORD)).toBeNull();
	});

	it('keeps only the hash of a session token; the token finds its account until it ends', async () => {
		const user = await editor();
		const { token, expiresAt } = await createSession(db, user.id);
		const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(13.9);
		expect(days).toBeLessThanOrEqual(14);
		const rows = await db.query<{ token_hash: string }>('select token_hash from sessions');
		expect(rows).toEqual([{ token_hash: tokenHash(token) }]);
		expect(await userForSession(db, token)).toEqual(user);
		expect(await userForSession(db, token + 'x')).toBeNull();
		expect(await userForSession(db, tokenHash(token))).toBeNull();
		await endSession(db, token);
		expect(await userForSession(db, token)).toBeNull();
	});

	it('an expired session finds nobody', async () => {
		const user = await editor();
		const { token } = await createSession(db, user.id);
		await db.query(`update sessions set expires_at = now() - interval '1 second'`);
		expect(await userForSession(db, token)).toBeNull();
	});

	it('sign out everywhere ends every session of that account and no other', async () => {
		const user = await editor();
		const other = await createUser(db, {
			email: 'minh@example.org',
			role: 'reviewer',
			password: PASSWORD
		});
		const a = await createSession(db, user.id);
		const b = await createSession(db, user.id);
		const c = await createSession(db, other.id);
		expect(await endSessions(db, user.id)).toBe(2);
		expect(await userForSession(db, a.token)).toBeNull();
		expect(await userForSession(db, b.token)).toBeNull();
		expect(await userForSession(db, c.token)).toEqual(other);
	});

	it('an API token is shown once, stored hashed, acts for its account until revoked', async () => {
		const user = await editor();
		const { token, user: owner } = await createToken(db, 'lan@example.org', 'import script');
		expect(owner).toEqual(user);
		expect(token).toMatch(/^atlas_[A-Za-z0-9_-]{43}$/);
		const rows = await db.query('select token_hash, label, revoked_at from api_tokens');
		expect(rows).toEqual([
			{ token_hash: tokenHash(token), label: 'import script', revoked_at: null }
		]);
		expect(await userForToken(db, token)).toEqual(user);
		expect(await userForToken(db, tokenHash(token))).toBeNull();
		expect(await revokeToken(db, token)).toBe(true);
		expect(await userForToken(db, token)).toBeNull();
		expect(await revokeToken(db, token)).toBe(false);
		expect(await revokeToken(db, 'atlas_unknown')).toBe(false);
	});

	it('a session token is not an API token and an API token is not a session', async () => {
		const user = await editor();
		const session = await createSession(db, user.id);
		const { token } = await createToken(db, user.email);
		expect(await userForToken(db, session.token)).toBeNull();
		expect(await userForSession(db, token)).toBeNull();
	});

	it('refuses a token for an address with no account', async () => {
		await expect(createToken(db, 'nobody@example.org')).rejects.toThrow(
			'no account for nobody@example.org'
		);
	});
});
