import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE } from '../../src/lib/server/db/lock';
import { openStore } from '../../src/lib/server/db/store';
import {
	EMPTY_DATA_DIR_ENV,
	SEEDED_DATA_DIR_ENV,
	STAFFED_TEMPLATE_DIR_ENV,
	startServer
} from './server';

/**
 * Seeds one embedded database from `geodata/` with the built server itself, stops it cleanly and
 * hands its data directory to the test files, whose servers start from copies of it; meanwhile
 * makes an empty, migrated one (what `openStore` makes of a new `DATA_DIR`) for the servers on
 * other datasets. Also names the (empty) directory the staffed servers share their accounts'
 * template in.
 */
export default async function setup(): Promise<() => void> {
	const seeded = mkdtempSync(join(tmpdir(), 'atlas-seeded-'));
	const empty = mkdtempSync(join(tmpdir(), 'atlas-empty-'));
	const staffed = mkdtempSync(join(tmpdir(), 'atlas-staffed-template-'));
	const cleanup = () => {
		for (const dir of [seeded, empty, staffed]) rmSync(dir, { recursive: true, force: true });
	};
	try {
		const [server] = await Promise.all([
			startServer({ env: { DATA_DIR: seeded } }).then(async (s) => (await s.stop(), s)),
			openStore({ DATA_DIR: empty }).then((store) => store.close())
		]);
		if (readdirSync(seeded).includes(LOCK_FILE)) {
			throw new Error(`the seeding server left its lock in ${seeded}:\n${server.output()}`);
		}
		if (readdirSync(empty).includes(LOCK_FILE)) {
			throw new Error(`the empty database's store left its lock in ${empty}`);
		}
	} catch (error) {
		cleanup();
		throw error;
	}
	process.env[SEEDED_DATA_DIR_ENV] = seeded;
	process.env[EMPTY_DATA_DIR_ENV] = empty;
	process.env[STAFFED_TEMPLATE_DIR_ENV] = staffed;
	return cleanup;
}
