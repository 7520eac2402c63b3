import { error, redirect } from '@sveltejs/kit';
import { mayEditAs } from '../../editing/access';
import type { SessionUser } from './user';

/**
 * The guard of every editor page: a reader is sent to sign in (and brought back to `url`
 * afterwards), an account whose role may not edit gets a 403. Hiding the editor's buttons is a
 * courtesy; this is the check.
 */
export function requireEditor(user: SessionUser | null | undefined, url: URL): SessionUser {
	if (!user) {
		const lang = url.searchParams.get('lang');
		const query = new URLSearchParams({ next: url.pathname + url.search });
		if (lang === 'en' || lang === 'vi') query.set('lang', lang);
		redirect(303, `/signin?${query}`);
	}
	if (!mayEditAs(user.role)) error(403, `An account with the role ${user.role} may not edit`);
	return user;
}
