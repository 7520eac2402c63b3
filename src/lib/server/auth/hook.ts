import type { Handle } from '@sveltejs/kit';
import type { Queryable } from '../db/db';
import { userForSession, userForToken } from './accounts';
import { SESSION_COOKIE, clearSessionCookie } from './session_cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function jsonError(status: number, code: string, description: string, headers = {}): Response {
	return new Response(JSON.stringify({ code, description }), {
		status,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }
	});
}

/**
 * Who a request acts for, as `event.locals.user`:
 * - `Authorization: Bearer <token>` names an API token; an unknown or revoked one is a JSON 401
 *   (never silently anonymous, so a script learns its token is dead). Other schemes (a proxy's
 *   Basic auth) are left alone.
 * - else the `atlas_session` cookie names a browser session; a stale one is cleared.
 *
 * Cross-site request forgery: a request that changes something (any method but GET, HEAD and
 * OPTIONS) and carries the session cookie must come from a page of this server, said by its
 * `Origin` header; otherwise a JSON 403 before anything runs. Token requests are exempt: a browser
 * never attaches a token by itself. This covers JSON and other bodies; SvelteKit's own check
 * (`csrf.checkOrigin`) only covers form encodings.
 */
export function createAuthHandle(db: () => Queryable): Handle {
	return async ({ event, resolve }) => {
		event.locals.user = null;
		const { request, url, cookies } = event;
		const authorization = request.headers.get('authorization');
		if (authorization && /^bearer(\s|$)/i.test(authorization)) {
			const token = /^bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
			const user = token ? await userForToken(db(), token) : null;
			if (!user) {
				return jsonError(401, 'invalid_token', 'The API token is unknown or revoked.', {
					'www-authenticate': 'Bearer error="invalid_token"'
				});
			}
			event.locals.user = user;
			return resolve(event);
		}
		const session = cookies.get(SESSION_COOKIE);
		if (session) {
			if (!SAFE_METHODS.has(request.method) && request.headers.get('origin') !== url.origin) {
				return jsonError(
					403,
					'cross_site',
					'A signed-in change must come from a page of this site (Origin header missing or foreign).'
				);
			}
			event.locals.user = await userForSession(db(), session);
			if (!event.locals.user) clearSessionCookie(cookies, url);
		}
		return resolve(event);
	};
}
