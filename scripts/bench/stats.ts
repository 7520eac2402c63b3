export interface Summary {
	median: number;
	p95: number;
	min: number;
	max: number;
	n: number;
}

/** Linear-interpolated percentile (p in [0, 100]) of a non-empty sample. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) throw new RangeError('percentile of an empty sample');
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (p / 100) * (sorted.length - 1);
	const lo = Math.floor(rank);
	const hi = Math.ceil(rank);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function summarize(values: readonly number[]): Summary {
	if (values.length === 0) throw new RangeError('summary of an empty sample');
	return {
		median: percentile(values, 50),
		p95: percentile(values, 95),
		min: Math.min(...values),
		max: Math.max(...values),
		n: values.length
	};
}
