import type { Queryable } from '../db/db';
import { normalizeEmail, verifyCredentials } from './accounts';
import { FailureLimiter } from './rate_limit';
import type { SessionUser } from './user';

const WINDOW_MS = 15 * 60_000;

/**
 * The limits on failed sign-ins: 5 per account and 20 per client address in 15 minutes. The
 * address limit is higher because a newsroom's people often share one address. Process-wide on
 * purpose (see {@link FailureLimiter} for several instances).
 */
export function signInLimiters() {
	return {
		account: new FailureLimiter({ max: 5, windowMs: WINDOW_MS }),
		address: new FailureLimiter({ max: 20, windowMs: WINDOW_MS })
	};
}

export type SignInResult =
	| { ok: true; user: SessionUser }
	| { ok: false; reason: 'missing' | 'invalid' }
	| { ok: false; reason: 'limited'; retryAfterMs: number };

/**
 * Checks one sign-in attempt against the limits, then the password. A limited attempt is refused
 * without looking at the password, so guessing goes no further while it waits; a success forgives
 * the account's failures (not the address's).
 */
export async function attemptSignIn(
	db: Queryable,
	limiters: ReturnType<typeof signInLimiters>,
	input: { email: string; password: string; address: string }
): Promise<SignInResult> {
	const email = normalizeEmail(input.email);
	if (!email || !input.password) return { ok: false, reason: 'missing' };
	const accountKey = email;
	const retryAfterMs = Math.max(
		limiters.account.retryAfterMs(accountKey),
		limiters.address.retryAfterMs(input.address)
	);
	if (retryAfterMs > 0) return { ok: false, reason: 'limited', retryAfterMs };
	const user = await verifyCredentials(db, email, input.password);
	if (!user) {
		limiters.account.fail(accountKey);
		limiters.address.fail(input.address);
		return { ok: false, reason: 'invalid' };
	}
	limiters.account.clear(accountKey);
	return { ok: true, user };
}
