import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32, randomInt } from '../../../../scripts/synthetic/prng';
import { CRASH_INCIDENTS } from '../../../../tests/fixtures/store_crash_writer';
import { datasetVersion, readPublishedDataset } from './records';
import { openStore } from './store';
import { engines, freshDatabase } from './test_engines';

const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
const POINTS = 5;
const WRITER = resolve('tests/fixtures/store_crash_writer.ts');

/**
 * Runs the writer until it has acknowledged a write and then for `delay` ms more, kills it with
 * SIGKILL, and returns the last write it acknowledged.
 */
async function writeThenKill(env: Record<string, string>, first: number, delay: number) {
	const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
		env: { ...process.env, ...env, CRASH_FIRST_WRITE: String(first) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	let acked = first - 1;
	let sawAck: () => void;
	const firstAck = new Promise<void>((res) => (sawAck = res));
	child.stdout.on('data', (d) => {
		output += d;
		for (const m of String(d).matchAll(/acked (\d+)/g)) acked = Math.max(acked, Number(m[1]));
		if (acked >= first) sawAck();
	});
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<void>((res) => child.once('exit', () => res()));
	await Promise.race([
		firstAck,
		exited.then(() => {
			throw new Error(`the writer exited early:\n${output}`);
		})
	]);
	await new Promise((r) => setTimeout(r, delay));
	child.kill('SIGKILL');
	await exited;
	return { acked, output };
}

describe.each(engines())('kill -9 of a writer on $name', (engine) => {
	const cleanups: (() => Promise<void> | void)[] = [];
	afterAll(async () => {
		for (const c of cleanups.reverse()) await c();
	});

	it(`keeps every acknowledged write and all or none of the one in flight, at ${POINTS} seeded points`, async () => {
		const random = mulberry32(SEED);
		let env: Record<string, string>;
		if (engine.name === 'postgres') {
			const fresh = await freshDatabase(process.env.TEST_DATABASE_URL!);
			cleanups.push(fresh.drop);
			env = { DATABASE_URL: fresh.url };
		} else {
			const dir = mkdtempSync(join(tmpdir(), 'atlas-crash-'));
			cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
			env = { DATA_DIR: dir };
		}
		let next = 1;
		for (let point = 0; point < POINTS; point++) {
			const delay = randomInt(random, 0, 1500);
			const where = `CRASH_SEED=${SEED}, point ${point + 1} (${delay} ms after an ack)`;
			const { acked } = await writeThenKill(env, next, delay);
			const store = await openStore(env);
			try {
				const { dataset, version } = await readPublishedDataset(store.db);
				expect(version, where).toBe(await datasetVersion(store.db));
				const writes = new Set(
					dataset.incidents.features.map((f) =>
						Number(/\[write (\d+)\]$/.exec(f.properties.summary.en)?.[1])
					)
				);
				expect(dataset.incidents.features.length, where).toBe(CRASH_INCIDENTS);
				expect(writes.size, `${where}: a write was half applied`).toBe(1);
				const [seen] = writes;
				expect(seen, `${where}: an acknowledged write was lost`).toBeGreaterThanOrEqual(acked);
				expect(seen, where).toBeLessThanOrEqual(acked + 1);
				next = seen + 1;
			} finally {
				await store.close();
			}
		}
	}, 600_000);
});
