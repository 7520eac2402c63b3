import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from './db';

/** The lock file's name inside `DATA_DIR`. */
export const LOCK_FILE = 'atlas.lock';

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes `DATA_DIR`'s lock for this process: PGlite does not lock its files, and a second process
 * opening them can corrupt the database. A lock left by a dead process (kill -9) is taken over.
 * Returns the function that releases it.
 */
export function acquireLock(dataDir: string, pid = process.pid): () => void {
	mkdirSync(dataDir, { recursive: true });
	const file = join(dataDir, LOCK_FILE);
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			writeFileSync(file, `${pid}\n`, { flag: 'wx' });
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				process.off('exit', release);
				try {
					if (readFileSync(file, 'utf8').trim() === String(pid)) unlinkSync(file);
				} catch {
					/* already gone */
				}
			};
			process.on('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		let holder = NaN;
		try {
			holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
		} catch {
			continue;
		}
		if (Number.isInteger(holder) && holder > 0 && holder !== pid && alive(holder)) {
			throw new StoreError(
				`DATA_DIR is in use by process ${holder}: stop the server or use DATABASE_URL`
			);
		}
		try {
			unlinkSync(file);
		} catch {
			/* another process took it over first; the next attempt sees its PID */
		}
	}
	throw new StoreError(`DATA_DIR lock ${file} could not be taken`);
}
