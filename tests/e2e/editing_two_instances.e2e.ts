import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../src/lib/server/db/test_engines';
import type { Role } from '../../src/lib/server/auth/user';
import { addAccounts, jsonHeaders } from './accounts';
import { newIncident } from './editing_records';
import { startServer, type RunningServer } from './server';

const baseUrl = process.env.TEST_DATABASE_URL;
if (!baseUrl) {
	if (process.env.CI === 'true') {
		throw new Error('CI=true but TEST_DATABASE_URL is not set: the two-instance test cannot run');
	}
	console.log('editing_two_instances.e2e: TEST_DATABASE_URL not set, skipped');
}

/** The incident ids `server` exports now. */
async function exported(server: RunningServer): Promise<string[]> {
	const fc = await (await fetch(`${server.url}/api/incidents.geojson`)).json();
	return (fc.features as { id: string }[]).map((f) => f.id);
}

/** Waits (up to 10 s) until `server` does or does not export `id`; the final answer. */
async function settle(server: RunningServer, id: string, present: boolean): Promise<boolean> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const has = (await exported(server)).includes(id);
		if (has === present || Date.now() > deadline) return has;
		await new Promise((r) => setTimeout(r, 100));
	}
}

describe.runIf(baseUrl)('the editing API with two servers on one PostgreSQL database', () => {
	let database: { url: string; drop: () => Promise<void> };
	let tokens: Record<Role, string>;
	const servers: RunningServer[] = [];
	beforeAll(async () => {
		database = await freshDatabase(baseUrl!);
		tokens = addAccounts({ DATABASE_URL: database.url });
		const env = { DATABASE_URL: database.url, BODY_SIZE_LIMIT: '1M' };
		servers.push(await startServer({ env }), await startServer({ env }));
	}, 300_000);
	afterAll(async () => {
		for (const server of servers) await server.stop();
		await database?.drop();
	});

	const call = async (server: RunningServer, path: string, body: unknown, role: Role) => {
		const r = await fetch(server.url + path, {
			method: 'POST',
			headers: jsonHeaders(tokens[role]),
			body: JSON.stringify(body)
		});
		expect(r.status, await r.clone().text()).toBeLessThan(300);
		return r.json();
	};

	it('a publication through one server is served at once by it and soon by the other; so is a retraction', async () => {
		const [a, b] = servers;
		const { id } = await call(
			a,
			'/api/incidents',
			newIncident('two servers', { sources: ['thoidai-2020-11-24'] }),
			'editor'
		);
		await call(a, `/api/incidents/${id}/status`, { status: 'in_review' }, 'editor');
		expect(await exported(b)).not.toContain(id);
		await call(a, `/api/incidents/${id}/status`, { status: 'published' }, 'reviewer');
		expect(await exported(a)).toContain(id);
		expect(await settle(b, id, true)).toBe(true);

		await call(
			b,
			`/api/incidents/${id}/status`,
			{ status: 'retracted', reason: 'test' },
			'reviewer'
		);
		expect(await exported(b)).not.toContain(id);
		expect(await settle(a, id, false)).toBe(false);
	});
});
