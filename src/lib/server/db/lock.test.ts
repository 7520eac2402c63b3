import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, acquireLock } from './lock';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The PID of a process that has exited (so no live process holds it, barring reuse). */
async function deadPid(): Promise<number> {
	const child = spawn(process.execPath, ['-e', '']);
	await new Promise((r) => child.once('exit', r));
	return child.pid!;
}

describe('the DATA_DIR lock', () => {
	it('writes this process id, refuses a second opener naming the holder, and frees on release', async () => {
		dir = mkdtempSync(join(tmpdir(), 'atlas-lock-'));
		const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
		try {
			const release = acquireLock(dir, holder.pid);
			expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(holder.pid));
			expect(() => acquireLock(dir)).toThrow(
				`DATA_DIR is in use by process ${holder.pid}: stop the server or use DATABASE_URL`
			);
			release();
			expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
			acquireLock(dir)();
		} finally {
			holder.kill('SIGKILL');
		}
	});

	it('takes over a stale lock left by a process that died (kill -9)', async () => {
		dir = mkdtempSync(join(tmpdir(), 'atlas-lock-'));
		writeFileSync(join(dir, LOCK_FILE), `${await deadPid()}\n`);
		const release = acquireLock(dir);
		expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
		release();
	});
});
