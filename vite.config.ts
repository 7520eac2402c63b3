import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
		environment: 'node',
		reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
		outputFile: { json: 'test-results/unit.json' }
	}
});
