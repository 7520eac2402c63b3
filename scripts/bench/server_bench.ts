import autocannon from 'autocannon';
import { startServer } from '../../tests/e2e/server';
import { readProcessMemory } from './proc_status';
import type { Row } from './results';

export const SERVER_TARGETS = [
	'/ogc/collections/incidents/items?limit=10',
	'/ogc/collections/incidents/items?limit=1000&bbox=46.5,39.5,47.2,40.5'
];
/** Benchmarked instead when no OGC endpoint answers yet, so the machinery itself is exercised. */
export const FALLBACK_TARGET = '/healthz';

export interface ServerBenchOptions {
	size: string;
	geodataDir: string;
	/** The build to serve (default `build/`). */
	buildDir?: string;
	runs: number;
	/** Seconds per run. */
	duration: number;
	connections: number;
	log?: (line: string) => void;
}

interface LoadResult {
	requestsPerSecond: number;
	p99: number;
	non2xx: number;
	errors: number;
	/** Requests without an answer within autocannon's 10 s timeout. */
	timeouts: number;
}

async function load(url: string, connections: number, duration: number): Promise<LoadResult> {
	const result = await autocannon({ url, connections, duration });
	return {
		requestsPerSecond: result.requests.average,
		p99: result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts
	};
}

/** Why a target cannot be benchmarked (`null` if it answers 200). */
async function probe(url: string): Promise<string | null> {
	try {
		const response = await fetch(url);
		await response.arrayBuffer();
		return response.ok ? null : `HTTP ${response.status} at probe (endpoint not there yet?)`;
	} catch (error) {
		return `request failed: ${error instanceof Error ? error.message : String(error)}`;
	}
}

/**
 * Starts the built server on `geodataDir`, loads each endpoint with autocannon `runs` times
 * (after a short warm-up that is not counted) and reads the server's resident memory.
 */
export async function benchServer(options: ServerBenchOptions): Promise<Row[]> {
	const { size, runs, duration, connections } = options;
	const log = options.log ?? (() => {});
	const rows: Row[] = [];
	const server = await startServer({ geodataDir: options.geodataDir, buildDir: options.buildDir });
	try {
		const idle = readProcessMemory(server.pid);
		rows.push({
			size,
			part: 'server',
			metric: 'server RSS after start (VmRSS)',
			unit: 'MiB',
			values: [idle.rssMiB]
		});
		const targets: string[] = [];
		for (const path of SERVER_TARGETS) {
			const reason = await probe(server.url + path);
			if (reason) {
				for (const what of ['requests/s', 'p99 latency']) {
					rows.push({
						size,
						part: 'server',
						metric: `GET ${path} ${what}`,
						unit: what === 'requests/s' ? 'req/s' : 'ms',
						values: null,
						note: reason
					});
				}
			} else {
				targets.push(path);
			}
		}
		if (targets.length === 0) targets.push(FALLBACK_TARGET);
		const loadedRss: number[] = [];
		for (const path of targets) {
			const url = server.url + path;
			log(`server ${size}: ${path}: warm-up ${Math.min(3, duration)} s`);
			await load(url, connections, Math.min(3, duration));
			const rps: number[] = [];
			const p99: number[] = [];
			const failures = { non2xx: 0, errors: 0, timeouts: 0 };
			for (let run = 1; run <= runs; run++) {
				const result = await load(url, connections, duration);
				rps.push(result.requestsPerSecond);
				p99.push(result.p99);
				failures.non2xx += result.non2xx;
				failures.errors += result.errors;
				failures.timeouts += result.timeouts;
				loadedRss.push(readProcessMemory(server.pid).rssMiB);
				log(
					`server ${size}: ${path}: run ${run}/${runs}: ${Math.round(result.requestsPerSecond)} req/s, ` +
						`p99 ${result.p99} ms, ${result.non2xx} non-2xx, ${result.errors} errors (${result.timeouts} timeouts)`
				);
			}
			const note = [
				path === FALLBACK_TARGET ? 'fallback: no OGC endpoint answered' : '',
				failures.non2xx > 0 ? `${failures.non2xx} non-2xx answers` : '',
				failures.errors > 0
					? `${failures.errors} errors, of which ${failures.timeouts} timeouts (no answer in 10 s)`
					: ''
			]
				.filter(Boolean)
				.join('; ');
			rows.push(
				{
					size,
					part: 'server',
					metric: `GET ${path} requests/s`,
					unit: 'req/s',
					values: rps,
					note
				},
				{ size, part: 'server', metric: `GET ${path} p99 latency`, unit: 'ms', values: p99, note }
			);
		}
		rows.push(
			{
				size,
				part: 'server',
				metric: 'server RSS after each load run (VmRSS)',
				unit: 'MiB',
				values: loadedRss
			},
			{
				size,
				part: 'server',
				metric: 'server peak RSS (VmHWM)',
				unit: 'MiB',
				values: [readProcessMemory(server.pid).peakRssMiB]
			}
		);
	} finally {
		await server.stop();
	}
	return rows;
}
