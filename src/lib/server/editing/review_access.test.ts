import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { mayReview, requireReviewer } from './review_access';

const url = new URL('http://localhost/review/incidents/inc-1?lang=vi');
const account = (role: 'editor' | 'reviewer' | 'admin') => ({ id: 'u1', email: 'a@b.org', role });

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	return undefined;
}

describe('review access', () => {
	it('lets reviewers and admins in', () => {
		expect(requireReviewer(account('reviewer'), url).role).toBe('reviewer');
		expect(requireReviewer(account('admin'), url).role).toBe('admin');
		expect([null, 'editor', 'reviewer', 'admin'].map((r) => mayReview(r as never))).toEqual([
			false,
			false,
			true,
			true
		]);
	});

	it('sends a reader to sign in and back, and refuses an editor with 403', () => {
		const toSignIn = thrown(() => requireReviewer(null, url));
		expect(isRedirect(toSignIn) && toSignIn.location).toBe(
			'/signin?next=%2Freview%2Fincidents%2Finc-1%3Flang%3Dvi'
		);
		const refused = thrown(() => requireReviewer(account('editor'), url));
		expect(isHttpError(refused) && refused.status).toBe(403);
	});
});
