import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser tests: real Chromium against the built server (`build/`), one file at a time. */
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global_setup.ts'],
		environment: 'node',
		testTimeout: 300_000,
		hookTimeout: 300_000,
		fileParallelism: false,
		reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
		outputFile: { json: 'test-results/e2e.json' }
	}
});
