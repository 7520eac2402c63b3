import type { Cookies } from '@sveltejs/kit';

/** The cookie that carries a browser session's token. */
export const SESSION_COOKIE = 'atlas_session';

/**
 * httpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Path=/, and Secure
 * whenever the request came over HTTPS (behind a proxy: adapter-node's `ORIGIN` or
 * `PROTOCOL_HEADER` makes `url` say so). Over plain HTTP on a laptop it cannot be Secure, or the
 * browser would drop it.
 */
export function sessionCookieOptions(url: URL, expires?: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		...(expires ? { expires } : {})
	};
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expires: Date): void {
	cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, expires));
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, sessionCookieOptions(url));
}
