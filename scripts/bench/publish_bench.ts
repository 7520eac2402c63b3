import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshDatabase } from '../../src/lib/server/db/test_engines';
import type { Role } from '../../src/lib/server/auth/user';
import { addAccounts, jsonHeaders } from '../../tests/e2e/accounts';
import { newIncident } from '../../tests/e2e/editing_records';
import { startServer, type RunningServer } from '../../tests/e2e/server';
import type { Row } from './results';

/** The published source every benchmark incident cites, so publishing it publishes nothing else. */
const SOURCE = 'thoidai-2020-11-24';

/** What readers are served from: the read model (in-memory indexes), as the map and OGC read it. */
export const READER_PATH = (id: string) =>
	`/ogc/collections/incidents/items/${encodeURIComponent(id)}`;

/** `user:add` and `token:add` open the database in a process of their own: slow on a busy machine. */
const ACCOUNT_TIMEOUT_MS = 600_000;

/** The environment variable naming the PostgreSQL server for the two-instance run. */
export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
	return env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || null;
}

export interface PublishBenchOptions {
	/** The build to serve. */
	buildDir: string;
	/** Publications per engine (each a new incident, created and submitted untimed first). */
	publishes: number;
	/** A PostgreSQL server to create a scratch database on; `null` skips that engine. */
	databaseUrl: string | null;
	log?: (line: string) => void;
}

async function call(server: RunningServer, path: string, token: string, body: unknown) {
	const r = await fetch(server.url + path, {
		method: 'POST',
		headers: jsonHeaders(token),
		body: JSON.stringify(body)
	});
	const text = await r.text();
	if (r.status >= 300) throw new Error(`POST ${path}: ${r.status} ${text.slice(0, 300)}`);
	return JSON.parse(text) as { id: string };
}

/** Polls `path` on `server` as an anonymous reader until it answers 200; gives up after 30 s. */
async function until200(server: RunningServer, path: string): Promise<void> {
	const deadline = performance.now() + 30_000;
	for (;;) {
		const r = await fetch(server.url + path);
		await r.arrayBuffer();
		if (r.status === 200) return;
		if (r.status !== 404) throw new Error(`GET ${path}: ${r.status} while waiting for it`);
		if (performance.now() > deadline) throw new Error(`GET ${path}: still 404 after 30 s`);
	}
}

/**
 * `publishes` times: an editor creates an incident and submits it (not timed); then the clock
 * starts, the reviewer publishes it through the API on `writer`, and an anonymous reader polls the
 * incident on `reader` (back to back, no sleep) until it is served. Returns the publish call's
 * own time and the time until readers are served, in ms.
 */
async function measure(
	writer: RunningServer,
	reader: RunningServer,
	tokens: Record<Role, string>,
	publishes: number,
	tag: string
): Promise<{ call: number[]; served: number[] }> {
	const callMs: number[] = [];
	const servedMs: number[] = [];
	for (let i = 0; i < publishes; i++) {
		const { id } = await call(
			writer,
			'/api/incidents',
			tokens.editor,
			newIncident(`bench ${tag} ${i}`, { sources: [SOURCE] })
		);
		await call(writer, `/api/incidents/${id}/status`, tokens.editor, { status: 'in_review' });
		const before = await fetch(reader.url + READER_PATH(id));
		await before.arrayBuffer();
		if (before.status !== 404) throw new Error(`${id} is served before it is published`);
		const start = performance.now();
		await call(writer, `/api/incidents/${id}/status`, tokens.reviewer, { status: 'published' });
		callMs.push(performance.now() - start);
		await until200(reader, READER_PATH(id));
		servedMs.push(performance.now() - start);
	}
	return { call: callMs, served: servedMs };
}

function rows(engine: string, result: { call: number[]; served: number[] }, note: string): Row[] {
	return [
		{
			size: engine,
			part: 'publish',
			metric: 'publish API call (POST …/status published)',
			unit: 'ms',
			values: result.call,
			note
		},
		{
			size: engine,
			part: 'publish',
			metric: 'publish → served to readers',
			unit: 'ms',
			values: result.served,
			note
		}
	];
}

/**
 * Publish through the API → change served to readers, on the embedded PGlite database (one
 * server: it publishes and serves) and on PostgreSQL (two servers on one scratch database:
 * publish on A, poll B, which learns of the change by LISTEN/NOTIFY).
 */
export async function benchPublish(
	options: PublishBenchOptions
): Promise<{ rows: Row[]; notes: string[] }> {
	const log = options.log ?? (() => {});
	const out: Row[] = [];
	const notes: string[] = [];

	const dataDir = mkdtempSync(join(tmpdir(), 'atlas-bench-publish-'));
	try {
		log('publish part, PGlite: adding accounts');
		const tokens = addAccounts({ DATA_DIR: dataDir }, ACCOUNT_TIMEOUT_MS);
		const server = await startServer({
			buildDir: options.buildDir,
			geodataDir: resolve('geodata'),
			env: { DATA_DIR: dataDir }
		});
		try {
			log(`publish part, PGlite: ${options.publishes} publications`);
			const result = await measure(server, server, tokens, options.publishes, 'pglite');
			out.push(...rows('PGlite (one server)', result, 'publish and read on the same server'));
		} finally {
			await server.stop();
		}
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}

	if (!options.databaseUrl) {
		const reason = 'skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server';
		log(`publish part, PostgreSQL: ${reason}`);
		out.push({
			size: 'PostgreSQL (two servers)',
			part: 'publish',
			metric: 'publish → served to readers',
			unit: 'ms',
			values: null,
			note: reason
		});
		notes.push(`publish on PostgreSQL ${reason}`);
		return { rows: out, notes };
	}
	const database = await freshDatabase(options.databaseUrl);
	const servers: RunningServer[] = [];
	try {
		log('publish part, PostgreSQL: adding accounts, starting two servers');
		const tokens = addAccounts({ DATABASE_URL: database.url }, ACCOUNT_TIMEOUT_MS);
		const env = { DATABASE_URL: database.url };
		servers.push(await startServer({ buildDir: options.buildDir, env }));
		servers.push(await startServer({ buildDir: options.buildDir, env }));
		log(`publish part, PostgreSQL: ${options.publishes} publications`);
		const result = await measure(servers[0], servers[1], tokens, options.publishes, 'postgres');
		out.push(...rows('PostgreSQL (two servers)', result, 'publish on server A, read on server B'));
	} finally {
		for (const server of servers) await server.stop();
		await database.drop();
	}
	return { rows: out, notes };
}
