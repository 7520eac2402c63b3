import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the account area of the header: address and role only, never the id. */
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { email: locals.user.email, role: locals.user.role } : null
});
