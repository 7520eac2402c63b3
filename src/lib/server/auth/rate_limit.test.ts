import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate_limit';

const MINUTE = 60_000;

function limiter(max = 5, windowMs = 15 * MINUTE, maxKeys?: number) {
	let now = 1_000_000;
	const l = new FailureLimiter({ max, windowMs, maxKeys, now: () => now });
	return { l, advance: (ms: number) => (now += ms) };
}

describe('the sign-in failure limiter', () => {
	it('allows four failures, stops the fifth key attempt until the window has passed', () => {
		const { l, advance } = limiter();
		for (let i = 0; i < 4; i++) {
			expect(l.retryAfterMs('account:lan@example.org')).toBe(0);
			l.fail('account:lan@example.org');
			advance(MINUTE);
		}
		l.fail('account:lan@example.org');
		expect(l.retryAfterMs('account:lan@example.org')).toBe(11 * MINUTE);
		advance(11 * MINUTE - 1);
		expect(l.retryAfterMs('account:lan@example.org')).toBe(1);
		advance(1);
		expect(l.retryAfterMs('account:lan@example.org')).toBe(0);
	});

	it('counts each key alone', () => {
		const { l } = limiter(2);
		l.fail('address:10.0.0.1');
		l.fail('address:10.0.0.1');
		expect(l.retryAfterMs('address:10.0.0.1')).toBeGreaterThan(0);
		expect(l.retryAfterMs('address:10.0.0.2')).toBe(0);
	});

	it('clear forgives a key', () => {
		const { l } = limiter(1);
		l.fail('account:a@example.org');
		expect(l.retryAfterMs('account:a@example.org')).toBeGreaterThan(0);
		l.clear('account:a@example.org');
		expect(l.retryAfterMs('account:a@example.org')).toBe(0);
	});

	it('keeps memory bounded: the least recently failed keys go first', () => {
		const { l } = limiter(1, MINUTE, 3);
		for (const key of ['a', 'b', 'c', 'd']) l.fail(key);
		expect(l.size).toBe(3);
		expect(l.retryAfterMs('a')).toBe(0);
		expect(l.retryAfterMs('d')).toBeGreaterThan(0);
	});

	it('drops keys whose failures have all aged out', () => {
		const { l, advance } = limiter(5, MINUTE);
		l.fail('a');
		advance(MINUTE);
		expect(l.retryAfterMs('a')).toBe(0);
		expect(l.size).toBe(0);
	});
});
