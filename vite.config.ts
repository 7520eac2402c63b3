import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
		outputFile: { json: 'test-results/unit.json' }
	}
});
