import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_CHECK_CASES } from '../fixtures/data_check_cases';
import { brokenCaseDir } from '../fixtures/dataset_reader';
import { freePort, startServer, startServerExpectingFailure } from './server';

const scratch = mkdtempSync(join(tmpdir(), 'atlas-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the shipped dataset with one file's text replaced. */
function datasetWith(file: string, edit: (text: string) => string): string {
	const dir = mkdtempSync(join(scratch, 'geodata-'));
	cpSync('geodata', dir, { recursive: true });
	writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
	return dir;
}

describe('server start', () => {
	it('serves the dashboard and the dataset read from GEODATA_DIR', async () => {
		const server = await startServer();
		try {
			const health = await (await fetch(`${server.url}/healthz`)).json();
			expect(health.ok).toBe(true);
			const dataset = await (await fetch(`${server.url}/data/dataset.json`)).json();
			expect(health.incidents).toBe(dataset.incidents.features.length);
			const page = await fetch(server.url + '/');
			expect(page.status).toBe(200);
			expect(page.headers.get('content-type')).toMatch(/text\/html/);
		} finally {
			await server.stop();
		}
	});

	it('swaps data without a rebuild: another GEODATA_DIR is what gets served', async () => {
		const dir = datasetWith('meta.json', (text) =>
			JSON.stringify({ ...JSON.parse(text), version: '9.9.9-swapped' })
		);
		const server = await startServer({ geodataDir: dir });
		try {
			const health = await (await fetch(`${server.url}/healthz`)).json();
			expect(health.version).toBe('9.9.9-swapped');
		} finally {
			await server.stop();
		}
	});

	it('refuses to start on a file that is not valid JSON, naming the file, line and column', async () => {
		const dir = datasetWith('sources.json', (text) => text.replace('"publisher"', '"publisher" "'));
		const { code, output } = await startServerExpectingFailure(dir);
		expect(code).toBe(1);
		expect(output).toMatch(/sources\.json: invalid JSON at line \d+, column \d+/);
		expect(output).toMatch(/refusing to start/);
	});

	it('refuses to start on a dataset that fails validation', async () => {
		const dir = datasetWith('incidents.geojson', (text) => {
			const fc = JSON.parse(text);
			fc.features[0].properties.source_ids = ['no-such-source'];
			return JSON.stringify(fc);
		});
		const { code, output } = await startServerExpectingFailure(dir);
		expect(code).toBe(1);
		expect(output).toMatch(/incidents\.geojson: features\[0\].*no-such-source/);
	});

	it('refuses to start on a truncated basemap file, naming it (it used to start and answer 500)', async () => {
		const dir = datasetWith('basemap/countries.geojson', (text) => text.slice(0, 4000));
		const { code, output } = await startServerExpectingFailure(dir);
		expect(code).toBe(1);
		expect(output).toContain(`${dir}/basemap/countries.geojson: invalid JSON at line 2, column`);
		expect(output).toMatch(/refusing to start/);
	});

	it.each(Object.entries(DATA_CHECK_CASES))(
		'refuses to start on broken/%s, naming file, entry and field',
		async (name, line) => {
			const dir = brokenCaseDir(name, mkdtempSync(join(scratch, `${name}-`)));
			const { code, output } = await startServerExpectingFailure(dir);
			expect(code).toBe(1);
			expect(output).toContain(`${dir}/${line}\n`);
			expect(output).toMatch(/refusing to start/);
		}
	);

	it('`npm start` (scripts/start.js) respects PORT and HOST', async () => {
		const port = await freePort();
		const child = spawn(process.execPath, ['scripts/start.js'], {
			env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		try {
			let answered = false;
			for (let i = 0; i < 300 && !answered && child.exitCode === null; i++) {
				try {
					answered = (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
				} catch {
					await new Promise((r) => setTimeout(r, 100));
				}
			}
			expect(answered, output).toBe(true);
			expect(output).toContain(`http://127.0.0.1:${port}`);
		} finally {
			child.kill('SIGTERM');
		}
	});
});
