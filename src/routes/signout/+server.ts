import { redirect } from '@sveltejs/kit';
import { endSession, endSessions } from '$lib/server/auth/accounts';
import { SESSION_COOKIE, clearSessionCookie } from '$lib/server/auth/session_cookie';
import { getStore } from '$lib/server/dataset';
import type { RequestHandler } from './$types';

/**
 * Ends this browser's session, or with `scope=everywhere` every session of the account (a lost
 * laptop). Cross-site POSTs never get here: the auth hook refuses a cookie POST from elsewhere.
 */
export const POST: RequestHandler = async ({ request, cookies, url, locals }) => {
	const token = cookies.get(SESSION_COOKIE);
	const form = await request.formData().catch(() => null);
	const { db } = getStore();
	if (locals.user && form?.get('scope') === 'everywhere') await endSessions(db, locals.user.id);
	else if (token) await endSession(db, token);
	clearSessionCookie(cookies, url);
	redirect(303, '/');
};
