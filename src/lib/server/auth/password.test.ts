import { describe, expect, it } from 'vitest';
import {
	MIN_PASSWORD_LENGTH,
	PasswordTooShort,
	SCRYPT_PARAMS,
	hashPassword,
	verifyPassword
} from './password';

describe('passwords', () => {
	it('stores scrypt with its parameters and a fresh salt, never the password', async () => {
		const a = await hashPassword('correct horse battery');
		const b = await hashPassword('correct horse battery');
		expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
		expect(a).not.toBe(b);
		expect(a).not.toContain('horse');
	});

	it('verifies the right password and refuses a wrong one', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword('correct horse battery', stored)).toBe(true);
		expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
		expect(await verifyPassword('', stored)).toBe(false);
	});

	it('verifies a hash made with other parameters, read from the hash itself', async () => {
		const stored = await hashPassword('twelve chars', { ...SCRYPT_PARAMS, N: 2 ** 14, r: 4 });
		expect(stored.startsWith('scrypt$16384$4$1$')).toBe(true);
		expect(await verifyPassword('twelve chars', stored)).toBe(true);
	});

	it('compares text as Unicode NFC, so a composed and a decomposed é are one password', async () => {
		const stored = await hashPassword('mật khẩu dài quá');
		expect(await verifyPassword('mật khẩu dài quá'.normalize('NFD'), stored)).toBe(true);
	});

	it(`refuses passwords under ${MIN_PASSWORD_LENGTH} characters`, async () => {
		await expect(hashPassword('elevenchars')).rejects.toBeInstanceOf(PasswordTooShort);
		await expect(hashPassword('')).rejects.toThrow(/at least 12 characters/);
		await expect(hashPassword('twelve chars')).resolves.toMatch(/^scrypt\$/);
	});

	it('answers false, never throws, for a stored value that is not one of its hashes', async () => {
		for (const stored of [
			'',
			'plain',
			'bcrypt$x$y$z$a$b',
			'scrypt$0$8$1$AAAA$AAAA',
			'scrypt$a$b$c$d$e'
		])
			expect(await verifyPassword('correct horse battery', stored)).toBe(false);
	});
});
