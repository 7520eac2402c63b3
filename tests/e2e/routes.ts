import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One route of `src/routes`, as SvelteKit reads the folder: its pattern and what answers there. */
export interface RouteFile {
	/** `/api/[collection=collection]/[id]`: the folder path, route groups left out. */
	pattern: string;
	/** HTTP methods a `+server.ts` exports (`GET`, `POST`, …). */
	methods: string[];
	/** A `+page.svelte` renders here (a GET page and its `__data.json`). */
	page: boolean;
	/** The form actions a `+page.server.ts` exports (`default` or named). */
	actions: string[];
}

const METHOD =
	/export\s+(?:const|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|fallback)\b/g;

function actionsOf(source: string): string[] {
	const block = /export\s+const\s+actions\b[^=]*=\s*\{([\s\S]*?)\n\}/.exec(source);
	if (!block) return [];
	return [...block[1].matchAll(/^\t(\w+)\s*[:(]/gm)].map((m) => m[1]);
}

/** Every route under `root` (default `src/routes`), found by walking its folders. */
export function listRoutes(root = 'src/routes'): RouteFile[] {
	const routes: RouteFile[] = [];
	const walk = (dir: string) => {
		const entries = readdirSync(dir, { withFileTypes: true });
		const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
		const server = ['+server.ts', '+server.js'].find((n) => names.has(n));
		const pageServer = ['+page.server.ts', '+page.server.js'].find((n) => names.has(n));
		const page = names.has('+page.svelte');
		const methods = server
			? [...readFileSync(join(dir, server), 'utf8').matchAll(METHOD)].map((m) => m[1])
			: [];
		if (server && methods.length === 0) {
			throw new Error(`${join(dir, server)}: no exported method found; the scan must see them`);
		}
		const actions = pageServer ? actionsOf(readFileSync(join(dir, pageServer), 'utf8')) : [];
		if (server || page || pageServer) {
			const parts = relative(root, dir)
				.split(sep)
				.filter((p) => p && !/^\(.*\)$/.test(p));
			routes.push({ pattern: '/' + parts.join('/'), methods, page, actions });
		}
		for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name));
	};
	walk(root);
	return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The parameters of a pattern: `[id]` → `id`, `[...path]` → `...path`, `[c=matcher]` → `c`. */
export function paramsOf(pattern: string): string[] {
	return [...pattern.matchAll(/\[(\.\.\.)?(\w+)(?:=\w+)?\]/g)].map((m) => (m[1] ?? '') + m[2]);
}

/**
 * Every URL of `pattern` with its parameters filled from `values` (each combination), or an error
 * naming the parameter that has none: a new route must be given values before the test passes.
 */
export function fillPattern(
	pattern: string,
	values: (param: string, pattern: string) => string[] | undefined
): string[] {
	let urls = [''];
	for (const segment of pattern.split('/').slice(1)) {
		const param = /^\[(\.\.\.)?(\w+)(?:=\w+)?\]$/.exec(segment);
		if (!param) {
			if (segment.includes('['))
				throw new Error(`${pattern}: a segment mixing text and a parameter`);
			urls = urls.map((u) => `${u}/${segment}`);
			continue;
		}
		const name = (param[1] ?? '') + param[2];
		const fill = values(name, pattern);
		if (!fill)
			throw new Error(`${pattern}: no values for the parameter [${name}]; add some to the test`);
		urls = urls.flatMap((u) =>
			fill.map((v) => (param[1] ? (v ? `${u}/${v}` : u) : `${u}/${encodeURIComponent(v)}`))
		);
	}
	return urls.map((u) => u || '/');
}
