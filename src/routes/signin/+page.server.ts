import { fail, redirect } from '@sveltejs/kit';
import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { createSession } from '$lib/server/auth/accounts';
import { safeNext } from '$lib/server/auth/next';
import { setSessionCookie } from '$lib/server/auth/session_cookie';
import { attemptSignIn, signInLimiters } from '$lib/server/auth/sign_in';
import { getStore } from '$lib/server/dataset';
import type { Actions, PageServerLoad } from './$types';

const limiters = signInLimiters();

export const load: PageServerLoad = ({ url, locals }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	const lang = url.searchParams.get('lang');
	return { lang: isLang(lang) ? lang : DEFAULT_LANG };
};

export const actions: Actions = {
	default: async ({ request, url, cookies, getClientAddress, setHeaders }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const { db } = getStore();
		const result = await attemptSignIn(db, limiters, {
			email,
			password,
			address: getClientAddress()
		});
		if (!result.ok) {
			if (result.reason === 'limited') {
				const seconds = Math.ceil(result.retryAfterMs / 1000);
				setHeaders({ 'retry-after': String(seconds) });
				return fail(429, { email, error: 'tooMany' as const, minutes: Math.ceil(seconds / 60) });
			}
			return fail(400, { email, error: result.reason });
		}
		const session = await createSession(db, result.user.id);
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
