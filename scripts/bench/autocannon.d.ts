// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
	interface Histogram {
		average: number;
		mean: number;
		stddev: number;
		min: number;
		max: number;
		p50: number;
		p90: number;
		p99: number;
	}
	interface Result {
		requests: Histogram;
		latency: Histogram;
		throughput: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
	}
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		/** Requests in turn; `setupRequest` may rewrite each one (its `path`) before it is sent. */
		requests?: {
			setupRequest?: (request: { path: string }) => { path: string };
		}[];
	}
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
}
