import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_CHECK_CASES } from '../tests/fixtures/data_check_cases';
import { brokenCaseDir, extraLayerDir, fixtureDir } from '../tests/fixtures/dataset_reader';

const checkData = (dir: string) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check_data.ts', dir], {
		encoding: 'utf8'
	});

describe('check:data CLI', () => {
	const scratch = mkdtempSync(join(tmpdir(), 'check-data-'));
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));

	it('exits 0 and summarises a valid dataset', { timeout: 30_000 }, () => {
		const run = checkData(fixtureDir('valid-min'));
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/OK — 1 incidents, 2 statements, 2 sources, 3 places/);
	});

	it(
		'accepts a fourth layer that no code knows of (tests/fixtures/extra-layer)',
		{ timeout: 30_000 },
		() => {
			const dir = extraLayerDir(join(scratch, 'extra-layer'));
			const run = checkData(dir);
			expect(run.stderr).toBe('');
			expect(run.status).toBe(0);
			expect(run.stdout).toMatch(/: OK — /);
		}
	);

	it(
		'exits 1 and prints one line per error, naming file, entry and field',
		{ timeout: 30_000 },
		() => {
			const dir = join(scratch, 'javascript-url');
			cpSync(fixtureDir('valid-min'), dir, { recursive: true });
			cpSync(fixtureDir('broken/javascript-url'), dir, { recursive: true });
			const run = checkData(dir);
			expect(run.status).toBe(1);
			expect(run.stderr).toContain(
				`${dir}/sources.json: [1] (meduza-2020-11-23): url must be an http(s) URL\n`
			);
			expect(run.stderr).toContain('check:data: 1 error(s)');
		}
	);

	it.each(Object.entries(DATA_CHECK_CASES))(
		'refuses broken/%s, naming file, entry and field',
		{ timeout: 30_000 },
		(name, line) => {
			const dir = brokenCaseDir(name, join(scratch, name));
			const run = checkData(dir);
			expect(run.status).toBe(1);
			expect(run.stderr).toContain(`${dir}/${line}\n`);
			expect(run.stderr).toContain('check:data: 1 error(s)');
		}
	);
});
