// `npm start`: build if there is no build yet (or the sources are newer), then serve it.
import { execSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
	let t = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
	}
	return t;
}

const built = 'build/index.js';
const stale =
	!existsSync(built) ||
	statSync(built).mtimeMs < Math.max(newest('src'), statSync('package.json').mtimeMs);
if (stale) {
	console.log('Incident Atlas: building (first start or sources changed)…');
	execSync('npm run build', { stdio: 'inherit' });
}
process.env.PORT ??= '3000';
// The adapter has one body limit for every route: the largest any route reads, a file uploaded for
// import's 32 MB (src/lib/server/body_limit.ts, which holds a source snapshot to 5 MB and every
// other route to 1 MB, the editing API's JSON limit); the adapter's default (512 KB) would refuse
// them first.
process.env.BODY_SIZE_LIMIT ??= '32M';
console.log(
	`Incident Atlas: serving on http://${process.env.HOST ?? 'localhost'}:${process.env.PORT}`
);
// scripts/serve.js runs adapter-node's server with security headers on static files too.
await import('./serve.js');
