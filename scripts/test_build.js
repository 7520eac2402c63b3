// The test build: the app built with its test hooks, for the browser tests and the benchmark that
// read the map. Shared by svelte.config.js, vite.config.ts, the e2e harness and the benchmark.

/** `ATLAS_TEST_BUILD=1 vite build` (`npm run build:test`) makes the test build. */
export const TEST_BUILD_ENV = 'ATLAS_TEST_BUILD';

/** Where the test build is written (git-ignored); the production build stays in `build/`. */
export const TEST_BUILD_DIR = 'build-test';

/**
 * The global the test build sets to the dashboard's MapLibre map (see `MapView.svelte`); the
 * production build's client code must never contain it (`tests/e2e/test_build.e2e.ts`).
 */
export const TEST_HOOK_NAME = '__atlasMap';

/** Whether this process is making the test build. */
export const isTestBuild = () => process.env[TEST_BUILD_ENV] === '1';
