import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/pglite_db';
import { migrate } from '../db/migrate';
import type { Db } from '../db/db';
import { createUser } from './accounts';
import { attemptSignIn, signInLimiters } from './sign_in';

const PASSWORD = 'a long enough passphrase';

describe('a sign-in attempt', { timeout: 60_000 }, () => {
	let db: Db;
	beforeAll(async () => {
		db = await openPglite();
		await migrate(db);
		for (const email of ['lan@example.org', 'minh@example.org', 'an@example.org']) {
			await createUser(db, { email, role: 'editor', password: PASSWORD });
		}
	}, 120_000);
	afterAll(() => db.close());

	it('signs in with the right password and refuses an empty field or a wrong one', async () => {
		const limiters = signInLimiters();
		const attempt = (email: string, password: string) =>
			attemptSignIn(db, limiters, { email, password, address: '10.0.0.1' });
		expect(await attempt('LAN@example.org', PASSWORD)).toMatchObject({
			ok: true,
			user: { email: 'lan@example.org' }
		});
		expect(await attempt('lan@example.org', '')).toEqual({ ok: false, reason: 'missing' });
		expect(await attempt('', PASSWORD)).toEqual({ ok: false, reason: 'missing' });
		expect(await attempt('lan@example.org', 'wrong password!')).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});

	it('after 5 failures the account waits, even with the right password and from another address', async () => {
		const limiters = signInLimiters();
		for (let i = 0; i < 5; i++) {
			const r = await attemptSignIn(db, limiters, {
				email: 'minh@example.org',
				password: `wrong guess ${i}`,
				address: `10.0.1.${i}`
			});
			expect(r).toEqual({ ok: false, reason: 'invalid' });
		}
		const limited = await attemptSignIn(db, limiters, {
			email: 'Minh@Example.org',
			password: PASSWORD,
			address: '10.0.2.1'
		});
		expect(limited).toMatchObject({ ok: false, reason: 'limited' });
		expect((limited as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(14 * 60_000);
		expect(
			await attemptSignIn(db, limiters, {
				email: 'lan@example.org',
				password: PASSWORD,
				address: '10.0.2.1'
			})
		).toMatchObject({ ok: true });
	});

	it('after 20 failures from one address, that address waits, whichever account it tries', async () => {
		const limiters = signInLimiters();
		for (let i = 0; i < 20; i++) {
			await attemptSignIn(db, limiters, {
				email: `guess${i}@example.org`,
				password: 'wrong password!',
				address: '203.0.113.9'
			});
		}
		expect(
			await attemptSignIn(db, limiters, {
				email: 'an@example.org',
				password: PASSWORD,
				address: '203.0.113.9'
			})
		).toMatchObject({ ok: false, reason: 'limited' });
		expect(
			await attemptSignIn(db, limiters, {
				email: 'an@example.org',
				password: PASSWORD,
				address: '203.0.113.10'
			})
		).toMatchObject({ ok: true });
	});

	it('a success forgives the account its earlier failures', async () => {
		const limiters = signInLimiters();
		const attempt = (password: string) =>
			attemptSignIn(db, limiters, { email: 'an@example.org', password, address: '10.0.3.1' });
		for (let i = 0; i < 4; i++) await attempt('wrong password!');
		expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
		for (let i = 0; i < 4; i++) await attempt('wrong password!');
		expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
	});
});
