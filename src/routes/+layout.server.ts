import { getStore } from '$lib/server/dataset';
import { reviewQueueSize } from '$lib/server/db/review';
import { mayReview } from '$lib/server/editing/review_access';
import type { LayoutServerLoad } from './$types';

/**
 * Who is signed in, for the account area of the header: address and role only, never the id;
 * for reviewers, how many records wait for review.
 */
export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.user ? { email: locals.user.email, role: locals.user.role } : null,
	reviewQueue:
		locals.user && mayReview(locals.user.role) ? await reviewQueueSize(getStore().db) : null
});
