import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db';
import { hashPassword, verifyPassword } from './password';
import { ROLES, type Role, type SessionUser } from './user';

/** How long a browser session lasts after sign-in (no sliding renewal: sign in again after). */
export const SESSION_DAYS = 14;

/** API tokens start with this, so a leaked one is recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = 'atlas_';

export class AccountError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AccountError';
	}
}

/** The SHA-256 hex digest under which a session or API token is stored. */
export function tokenHash(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: what a session cookie or an API token carries. */
function randomToken(): string {
	return randomBytes(32).toString('base64url');
}

/** E-mail addresses are compared lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

interface UserRow {
	id: string;
	email: string;
	role: Role;
}

const toUser = (row: UserRow): SessionUser => ({ id: row.id, email: row.email, role: row.role });

/**
 * Creates an account. Throws {@link AccountError} for a malformed address, an unknown role or an
 * address already taken, and `PasswordTooShort` for a short password.
 */
export async function createUser(
	db: Queryable,
	input: { email: string; role: string; password: string }
): Promise<SessionUser> {
	const email = normalizeEmail(input.email);
	if (!EMAIL.test(email))
		throw new AccountError(`not an e-mail address: ${JSON.stringify(input.email)}`);
	if (!ROLES.includes(input.role as Role)) {
		throw new AccountError(
			`the role must be one of ${ROLES.join(', ')}, not ${JSON.stringify(input.role)}`
		);
	}
	const passwordHash = await hashPassword(input.password);
	const id = randomBytes(12).toString('base64url');
	const rows = await db.query<UserRow>(
		`insert into users (id, email, role, password_hash) values ($1, $2, $3, $4)
		 on conflict (email) do nothing returning id, email, role`,
		[id, email, input.role, passwordHash]
	);
	if (!rows.length) throw new AccountError(`an account for ${email} already exists`);
	return toUser(rows[0]);
}

/** The account with this address, or null. */
export async function findUser(db: Queryable, email: string): Promise<SessionUser | null> {
	const rows = await db.query<UserRow>('select id, email, role from users where email = $1', [
		normalizeEmail(email)
	]);
	return rows.length ? toUser(rows[0]) : null;
}

/**
 * A throwaway hash to verify against when the address is unknown, so that an unknown address
 * costs the same scrypt time as a wrong password and the answer time does not reveal accounts.
 */
let decoy: Promise<string> | null = null;

/** The account if `password` is its password, else null (unknown address or wrong password). */
export async function verifyCredentials(
	db: Queryable,
	email: string,
	password: string
): Promise<SessionUser | null> {
	const rows = await db.query<UserRow & { password_hash: string }>(
		'select id, email, role, password_hash from users where email = $1',
		[normalizeEmail(email)]
	);
	if (!rows.length) {
		decoy ??= hashPassword(randomToken());
		await verifyPassword(password, await decoy);
		return null;
	}
	return (await verifyPassword(password, rows[0].password_hash)) ? toUser(rows[0]) : null;
}

/** Starts a browser session; the token goes into the cookie, only its hash into the database. */
export async function createSession(
	db: Queryable,
	userId: string,
	days = SESSION_DAYS
): Promise<{ token: string; expiresAt: Date }> {
	const token = randomToken();
	const rows = await db.query<{ expires_at: string | Date }>(
		`insert into sessions (token_hash, user_id, expires_at)
		 values ($1, $2, now() + make_interval(days => $3::int)) returning expires_at`,
		[tokenHash(token), userId, days]
	);
	return { token, expiresAt: new Date(rows[0].expires_at) };
}

/** The account a session token belongs to, or null if it is unknown, ended or expired. */
export async function userForSession(db: Queryable, token: string): Promise<SessionUser | null> {
	const rows = await db.query<UserRow>(
		`select u.id, u.email, u.role from sessions s join users u on u.id = s.user_id
		 where s.token_hash = $1 and s.expires_at > now()`,
		[tokenHash(token)]
	);
	return rows.length ? toUser(rows[0]) : null;
}

/** Ends one session (sign out here). */
export async function endSession(db: Queryable, token: string): Promise<void> {
	await db.query('delete from sessions where token_hash = $1', [tokenHash(token)]);
}

/** Ends every session of an account (sign out everywhere); returns how many there were. */
export async function endSessions(db: Queryable, userId: string): Promise<number> {
	const rows = await db.query('delete from sessions where user_id = $1 returning 1', [userId]);
	return rows.length;
}

/**
 * Makes an API token for the account at `email`. The plaintext is returned this once and never
 * stored. Throws {@link AccountError} when there is no such account.
 */
export async function createToken(
	db: Queryable,
	email: string,
	label = ''
): Promise<{ token: string; user: SessionUser }> {
	const user = await findUser(db, email);
	if (!user) throw new AccountError(`no account for ${normalizeEmail(email)}`);
	const token = TOKEN_PREFIX + randomToken();
	await db.query('insert into api_tokens (token_hash, user_id, label) values ($1, $2, $3)', [
		tokenHash(token),
		user.id,
		label
	]);
	return { token, user };
}

/** Revokes an API token; false when it is unknown or was already revoked. */
export async function revokeToken(db: Queryable, token: string): Promise<boolean> {
	const rows = await db.query(
		`update api_tokens set revoked_at = now() where token_hash = $1 and revoked_at is null
		 returning 1`,
		[tokenHash(token)]
	);
	return rows.length > 0;
}

/** The account an API token acts for, or null if it is unknown or revoked. */
export async function userForToken(db: Queryable, token: string): Promise<SessionUser | null> {
	const rows = await db.query<UserRow>(
		`select u.id, u.email, u.role from api_tokens t join users u on u.id = t.user_id
		 where t.token_hash = $1 and t.revoked_at is null`,
		[tokenHash(token)]
	);
	return rows.length ? toUser(rows[0]) : null;
}
