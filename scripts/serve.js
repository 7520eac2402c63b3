// `node scripts/serve.js [buildDir]`: serves a build (default `build/`) with security headers on
// every answer, static files included.
import { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addSecurityHeaders } from './security_headers.js';

/**
 * adapter-node's own `index.js` runs the server, so everything it reads from the environment
 * (PORT, HOST, SOCKET_PATH, ORIGIN, BODY_SIZE_LIMIT, the *_HEADER and *_TIMEOUT settings, systemd
 * socket activation, graceful shutdown and its `sveltekit:shutdown` event, which closes the
 * store) keeps working as documented; this only adds a first listener to its `node:http` server.
 * The module starts listening while it is evaluated, and the listener is added as soon as the
 * import resolves (a microtask later), before any connection can be handled.
 */
const dir = resolve(process.argv[2] ?? 'build');
const { server } = await import(pathToFileURL(join(dir, 'index.js')).href);
// polka keeps the `node:http` server adapter-node gave it as `server`.
if (!(server?.server instanceof Server)) {
	console.error(`${dir}/index.js exports no node:http server: cannot add the security headers`);
	process.exit(1);
}
addSecurityHeaders(server.server);
