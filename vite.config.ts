import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { isTestBuild } from './scripts/test_build.js';

export default defineConfig({
	plugins: [sveltekit()],
	/**
	 * `__ATLAS_TEST_HOOKS__` is `true` only in the test build (`npm run build:test`, into
	 * `build-test/`): code under `if (__ATLAS_TEST_HOOKS__)` is dropped from the production build.
	 */
	define: {
		__ATLAS_TEST_HOOKS__: JSON.stringify(isTestBuild()),
		/**
		 * PGlite's worker thread's code (src/lib/server/db/pglite_db.ts starts it from this text): the
		 * server build is bundled and does not carry files next to its chunks.
		 */
		__PGLITE_WORKER__: JSON.stringify(
			readFileSync(new URL('./src/lib/server/db/pglite_worker.js', import.meta.url), 'utf8')
		)
	},
	build: {
		rollupOptions: {
			output: {
				/** MapLibre in a chunk of its own: cached apart from app code, and measurable apart. */
				manualChunks: (id) =>
					id.includes('/node_modules/maplibre-gl/') ? 'maplibre-gl' : undefined
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		/**
		 * Two files at a time on the two-core machines: most of the slow files wait on child
		 * processes (the command-line and crash tests) or on PGlite's disk, not on the CPU. Each
		 * PostgreSQL test makes a database of its own, so files do not share state. The longer
		 * timeout is for tests that hash passwords or start processes while another file runs.
		 */
		maxWorkers: 2,
		testTimeout: 30_000,
		environment: 'node',
		reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
		outputFile: { json: 'test-results/unit.json' }
	}
});
