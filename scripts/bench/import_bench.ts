import {
	closeSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	rmSync,
	writeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importDir } from '../../src/lib/server/db/snapshot';
import { openStore } from '../../src/lib/server/db/store';
import { freshDatabase } from '../../src/lib/server/db/test_engines';
import { acledLines } from '../synthetic/acled';
import type { Row } from './results';
import { timedRun } from './store_bench';

/** The synthetic ACLED-format file of `rows` rows (seed 1), written once under `dir`. */
export function acledFile(dir: string, rows: number): string {
	const file = join(dir, `acled-synthetic-${rows}.csv`);
	if (existsSync(file)) return file;
	mkdirSync(dir, { recursive: true });
	const fd = openSync(file, 'w');
	try {
		for (const line of acledLines(rows, 1)) writeSync(fd, line + '\n');
	} finally {
		closeSync(fd);
	}
	return file;
}

/**
 * Runs the real `scripts/import.ts` on `file` against the store `env` names ({@link timedRun}:
 * wall time from spawn to exit, peak RSS and CPU time), with the report it prints last.
 */
async function timedImport(env: Record<string, string>, file: string) {
	const timed = await timedRun(
		[
			process.execPath,
			'--import',
			'tsx',
			resolve('scripts/import.ts'),
			file,
			'--format',
			'acled',
			'--json'
		],
		{ env, label: 'import' }
	);
	const report = JSON.parse(timed.stdout.trim().split('\n').at(-1)!);
	return { ...timed, report };
}

/** A fresh store seeded with `geodataDir` on each engine there is; PostgreSQL only with a URL. */
function places(scratch: string) {
	const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	return [
		{
			name: 'PGlite',
			open: async () => {
				const dir = mkdtempSync(join(scratch, 'data-'));
				return { env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true }) };
			}
		},
		{
			name: 'PostgreSQL',
			skip: url ? null : 'no BENCH_DATABASE_URL or TEST_DATABASE_URL: PostgreSQL skipped',
			open: async () => {
				const fresh = await freshDatabase(url!);
				return {
					env: { DATABASE_URL: fresh.url, DATA_DIR: join(scratch, 'unused') },
					drop: fresh.drop
				};
			}
		}
	];
}

/**
 * `npm run bench -- --only import`: `npm run import` of `rows` synthetic ACLED rows into a store
 * seeded with `geodataDir`, on PGlite and on PostgreSQL: the time the whole command takes (start,
 * parse, plan, write, commit) and its peak memory.
 */
export async function benchImport(options: {
	sizes: number[];
	geodataDir: string;
	outDir: string;
	log: (line: string) => void;
}): Promise<{ rows: Row[]; notes: string[] }> {
	const rows: Row[] = [];
	const notes: string[] = [];
	const scratch = mkdtempSync(join(tmpdir(), 'atlas-import-bench-'));
	try {
		for (const size of options.sizes) {
			const file = acledFile(join(options.outDir, 'import'), size);
			const label = `${size} ACLED rows`;
			for (const place of places(scratch)) {
				if (place.skip) {
					rows.push({
						size: label,
						part: 'import',
						metric: `import (${place.name})`,
						unit: '',
						values: null,
						note: place.skip
					});
					continue;
				}
				options.log(`import part, ${label}, ${place.name}`);
				const { env, drop } = await place.open();
				try {
					const store = await openStore(env);
					try {
						await importDir(store.db, options.geodataDir);
					} finally {
						await store.close();
					}
					const { seconds, peakMiB, cpuSeconds, report } = await timedImport(env, file);
					if (report.new !== size)
						notes.push(`${label} on ${place.name}: ${report.new} new of ${size}`);
					rows.push(
						{
							size: label,
							part: 'import',
							metric: `import time (${place.name})`,
							unit: 's',
							values: [seconds],
							note: '≤ 60 s for 100,000'
						},
						{
							size: label,
							part: 'import',
							metric: `import CPU time (${place.name})`,
							unit: 's',
							values: [cpuSeconds],
							note: 'user + system of the import process (the last 50 ms poll)'
						},
						{
							size: label,
							part: 'import',
							metric: `import peak RSS (${place.name})`,
							unit: 'MiB',
							values: [peakMiB],
							note: '≤ 500 MB for 100,000'
						}
					);
				} catch (error) {
					const reason = error instanceof Error ? error.message : String(error);
					rows.push({
						size: label,
						part: 'import',
						metric: `import (${place.name})`,
						unit: '',
						values: null,
						note: reason.split('\n')[0]
					});
					notes.push(`${label} import on ${place.name}: ${reason.slice(0, 1500)}`);
				} finally {
					await drop();
				}
			}
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	notes.push(
		'Import: `node --import tsx scripts/import.ts FILE --format acled --json` (what `npm run import` runs) on a synthetic ' +
			'ACLED export (`geodata:synthetic --format acled`, seed 1) into a fresh store seeded with the dataset; wall time ' +
			'from spawn to exit (start-up, parse, plan, write, commit), CPU time (utime + stime of /proc/<pid>/stat, polled every 50 ms) and peak RSS (VmHWM of /proc/<pid>/status); one run each.'
	);
	return { rows, notes };
}
