import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Shorter passwords are refused everywhere (the command line and any future account form). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * scrypt cost: N = 2^15, r = 8, p = 1 (OWASP's scrypt floor is N = 2^17 with r = 8 for a single
 * fast server; 2^15 keeps a sign-in around 0.1 s on a small shared machine). The parameters are
 * stored in every hash, so raising them later keeps old hashes verifiable.
 */
export interface ScryptParams {
	N: number;
	r: number;
	p: number;
	keyLength: number;
	saltLength: number;
}

export const SCRYPT_PARAMS: Readonly<ScryptParams> = {
	N: 2 ** 15,
	r: 8,
	p: 1,
	keyLength: 64,
	saltLength: 16
};

export class PasswordTooShort extends Error {
	constructor() {
		super(`the password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
		this.name = 'PasswordTooShort';
	}
}

function derive(
	password: string,
	salt: Buffer,
	keyLength: number,
	options: ScryptOptions
): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
			error ? reject(error) : resolve(key)
		)
	);
}

/** scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly N = 2^15, r = 8. */
const maxmem = (N: number, r: number) => 256 * N * r;

/**
 * The stored form of `password`: `scrypt$N$r$p$salt$key` (salt and key in base64). Throws
 * {@link PasswordTooShort} under {@link MIN_PASSWORD_LENGTH} characters.
 */
export async function hashPassword(
	password: string,
	params: Readonly<ScryptParams> = SCRYPT_PARAMS
): Promise<string> {
	if ([...password].length < MIN_PASSWORD_LENGTH) throw new PasswordTooShort();
	const { N, r, p, keyLength, saltLength } = params;
	const salt = randomBytes(saltLength);
	const key = await derive(password, salt, keyLength, { N, r, p, maxmem: maxmem(N, r) });
	return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` matches `stored` (a {@link hashPassword} result), compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [N, r, p] = parts.slice(1, 4).map(Number);
	if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
	const salt = Buffer.from(parts[4], 'base64');
	const expected = Buffer.from(parts[5], 'base64');
	if (expected.length < 16) return false;
	const actual = await derive(password, salt, expected.length, { N, r, p, maxmem: maxmem(N, r) });
	return timingSafeEqual(actual, expected);
}
