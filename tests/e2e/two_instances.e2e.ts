import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../src/lib/server/db/test_engines';
import { startServer, type RunningServer } from './server';

const baseUrl = process.env.TEST_DATABASE_URL;
if (!baseUrl) {
	if (process.env.CI === 'true') {
		throw new Error('CI=true but TEST_DATABASE_URL is not set: the two-instance test cannot run');
	}
	console.log('two_instances.e2e: TEST_DATABASE_URL not set, skipped');
}

const scratch = mkdtempSync(join(tmpdir(), 'atlas-two-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `/healthz`'s dataset version and the incidents layer's text, as one instance serves them now. */
async function served(server: RunningServer): Promise<{ version: number; incidents: string }> {
	const health = await (await fetch(`${server.url}/healthz`)).json();
	const incidents = await (await fetch(`${server.url}/api/incidents.geojson`)).text();
	return { version: health.dataset_version, incidents };
}

describe.runIf(baseUrl)('two servers on one PostgreSQL database', () => {
	it('a change published through the store by db:import is served by both instances', async () => {
		const database = await freshDatabase(baseUrl!);
		const servers: RunningServer[] = [];
		try {
			const env = { DATABASE_URL: database.url };
			servers.push(await startServer({ env }));
			servers.push(await startServer({ env }));
			const before = await Promise.all(servers.map(served));
			expect(before[0].version).toBeGreaterThan(0);
			expect(before[1].version).toBe(before[0].version);

			const title = `Changed for the two-instance test ${Date.now()}`;
			const changed = join(scratch, 'geodata');
			cpSync('geodata', changed, { recursive: true });
			const file = join(changed, 'incidents.geojson');
			const incidents = JSON.parse(readFileSync(file, 'utf8'));
			incidents.features[0].properties.title.en = title;
			writeFileSync(file, JSON.stringify(incidents, null, '\t'));
			for (const server of servers) expect((await served(server)).incidents).not.toContain(title);

			const imported = spawnSync('npx', ['tsx', 'scripts/db_import.ts', changed], {
				env: { ...process.env, ...env },
				encoding: 'utf8'
			});
			expect(imported.status, imported.stderr).toBe(0);
			expect(imported.stdout).toContain('1 changed');

			const deadline = Date.now() + 10_000;
			const after = await Promise.all(
				servers.map(async (server) => {
					for (;;) {
						const now = await served(server);
						if (now.version > before[0].version && now.incidents.includes(title)) return now;
						if (Date.now() > deadline) return now;
						await new Promise((r) => setTimeout(r, 100));
					}
				})
			);
			for (const now of after) {
				expect(now.version).toBeGreaterThan(before[0].version);
				expect(now.incidents).toContain(title);
			}
			expect(after[1].version).toBe(after[0].version);
		} finally {
			for (const server of servers) await server.stop();
			await database.drop();
		}
	});
});
