import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/lib/server/db/store';
import { freePort, startServer, startServerExpectingFailure } from './server';

const scratch = mkdtempSync(join(tmpdir(), 'atlas-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function geodataWithVersion(label: string): string {
	const dir = mkdtempSync(join(scratch, 'geodata-'));
	cpSync('geodata', dir, { recursive: true });
	const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
	writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, version: label }));
	return dir;
}

describe('the embedded store behind the server', () => {
	it('seeds an empty DATA_DIR once; a restart serves the database, not GEODATA_DIR again, and refuses a stored record that does not validate, naming it', async () => {
		const dataDir = mkdtempSync(join(scratch, 'data-'));
		const first = await startServer({ env: { DATA_DIR: dataDir } });
		let seededVersion: number;
		try {
			const health = await (await fetch(`${first.url}/healthz`)).json();
			expect(health.version).toBe('1.0.0');
			expect(health.dataset_version).toBeGreaterThan(0);
			seededVersion = health.dataset_version;
		} finally {
			await first.stop();
		}
		const second = await startServer({
			geodataDir: geodataWithVersion('2.0.0-not-seeded'),
			env: { DATA_DIR: dataDir }
		});
		try {
			const health = await (await fetch(`${second.url}/healthz`)).json();
			expect(health.version).toBe('1.0.0');
			expect(health.dataset_version).toBe(seededVersion);
		} finally {
			await second.stop();
		}
		// A published record changed under the server's feet (not through the store) is refused at
		// the next start with the line check:data would print for it.
		const store = await openStore({ DATA_DIR: dataDir });
		let id: string;
		try {
			const [row] = await store.db.query<{ id: string; body: { properties: { date: string } } }>(
				`select h.id, r.body from heads h join records r
				   on r.kind = h.kind and r.id = h.id and r.version = h.published_version
				 where h.kind = 'incident' and h.position = 0`
			);
			id = row.id;
			row.body.properties.date = '2021-02-29';
			await store.db.query(
				`update records set body = $1::text::json
				 where kind = 'incident' and id = $2 and status = 'published'`,
				[JSON.stringify(row.body), id]
			);
		} finally {
			await store.close();
		}
		const { code, output } = await startServerExpectingFailure('geodata', { DATA_DIR: dataDir });
		expect(code).toBe(1);
		expect(output).toContain(
			`database:incidents.geojson: features[0] (${id}): date is not a real calendar date`
		);
		expect(output).toContain('refusing to start with an invalid dataset');
	});

	it('refuses to start on a seeded DATA_DIR when the basemap it serves from files is broken', async () => {
		const dataDir = mkdtempSync(join(scratch, 'data-'));
		const geodata = geodataWithVersion('1.0.0');
		const first = await startServer({ geodataDir: geodata, env: { DATA_DIR: dataDir } });
		await first.stop();
		const countries = join(geodata, 'basemap', 'countries.geojson');
		writeFileSync(countries, readFileSync(countries, 'utf8').slice(0, 500));
		const { code, output } = await startServerExpectingFailure(geodata, { DATA_DIR: dataDir });
		expect(code).toBe(1);
		expect(output).toContain('basemap/countries.geojson');
	});

	it('a second process on the same DATA_DIR exits 1 with one line naming the holder', async () => {
		const dataDir = mkdtempSync(join(scratch, 'data-'));
		const server = await startServer({ env: { DATA_DIR: dataDir } });
		try {
			const { code, output } = await startServerExpectingFailure('geodata', { DATA_DIR: dataDir });
			expect(code).toBe(1);
			expect(output.trim()).toBe(
				`DATA_DIR is in use by process ${server.pid}: stop the server or use DATABASE_URL`
			);
		} finally {
			await server.stop();
		}
	});

	it('starts again after kill -9, taking over the stale lock, with the data intact', async () => {
		const dataDir = mkdtempSync(join(scratch, 'data-'));
		const port = await freePort();
		const child = spawn(process.execPath, [resolve('build/index.js')], {
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				GEODATA_DIR: resolve('geodata'),
				DATA_DIR: dataDir
			},
			stdio: 'ignore'
		});
		const exited = new Promise((r) => child.once('exit', r));
		let before: unknown;
		for (let i = 0; i < 300 && !before; i++) {
			try {
				before = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
			} catch {
				await new Promise((r) => setTimeout(r, 100));
			}
		}
		expect(before).toBeTruthy();
		child.kill('SIGKILL');
		await exited;
		const again = await startServer({ env: { DATA_DIR: dataDir } });
		try {
			expect(await (await fetch(`${again.url}/healthz`)).json()).toEqual(before);
		} finally {
			await again.stop();
		}
	});

	it('an unreachable DATABASE_URL is one clear line and exit code 1', async () => {
		const port = await freePort();
		const { code, output } = await startServerExpectingFailure('geodata', {
			DATABASE_URL: `postgres://atlas:secret@127.0.0.1:${port}/atlas`
		});
		expect(code).toBe(1);
		const lines = output.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^cannot connect to DATABASE_URL postgres:\/\/atlas:\*\*\*@127\.0\.0\.1/
		);
		expect(output).not.toContain('secret');
	});
});

describe('revisions over HTTP', () => {
	it('lists published revisions after N, 400 for a bad since, and an incident history or 404', async () => {
		const server = await startServer();
		try {
			const health = await (await fetch(`${server.url}/healthz`)).json();
			const all = await fetch(`${server.url}/api/revisions?since=0`);
			expect(all.status).toBe(200);
			expect(all.headers.get('x-dataset-version')).toBe(String(health.dataset_version));
			const body = await all.json();
			expect(body.revisions.length).toBe(health.dataset_version);
			expect(body.revisions.every((r: { status: string }) => r.status === 'published')).toBe(true);
			expect(body.revisions[0]).toMatchObject({ revision: 1, author: 'system:seed', version: 1 });
			const later = await (
				await fetch(`${server.url}/api/revisions?since=${health.dataset_version - 2}`)
			).json();
			expect(later.revisions.map((r: { revision: number }) => r.revision)).toEqual([
				health.dataset_version - 1,
				health.dataset_version
			]);
			for (const bad of ['-1', 'abc', '1.5']) {
				const res = await fetch(`${server.url}/api/revisions?since=${bad}`);
				expect(res.status, bad).toBe(400);
				expect((await res.json()).description).toMatch(/since/);
			}
			const incident = body.revisions.find((r: { kind: string }) => r.kind === 'incident');
			const history = await fetch(`${server.url}/api/incidents/${incident.id}/history`);
			expect(history.status).toBe(200);
			const versions = (await history.json()).versions;
			expect(versions).toHaveLength(1);
			expect(versions[0].body.properties.id).toBe(incident.id);
			const missing = await fetch(`${server.url}/api/incidents/no-such-incident/history`);
			expect(missing.status).toBe(404);
			expect((await missing.json()).code).toBe('NotFound');
			for (const file of [
				'incidents.geojson',
				'incidents.csv',
				'incidents.kml',
				'statements.json'
			]) {
				const res = await fetch(`${server.url}/api/${file}`);
				expect(res.headers.get('x-dataset-version'), file).toBe(String(health.dataset_version));
			}
		} finally {
			await server.stop();
		}
	});
});
