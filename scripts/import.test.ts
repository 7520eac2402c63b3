import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../src/lib/server/db/lock';
import { draftKeys } from '../src/lib/server/db/import_drafts';
import { fullHistory } from '../src/lib/server/db/records';
import { importDir } from '../src/lib/server/db/snapshot';
import { openStore } from '../src/lib/server/db/store';
import { freshDatabase } from '../src/lib/server/db/test_engines';
import { IMPORT_V8_FLAGS, parseImportArgs } from './import_cli';

const scratch = mkdtempSync(join(tmpdir(), 'atlas-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Env = Record<string, string>;

/** Runs the real command, as `npm run import -- …` does. */
function runImport(env: Env, ...args: string[]) {
	const { DATABASE_URL: _drop, ...base } = process.env;
	void _drop;
	const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
		encoding: 'utf8',
		env: { ...base, ...env },
		timeout: 120_000
	});
	const lines = cli.stdout.trim().split('\n');
	return {
		status: cli.status,
		stdout: cli.stdout,
		stderr: cli.stderr,
		last: lines[lines.length - 1]
	};
}

type StoreDb = Awaited<ReturnType<typeof openStore>>['db'];

async function withStore<T>(env: Env, fn: (db: StoreDb) => Promise<T>): Promise<T> {
	const store = await openStore(env);
	try {
		return await fn(store.db);
	} finally {
		await store.close();
	}
}

const draftsOf = (env: Env) => withStore(env, (db) => draftKeys(db));

const places: { name: string; env: () => Promise<{ env: Env; drop: () => Promise<void> }> }[] = [
	{
		name: 'DATA_DIR (PGlite)',
		env: async () => {
			const dir = mkdtempSync(join(scratch, 'data-'));
			return { env: { DATA_DIR: dir }, drop: async () => {} };
		}
	}
];
if (process.env.TEST_DATABASE_URL) {
	const baseUrl = process.env.TEST_DATABASE_URL;
	places.push({
		name: 'DATABASE_URL (PostgreSQL)',
		env: async () => {
			const fresh = await freshDatabase(baseUrl);
			return {
				env: { DATABASE_URL: fresh.url, DATA_DIR: join(scratch, 'unused') },
				drop: fresh.drop
			};
		}
	});
}

