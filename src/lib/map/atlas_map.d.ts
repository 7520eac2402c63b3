import type { Map } from 'maplibre-gl';

declare global {
	/**
	 * `true` only in the test build (`npm run build:test`, written to `build-test/`), `false` in the
	 * production build (`npm run build`) and in unit tests: a constant replaced at build time
	 * (`define` in vite.config.ts), so code under `if (__ATLAS_TEST_HOOKS__)` is not in `build/`.
	 */
	const __ATLAS_TEST_HOOKS__: boolean;

	interface Window {
		/**
		 * The dashboard's map, set by `MapView.svelte` in the test build only (never in `build/`,
		 * checked by `tests/e2e/test_build.e2e.ts`): a read-only handle for the browser tests that
		 * read the map (`tests/e2e/dashboard_page.ts`) and for the benchmark (`scripts/bench/`).
		 */
		__atlasMap?: Map;
	}
}

export {};
