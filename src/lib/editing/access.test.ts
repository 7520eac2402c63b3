import { describe, expect, it } from 'vitest';
import { mayEditAs } from './access';

describe('mayEditAs', () => {
	it('lets editors, reviewers and admins edit', () => {
		expect(['editor', 'reviewer', 'admin'].map(mayEditAs)).toEqual([true, true, true]);
	});

	it('refuses an anonymous reader and any other role', () => {
		expect([null, undefined, '', 'reader', 'Editor'].map(mayEditAs)).toEqual([
			false,
			false,
			false,
			false,
			false
		]);
	});
});