describe.each(places)('npm run import on $name', { timeout: 180_000 }, (place) => {
	let env: Env;
	let drop: () => Promise<void>;
	beforeAll(async () => {
		({ env, drop } = await place.env());
		await withStore(env, (db) => importDir(db, 'tests/fixtures/valid-min'));
	}, 120_000);
	afterAll(() => drop());

	it('refuses a file with invalid rows, the JSON report on the last line, and writes nothing', async () => {
		const run = runImport(
			env,
			'tests/fixtures/import/acled-broken.csv',
			'--format',
			'acled',
			'--json'
		);
		expect(run.status).toBe(1);
		const report = JSON.parse(run.last);
		expect(report).toMatchObject({
			format: 'acled',
			rows: 5,
			new: 3,
			updated: 0,
			unchanged: 0,
			invalid: 2,
			duplicates: [],
			written: false
		});
		expect(report.rejected).toContainEqual({
			row: 5,
			column: 'fatalities',
			reason: '"several" is not a count (a whole number, 0 or more)'
		});
		expect(await draftsOf(env)).toEqual([]);
	});

	it('imports a clean file as drafts by cli:import, then finds it unchanged', async () => {
		const first = runImport(env, 'tests/fixtures/import/acled.csv', '--format', 'acled', '--json');
		expect(first.status).toBe(0);
		expect(JSON.parse(first.last)).toMatchObject({ new: 3, written: true });
		const history = await withStore(env, (db) => fullHistory(db, 'incident', 'acled-aze90001'));
		expect(history.map((r) => [r.status, r.author])).toEqual([['draft', 'cli:import']]);
		const again = runImport(env, 'tests/fixtures/import/acled.csv', '--format', 'acled', '--json');
		expect(JSON.parse(again.last)).toMatchObject({
			new: 0,
			updated: 0,
			unchanged: 3,
			written: false
		});
	});

	it('says in words what changed, naming rows and fields', () => {
		const run = runImport(env, 'tests/fixtures/import/acled-edited.csv', '--format', 'acled');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(
			'import acled-edited.csv (acled): 3 row(s): 0 new, 1 updated, 2 unchanged, 0 invalid, 0 possible duplicate(s)'
		);
		const spreadsheet = runImport(
			env,
			'tests/fixtures/import/spreadsheet.csv',
			'--format',
			'csv',
			'--dry-run'
		);
		expect(spreadsheet.stdout).toContain('  invalid: row 4, Lat: "40,34" is not a number');
		expect(spreadsheet.stdout).toContain('  possible duplicate: row 2 of incident acled-aze90001');
		expect(spreadsheet.stdout).toContain('dry run: nothing was written');
	});

	it('reads a hand-mapped column and skips rejected rows when told to', async () => {
		const before = (await draftsOf(env)).length;
		const run = runImport(
			env,
			'tests/fixtures/import/spreadsheet-wkt.csv',
			'--format',
			'csv',
			'--map',
			'Datum=date',
			'--json'
		);
		expect(JSON.parse(run.last)).toMatchObject({ new: 2, invalid: 0, written: true });
		expect((await draftsOf(env)).length).toBe(before + 4);
		const skip = runImport(
			env,
			'tests/fixtures/import/placemarks.kml',
			'--format',
			'kml',
			'--skip-rejected',
			'--json'
		);
		expect(skip.status).toBe(0);
		expect(JSON.parse(skip.last)).toMatchObject({ rows: 3, new: 2, invalid: 1, written: true });
	});

	it('reports a file that is not UTF-8 in one line, without a stack trace', () => {
		const file = join(scratch, 'utf16.csv');
		writeFileSync(file, Buffer.from('\uFEFFdate,latitude\n', 'utf16le'));
		const run = runImport(env, file, '--format', 'csv', '--json');
		expect(run.status).toBe(1);
		expect(JSON.parse(run.last).rejected).toEqual([
			{
				row: 0,
				column: '',
				reason: 'the file is UTF-16 (little-endian byte-order mark): save it as UTF-8'
			}
		]);
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});
});

describe('npm run import, outside the store', { timeout: 60_000 }, () => {
	it('sets a V8 flag this Node knows (setFlagsFromString ignores one it does not)', () => {
		const run = spawnSync(process.execPath, [IMPORT_V8_FLAGS, '-e', '0'], { encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it('gives a usage line and exit 2 for a bad command line', () => {
		const run = runImport({ DATA_DIR: join(scratch, 'never') }, 'x.csv', '--format', 'xlsx');
		expect(run.status).toBe(2);
		expect(run.stderr).toContain(
			'import: --format xlsx: not one of acled, ucdp, geojson, csv, kml'
		);
	});

	it('opens no DATA_DIR that a server holds, and says so in one line', () => {
		const dir = mkdtempSync(join(scratch, 'held-'));
		const release = acquireLock(dir);
		try {
			const run = runImport(
				{ DATA_DIR: dir },
				'tests/fixtures/import/acled.csv',
				'--format',
				'acled'
			);
			expect(run.status).toBe(1);
			expect(run.stderr.trim()).toMatch(
				/^DATA_DIR is in use by process \d+: stop the server or use DATABASE_URL$/
			);
		} finally {
			release();
		}
	});

	it('parses --map column=field and --set field=value', () => {
		expect(
			parseImportArgs([
				'f.csv',
				'--format',
				'csv',
				'--map',
				'Datum=date',
				'--set',
				'type=Battles',
				'--dry-run'
			])
		).toEqual({
			file: 'f.csv',
			format: 'csv',
			dryRun: true,
			json: false,
			skipRejected: false,
			map: { date: 'Datum' },
			set: { type: 'Battles' }
		});
		expect(parseImportArgs(['f.csv'])).toBe('no --format given');
		expect(parseImportArgs(['f.csv', '--format', 'csv', '--map', 'Datum'])).toBe(
			'--map Datum: expected a=b'
		);
	});
});
