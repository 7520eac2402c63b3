import {
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_HOOK_NAME } from '../../scripts/test_build.js';
import { buildProblem, TEST_BUILD_DIR } from './server';

/**
 * Issue 11: no test hook in production code. The test build (`npm run build:test`, `build-test/`)
 * sets `window.__atlasMap` for the tests that read the map; the production build (`npm run build`,
 * `build/`, what `npm start` serves) must not contain it, on the client or the server. Both builds
 * come from the same sources and differ only by `__ATLAS_TEST_HOOKS__` (vite.config.ts).
 */

/** Every JavaScript file under `dir`, relative path → text. */
function scripts(dir: string): Map<string, string> {
	const files = new Map<string, string>();
	for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		if (/\.(m?js|cjs)$/.test(entry)) files.set(entry, readFileSync(join(dir, entry), 'utf8'));
	}
	return files;
}

const containing = (files: Map<string, string>, text: string) =>
	[...files].filter(([, code]) => code.includes(text)).map(([name]) => name);

describe('the test hook', () => {
	it('is nowhere in the production build (build/)', () => {
		expect(buildProblem('build')).toBeNull();
		const files = scripts('build');
		const client = [...files.keys()].filter((name) => name.startsWith(join('client', '_app')));
		expect(client.length).toBeGreaterThan(5);
		expect(containing(files, TEST_HOOK_NAME)).toEqual([]);
		expect(containing(files, '__ATLAS_TEST_HOOKS__')).toEqual([]);
	});

	it('is in the test build (build-test/), once, in the client code', () => {
		expect(buildProblem(TEST_BUILD_DIR)).toBeNull();
		const files = scripts(TEST_BUILD_DIR);
		const hooked = containing(files, TEST_HOOK_NAME);
		expect(hooked).toHaveLength(1);
		expect(hooked[0].startsWith(join('client', '_app', 'immutable'))).toBe(true);
		expect(containing(files, '__ATLAS_TEST_HOOKS__')).toEqual([]);
	});

	it('is all that tells the two builds apart: the same files, within a few hundred bytes', () => {
		const production = scripts('build');
		const test = scripts(TEST_BUILD_DIR);
		// Content hashes in file names differ where the hook is (and in what imports it).
		const shape = (files: Map<string, string>) =>
			[...files.keys()].map((name) => name.replace(/([/.-])[\w-]{8}\.js$/, '$1#.js')).sort();
		expect(shape(test)).toEqual(shape(production));
		const size = (files: Map<string, string>) =>
			[...files.values()].reduce((sum, code) => sum + code.length, 0);
		const difference = size(test) - size(production);
		console.log(`e2e: the test build's JavaScript is ${difference} characters longer`);
		expect(difference).toBeGreaterThan(0);
		expect(difference).toBeLessThan(400);
	});
});

describe('the harness', () => {
	it('refuses a missing build, and a test build older than the sources', () => {
		const dir = mkdtempSync(join(tmpdir(), 'atlas-sources-'));
		try {
			expect(buildProblem(join(dir, 'build'))).toBe(
				`${join(dir, 'build', 'index.js')} is missing: run \`npm run build\``
			);
			const file = join(dir, 'page.svelte');
			writeFileSync(file, '<p>changed</p>');
			const built = statSync(join(TEST_BUILD_DIR, 'index.js')).mtime;
			utimesSync(file, built, new Date(built.getTime() - 60_000));
			expect(buildProblem(TEST_BUILD_DIR, dir)).toBeNull();
			utimesSync(file, built, new Date(built.getTime() + 60_000));
			expect(buildProblem(TEST_BUILD_DIR, dir)).toMatch(
				/build-test\/index\.js is older than .*: run `npm run build:test`/
			);
			// Only the test build: `npm run build`, the usual step before a test run, refreshes build/.
			expect(buildProblem('build', dir)).toBeNull();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
