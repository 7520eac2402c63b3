import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const DIR = 'tests/e2e';

/**
 * The test files that drive Chromium (they import the harness's `app.ts` or `browser.ts`); the
 * others speak HTTP (and spawn servers and CLIs) only.
 */
const files = readdirSync(DIR).filter((f) => f.endsWith('.e2e.ts'));
const drivesBrowser = (f: string) =>
	/from '\.\/(app|browser)'/.test(readFileSync(`${DIR}/${f}`, 'utf8'));
const browserFiles = files.filter(drivesBrowser).map((f) => `${DIR}/${f}`);
const httpFiles = files.filter((f) => !drivesBrowser(f)).map((f) => `${DIR}/${f}`);

/**
 * Browser and HTTP tests against the built server (`build/`; the files that read the map serve
 * the test build, `build-test/`: README, Testing), as two projects. Vitest 4 puts every
 * project that runs one file at a time into one queue, so the projects cannot overlap; instead the
 * HTTP-only files run first, two at a time (each has its own server, port and data directory), then
 * the browser files one after another (SwiftShader's WebGL takes a core).
 */
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		globalSetup: ['tests/e2e/global_setup.ts'],
		environment: 'node',
		testTimeout: 300_000,
		hookTimeout: 300_000,
		maxWorkers: 2,
		reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
		outputFile: { json: 'test-results/e2e.json' },
		projects: [
			{ extends: true, test: { name: 'browser', include: browserFiles, fileParallelism: false } },
			{ extends: true, test: { name: 'http', include: httpFiles } }
		]
	}
});
