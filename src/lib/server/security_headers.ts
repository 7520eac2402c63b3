import type { Handle } from '@sveltejs/kit';

/**
 * Headers every answer carries. Pages get their Content-Security-Policy (with a fresh nonce) from
 * `kit.csp` in svelte.config.js; anything else that is not HTML (JSON, GeoJSON, files) gets
 * one that allows nothing, since none of it is meant to run or be framed.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin'
};

export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** `response` with the security headers added (copied first when its headers are immutable). */
export function withSecurityHeaders(response: Response): Response {
	let target = response;
	try {
		apply(target.headers);
	} catch {
		target = new Response(response.body, response);
		apply(target.headers);
	}
	return target;
}

function apply(headers: Headers) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
	const html = headers.get('content-type')?.startsWith('text/html');
	if (!html && !headers.has('content-security-policy')) {
		headers.set('content-security-policy', NON_PAGE_CSP);
	}
}

export const securityHeaders: Handle = async ({ event, resolve }) =>
	withSecurityHeaders(await resolve(event));
