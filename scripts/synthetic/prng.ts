/** A function returning uniformly distributed numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a tiny 32-bit PRNG, good enough for test data and identical on every platform,
 * so the same seed always yields the same dataset.
 */
export function mulberry32(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An integer in [min, max], both inclusive. */
export function randomInt(random: Random, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)];
}

/** Picks a key with probability proportional to its weight. */
export function pickWeighted<T extends string | number>(
	random: Random,
	weights: ReadonlyArray<readonly [T, number]>
): T {
	const total = weights.reduce((sum, [, w]) => sum + w, 0);
	let r = random() * total;
	for (const [item, w] of weights) {
		r -= w;
		if (r < 0) return item;
	}
	return weights[weights.length - 1][0];
}
