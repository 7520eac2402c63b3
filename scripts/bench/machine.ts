import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';
import type { Machine } from './results';

/** The machine the bench ran on; `chromium` is filled in by the browser part when it runs. */
export function describeMachine(chromium = 'not run'): Machine {
	return {
		cpus: availableParallelism(),
		cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
		memoryGiB: totalmem() / 1024 ** 3,
		node: process.version,
		chromium,
		os: `${type()} ${release()}`
	};
}

export function gitCommit(): string {
	try {
		const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			encoding: 'utf8'
		}).trim();
		const dirty =
			execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
		return dirty ? `${commit} (plus uncommitted changes)` : commit;
	} catch {
		return 'unknown';
	}
}
