/**
 * Counts failures per key (an account, a client address) in a sliding window and says how long a
 * key must wait once it has too many.
 *
 * In memory, per process, on purpose: it needs no table and no clean-up job, and a restart only
 * forgives. With several instances behind a load balancer each counts alone, so an attacker
 * spreading attempts gets `max × instances` tries per window; that bound still makes guessing a
 * 12-character password hopeless, but a deployment that wants one count should route `/signin`
 * to one instance (sticky) or replace this class with a table in the shared store.
 */
export class FailureLimiter {
	readonly max: number;
	readonly windowMs: number;
	readonly #maxKeys: number;
	readonly #now: () => number;
	/** Failure times per key, oldest first; insertion order lets the oldest keys go first. */
	readonly #failures = new Map<string, number[]>();

	constructor(options: { max: number; windowMs: number; maxKeys?: number; now?: () => number }) {
		this.max = options.max;
		this.windowMs = options.windowMs;
		this.#maxKeys = options.maxKeys ?? 50_000;
		this.#now = options.now ?? Date.now;
	}

	#recent(key: string): number[] {
		const since = this.#now() - this.windowMs;
		const times = (this.#failures.get(key) ?? []).filter((t) => t > since);
		if (times.length) this.#failures.set(key, times);
		else this.#failures.delete(key);
		return times;
	}

	/** Milliseconds until `key` may try again: 0 while it has fewer than `max` recent failures. */
	retryAfterMs(key: string): number {
		const times = this.#recent(key);
		if (times.length < this.max) return 0;
		return times[times.length - this.max] + this.windowMs - this.#now();
	}

	fail(key: string): void {
		const times = this.#recent(key);
		this.#failures.delete(key);
		this.#failures.set(key, [...times, this.#now()].slice(-this.max));
		while (this.#failures.size > this.#maxKeys) {
			this.#failures.delete(this.#failures.keys().next().value!);
		}
	}

	/** Forgets `key`'s failures (an account that signed in successfully). */
	clear(key: string): void {
		this.#failures.delete(key);
	}

	/** How many keys are tracked (memory stays bounded by `maxKeys`). */
	get size(): number {
		return this.#failures.size;
	}
}
