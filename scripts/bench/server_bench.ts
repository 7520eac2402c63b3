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
/** The shared incident page's target (issue 16: ≥ 1,000 requests/s) is set at 64 connections. */
export const PAGE_CONNECTIONS = 64;

interface Target {
	path: string;
	connections: number;
	/** How the rows name it. */
	label: string;
	/** Every request gets a query string of its own, so the page cache never answers. */
	fresh?: boolean;
}

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

async function load(
	url: string,
	connections: number,
	duration: number,
	fresh = false
): Promise<LoadResult> {
	let n = 0;
	const requests = fresh
		? [
				{
					setupRequest: (request: { path: string }) => ({
						...request,
						path: `${new URL(url).pathname}?n=${++n}`
					})
				}
			]
		: undefined;
	const result = await autocannon({ url, connections, duration, requests });
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

/** The incident page of the dataset's first incident (as the OGC API lists them), or why not. */
async function incidentPage(origin: string): Promise<string | { reason: string }> {
	try {
		const response = await fetch(`${origin}/ogc/collections/incidents/items?limit=1`);
		const id = ((await response.json()) as { features?: { id?: string }[] }).features?.[0]?.id;
		return id ? `/incidents/${encodeURIComponent(id)}` : { reason: 'no incident listed' };
	} catch (error) {
		return { reason: `no incident id: ${error instanceof Error ? error.message : String(error)}` };
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
		const candidates: Target[] = SERVER_TARGETS.map((path) => ({
			path,
			connections,
			label: path
		}));
		const page = await incidentPage(server.url);
		if (typeof page === 'string') {
			const label = `${page} (${PAGE_CONNECTIONS} connections)`;
			candidates.push(
				{ path: page, connections: PAGE_CONNECTIONS, label },
				{
					path: page,
					connections: PAGE_CONNECTIONS,
					label: `${page}?n=<a new number each request> (${PAGE_CONNECTIONS} connections, never cached: rendered every time)`,
					fresh: true
				}
			);
		}
		const targets: Target[] = [];
		for (const target of candidates) {
			const reason = await probe(server.url + target.path);
			if (reason) {
				for (const what of ['requests/s', 'p99 latency']) {
					rows.push({
						size,
						part: 'server',
						metric: `GET ${target.label} ${what}`,
						unit: what === 'requests/s' ? 'req/s' : 'ms',
						values: null,
						note: reason
					});
				}
			} else {
				targets.push(target);
			}
		}
		if (typeof page !== 'string') {
			rows.push({
				size,
				part: 'server',
				metric: 'GET /incidents/<id> requests/s',
				unit: 'req/s',
				values: null,
				note: page.reason
			});
		}
		if (targets.length === 0) {
			targets.push({ path: FALLBACK_TARGET, connections, label: FALLBACK_TARGET });
		}
		const loadedRss: number[] = [];
		for (const { path, label, fresh, connections } of targets) {
			const url = server.url + path;
			log(`server ${size}: ${label}: warm-up ${Math.min(3, duration)} s`);
			await load(url, connections, Math.min(3, duration), fresh);
			const rps: number[] = [];
			const p99: number[] = [];
			const failures = { non2xx: 0, errors: 0, timeouts: 0 };
			for (let run = 1; run <= runs; run++) {
				const result = await load(url, connections, duration, fresh);
				rps.push(result.requestsPerSecond);
				p99.push(result.p99);
				failures.non2xx += result.non2xx;
				failures.errors += result.errors;
				failures.timeouts += result.timeouts;
				loadedRss.push(readProcessMemory(server.pid).rssMiB);
				log(
					`server ${size}: ${label}: run ${run}/${runs}: ${Math.round(result.requestsPerSecond)} req/s, ` +
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
					metric: `GET ${label} requests/s`,
					unit: 'req/s',
					values: rps,
					note
				},
				{ size, part: 'server', metric: `GET ${label} p99 latency`, unit: 'ms', values: p99, note }
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
