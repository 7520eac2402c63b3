import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from '../auth/user';
import type { Actor } from './policy';

/** Reviewers and admins publish and send back; the review pages are theirs. */
export function mayReview(role: Actor): boolean {
	return role === 'reviewer' || role === 'admin';
}

/**
 * The signed-in reviewer a review page is for: a reader is sent to sign in (and back here), any
 * other account gets 403. Checked on the server for every page and action.
 */
export function requireReviewer(user: SessionUser | null, url: URL): SessionUser {
	if (!user) redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
	if (!mayReview(user.role)) error(403, 'Only reviewers and admins may open the review queue');
	return user;
}
