import { describe, expect, it } from 'vitest';
import { timedRun } from './store_bench';

const node = process.execPath;

describe('timedRun', () => {
	it('times a command to its exit, with its peak memory and CPU time', async () => {
		const timed = await timedRun(
			[node, '-e', 'const a = Buffer.alloc(64 << 20, 1); setTimeout(() => {}, 400)'],
			{
				env: {}
			}
		);
		expect(timed.seconds).toBeGreaterThanOrEqual(0.4);
		expect(timed.peakMiB).toBeGreaterThan(64);
		expect(timed.cpuSeconds).toBeGreaterThan(0);
	});

	it('times a server to its first 200 on the path, then stops it', async () => {
		// Answers 503 for its first 500 ms, then 200, as a server that is still loading would.
		const script = `const t0 = Date.now();
			require('node:http').createServer((q, r) => { r.statusCode = Date.now() - t0 < 500 ? 503 : 200; r.end(process.pid + ''); })
				.listen(Number(process.env.PORT), process.env.HOST);`;
		const started = Date.now();
		const timed = await timedRun([node, '-e', script], { env: {}, readyPath: '/healthz' });
		expect(timed.seconds).toBeGreaterThanOrEqual(0.5);
		expect(timed.seconds).toBeLessThan((Date.now() - started) / 1000 + 0.01);
	});

	it('returns what the command printed on its standard output (the import reads its report there)', async () => {
		const timed = await timedRun(
			[node, '-e', 'console.log("first"); console.error("noise"); console.log(\'{"new":3}\')'],
			{ env: {} }
		);
		expect(timed.stdout.trim().split('\n')).toEqual(['first', '{"new":3}']);
	});

	it('says how a command failed, with the end of its output', async () => {
		await expect(
			timedRun([node, '-e', 'console.error("bad file"); process.exit(2)'], {
				env: {},
				label: 'import'
			})
		).rejects.toThrow(/^import ended 2: bad file/);
		await expect(
			timedRun([node, '-e', 'console.error("no dataset here"); process.exit(3)'], { env: {} })
		).rejects.toThrow(/ended 3: no dataset here/);
		await expect(
			timedRun([node, '-e', 'console.error("refusing to start"); process.exit(1)'], {
				env: {},
				readyPath: '/healthz'
			})
		).rejects.toThrow(/exited before answering: refusing to start/);
	});
});
