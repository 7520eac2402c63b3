import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { requireEditor } from './require_editor';
import type { SessionUser } from './user';

const url = new URL('http://atlas.test/edit/incidents/2020-11-23-madagiz-mine?lang=vi');

function thrown(run: () => unknown): unknown {
	try {
		run();
	} catch (e) {
		return e;
	}
	throw new Error('nothing was thrown');
}

describe('requireEditor', () => {
	it('sends a reader to sign in, and back here afterwards, in the page’s language', () => {
		const e = thrown(() => requireEditor(null, url));
		expect(isRedirect(e)).toBe(true);
		if (!isRedirect(e)) return;
		expect(e.status).toBe(303);
		const target = new URL(e.location, url);
		expect(target.pathname).toBe('/signin');
		expect(target.searchParams.get('next')).toBe('/edit/incidents/2020-11-23-madagiz-mine?lang=vi');
		expect(target.searchParams.get('lang')).toBe('vi');
	});

	it('lets an editor, a reviewer and an admin in', () => {
		for (const role of ['editor', 'reviewer', 'admin'] as const) {
			const user: SessionUser = { id: 'u1', email: `${role}@example.org`, role };
			expect(requireEditor(user, url)).toBe(user);
		}
	});

	it('refuses an account of another role with a 403', () => {
		const user = { id: 'u2', email: 'x@example.org', role: 'reader' } as unknown as SessionUser;
		const e = thrown(() => requireEditor(user, url));
		expect(isHttpError(e) && e.status).toBe(403);
	});
});
