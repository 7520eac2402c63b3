import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DatasetError, loadDataset } from '../load';
import type { Db } from './db';
import { datasetVersion, readPublishedRows } from './records';
import { exportDir, importDir } from './snapshot';
import { extraLayerDir } from '../../../../tests/fixtures/dataset_reader';
import { engines } from './test_engines';

const scratch = mkdtempSync(join(tmpdir(), 'atlas-snapshot-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Each broken case is `valid-min` with its one defective file laid over it. */
function brokenCase(name: string): { dir: string; file: string } {
	const dir = mkdtempSync(join(scratch, `${name}-`));
	cpSync('tests/fixtures/valid-min', dir, { recursive: true });
	cpSync(`tests/fixtures/broken/${name}`, dir, { recursive: true });
	const [file] = readdirSync(`tests/fixtures/broken/${name}`, {
		recursive: true,
		withFileTypes: true
	})
		.filter((e) => e.isFile())
		.map((e) => e.name);
	return { dir, file };
}

describe.each(engines())('db:import and db:export on $name', { timeout: 60_000 }, (engine) => {
	let db: Db;
	let drop: () => Promise<void>;
	beforeAll(async () => {
		({ db, drop } = await engine.open());
	}, 120_000);
	afterAll(() => drop());
	beforeEach(() => db.exec('truncate heads, records, revisions'));

	it('export of a fresh import is the same dataset, and check:data accepts it', async () => {
		for (const source of ['tests/fixtures/valid-min', 'geodata', 'tests/fixtures/hostile']) {
			await db.exec('truncate heads, records, revisions');
			const report = await importDir(db, source);
			expect(report.created).toBeGreaterThan(0);
			const out = mkdtempSync(join(scratch, 'export-'));
			await exportDir(db, out);
			expect(loadDataset(out), source).toEqual(loadDataset(source));
		}
	});

	it('keeps each layer declaration through import and export, a fourth layer too', async () => {
		const source = extraLayerDir(mkdtempSync(join(scratch, 'extra-layer-')));
		await importDir(db, source);
		const out = mkdtempSync(join(scratch, 'export-'));
		await exportDir(db, out);
		expect(readdirSync(join(out, 'layers')).sort()).toEqual([
			'ceasefire-2020.geojson',
			'line-of-contact-1994-2020.geojson',
			'nkao-1923-1991.geojson',
			'test-extra-zone.geojson'
		]);
		const exported = loadDataset(out);
		expect(exported).toEqual(loadDataset(source));
		expect(exported.layers['test-extra-zone'].layer).toMatchObject({
			id: 'test-extra-zone',
			names: { en: '[test only] Extra zone' },
			valid_to: null,
			kind: 'area',
			style: 'historic-boundary',
			order: 4
		});
		const written = JSON.parse(readFileSync(join(out, 'layers/nkao-1923-1991.geojson'), 'utf8'));
		expect(written.layer).toEqual(
			JSON.parse(readFileSync('geodata/layers/nkao-1923-1991.geojson', 'utf8')).layer
		);
	});

	it('a second import of the same directory makes no revision', async () => {
		await importDir(db, 'tests/fixtures/valid-min');
		const version = await datasetVersion(db);
		const again = await importDir(db, 'tests/fixtures/valid-min');
		expect(again).toMatchObject({ created: 0, changed: 0, retracted: 0 });
		expect(await datasetVersion(db)).toBe(version);
	});

	it('refuses every broken fixture with file, entry and field, and leaves the database untouched', async () => {
		await importDir(db, 'tests/fixtures/valid-min');
		const version = await datasetVersion(db);
		const rows = await readPublishedRows(db);
		for (const name of readdirSync('tests/fixtures/broken')) {
			const { dir, file } = brokenCase(name);
			const error = await importDir(db, dir).catch((e) => e);
			expect(error, name).toBeInstanceOf(DatasetError);
			const lines = (error as DatasetError).errors;
			expect(lines.length, name).toBeGreaterThan(0);
			for (const line of lines) expect(line, name).toContain(file);
		}
		expect(await datasetVersion(db)).toBe(version);
		expect(await readPublishedRows(db)).toEqual(rows);
	});
});
