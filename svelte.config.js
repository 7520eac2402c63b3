import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { isTestBuild, TEST_BUILD_DIR } from './scripts/test_build.js';

/**
 * `npm run build` writes the production build to `build/`; `npm run build:test` the test build
 * (the same app plus its test hooks, `__ATLAS_TEST_HOOKS__` in vite.config.ts) to `build-test/`,
 * through an intermediate directory of its own so that the two builds can run at the same time.
 */
const testBuild = isTestBuild();

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: testBuild ? TEST_BUILD_DIR : 'build' }),
		outDir: testBuild ? '.svelte-kit-test' : '.svelte-kit',
		/**
		 * Content-Security-Policy for every rendered page, sent as a header with a fresh nonce per
		 * response (`auto`: nonces for rendered pages, hashes for prerendered ones). SvelteKit adds
		 * the nonce to `script-src` and `style-src`; no inline script or `<style>` runs without it.
		 * - `style-src-attr 'unsafe-inline'`: style attributes only (Svelte's `style:` directives,
		 *   `app.html`'s wrapper, MapLibre's markers); attributes cannot load or run anything.
		 * - `worker-src`/`child-src blob:`: MapLibre starts its worker from a blob URL when the
		 *   worker file is on another origin (a CDN); here it is same-origin (`setWorkerUrl`).
		 * - `img-src data: blob:`: MapLibre decodes images through blob URLs; controls use data URLs.
		 * Security headers that are not CSP (nosniff, framing, referrer) come from hooks.server.ts.
		 */
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'child-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
