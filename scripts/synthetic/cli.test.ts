import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/server/load';

const TSX = resolve('node_modules/.bin/tsx');
const out = mkdtempSync(join(tmpdir(), 'synthetic-cli-'));

function cli(...args: string[]) {
	return spawnSync(TSX, ['scripts/synthetic.ts', ...args], { encoding: 'utf8' });
}

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run geodata:synthetic', () => {
	it('writes a dataset directory that the server would load', () => {
		const result = cli('--count', '50', '--out', out, '--seed', '3');
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const dataset = loadDataset(out);
		expect(dataset.incidents.features).toHaveLength(50);
		expect(dataset.meta.synthetic).toBe(true);
		expect(readFileSync(join(out, 'incidents.geojson'), 'utf8')).not.toContain('\n');
	}, 60_000);

	it('copies the real layers and basemap when geodata/ has them, and says which in meta', () => {
		const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'));
		if (existsSync('geodata/layers/nkao-1923-1991.geojson')) {
			expect(meta.attribution).toMatch(/copied from the real dataset/);
			expect(JSON.parse(readFileSync(join(out, 'layers/nkao-1923-1991.geojson'), 'utf8'))).toEqual(
				JSON.parse(readFileSync('geodata/layers/nkao-1923-1991.geojson', 'utf8'))
			);
		} else {
			expect(meta.attribution).toMatch(/placeholder/);
		}
		if (existsSync('geodata/basemap')) {
			expect(readdirSync(join(out, 'basemap')).sort()).toEqual(
				readdirSync('geodata/basemap').sort()
			);
		}
	});

	it('refuses to write into geodata/', () => {
		const result = cli('--count', '5', '--out', 'geodata/synthetic-test');
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/--out must not be geodata\/ or inside it/);
		expect(existsSync('geodata/synthetic-test')).toBe(false);
	}, 60_000);

	it('names a bad flag', () => {
		const result = cli('--count', 'many', '--out', out);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/--count must be an integer/);
	}, 60_000);
});
