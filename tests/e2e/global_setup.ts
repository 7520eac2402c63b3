import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE } from '../../src/lib/server/db/lock';
import { SEEDED_DATA_DIR_ENV, startServer } from './server';

/**
 * Seeds one embedded database from `geodata/` with the built server itself, stops it cleanly and
 * hands its data directory to the test files, whose servers start from copies of it.
 */
export default async function setup(): Promise<() => void> {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-seeded-'));
	const server = await startServer({ env: { DATA_DIR: dir } });
	await server.stop();
	if (readdirSync(dir).includes(LOCK_FILE)) {
		throw new Error(`the seeding server left its lock in ${dir}:\n${server.output()}`);
	}
	process.env[SEEDED_DATA_DIR_ENV] = dir;
	return () => rmSync(dir, { recursive: true, force: true });
}
