import { describe, expect, it } from 'vitest';
import { engines } from './test_engines';

describe('the engines the store tests run on', () => {
	it('are PGlite and the server when TEST_DATABASE_URL is set', () => {
		const names = engines({ TEST_DATABASE_URL: 'postgres://u@127.0.0.1:1/x' }).map((e) => e.name);
		expect(names).toEqual(['pglite', 'postgres']);
	});

	it('are PGlite alone without it, and a failure under CI=true', () => {
		expect(engines({}).map((e) => e.name)).toEqual(['pglite']);
		expect(() => engines({ CI: 'true' })).toThrow(/TEST_DATABASE_URL/);
	});
});
