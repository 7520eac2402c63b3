// Security headers for every answer of the Node server, static files included.

/**
 * The headers every answer carries, as `src/lib/server/security_headers.ts` sets them on what
 * SvelteKit renders (a test holds the two equal). adapter-node serves `/_app/immutable/**` and the
 * other static files itself, before the app's hooks run, so they are set here too. No
 * Content-Security-Policy for static files: a policy on a script would bind the map's worker,
 * which is a static file, and pages get theirs (with a nonce) from `kit.csp`.
 */
export const SERVER_HEADERS = Object.freeze({
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin'
});

/**
 * Makes `server` (a `node:http` server) set {@link SERVER_HEADERS} on every response before any
 * other handler runs; a handler may still replace them (SvelteKit sets the same values).
 * @param {import('node:http').Server} server
 */
export function addSecurityHeaders(server) {
	server.prependListener('request', (_req, res) => {
		for (const [name, value] of Object.entries(SERVER_HEADERS)) res.setHeader(name, value);
	});
}
