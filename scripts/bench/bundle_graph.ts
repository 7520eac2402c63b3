import { init, parse } from 'es-module-lexer';

/** What the HTML of a page asks the browser to load before it can run. */
export interface PageAssets {
	/** Module entry points: `<script src>` and `import("…")` in inline scripts. */
	scripts: string[];
	modulepreloads: string[];
	stylesheets: string[];
}

function attribute(tag: string, name: string): string | undefined {
	const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
	return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** An asset reference as a path on the server, resolved against the page's path. */
export function resolvePath(reference: string, from: string): string {
	return new URL(reference, new URL(from, 'http://bench.invalid')).pathname;
}

/** Finds the scripts, module preloads and stylesheets of a page (paths resolved against `pagePath`). */
export function pageAssets(html: string, pagePath = '/'): PageAssets {
	const assets: PageAssets = { scripts: [], modulepreloads: [], stylesheets: [] };
	const add = (list: string[], reference: string) => {
		const path = resolvePath(reference, pagePath);
		if (!list.includes(path)) list.push(path);
	};
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = attribute(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
		const href = attribute(tag, 'href');
		if (!href) continue;
		if (rel.includes('modulepreload')) add(assets.modulepreloads, href);
		else if (rel.includes('stylesheet')) add(assets.stylesheets, href);
	}
	for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const src = attribute(` ${attrs}`, 'src');
		if (src) add(assets.scripts, src);
		for (const [, , spec] of body.matchAll(/\bimport\(\s*(["'])([^"']+)\1\s*\)/g)) {
			add(assets.scripts, spec);
		}
	}
	return assets;
}

export interface ModuleImports {
	static: string[];
	dynamic: string[];
}

/** The relative imports of an ES module, resolved to server paths; bare specifiers are skipped. */
export async function moduleImports(code: string, path: string): Promise<ModuleImports> {
	await init;
	const [imports] = parse(code);
	const out: ModuleImports = { static: [], dynamic: [] };
	for (const entry of imports) {
		if (!entry.n || !/^(\.{1,2}\/|\/)/.test(entry.n)) continue;
		const list = entry.d === -1 ? out.static : entry.d >= 0 ? out.dynamic : null;
		const resolved = resolvePath(entry.n, path);
		if (list && !list.includes(resolved)) list.push(resolved);
	}
	return out;
}

export interface ModuleGraph {
	/** Every module reached from the entries through static imports, entries first. */
	files: string[];
	/** Dynamic imports met on the way that are not themselves in `files`. */
	lazy: string[];
	/** Paths that `read` could not find. */
	missing: string[];
}

/** Follows static imports from `entries`; `read` returns a module's code by server path. */
export async function staticClosure(
	entries: readonly string[],
	read: (path: string) => string | undefined
): Promise<ModuleGraph> {
	const files: string[] = [];
	const missing: string[] = [];
	const lazy = new Set<string>();
	const seen = new Set<string>();
	const queue = [...entries];
	while (queue.length > 0) {
		const path = queue.shift()!;
		if (seen.has(path)) continue;
		seen.add(path);
		const code = read(path);
		if (code === undefined) {
			missing.push(path);
			continue;
		}
		files.push(path);
		const imports = await moduleImports(code, path);
		queue.push(...imports.static);
		for (const d of imports.dynamic) lazy.add(d);
	}
	return { files, lazy: [...lazy].filter((p) => !seen.has(p)), missing };
}

/** MapLibre's main bundle, recognised by content: it creates the map canvas with this class. */
export function isMaplibreChunk(code: string): boolean {
	return code.length > 100_000 && code.includes('maplibregl-canvas');
}

/** MapLibre's worker bundle: a large worker file carrying MapLibre's licence banner. */
export function isMaplibreWorker(code: string): boolean {
	return code.length > 100_000 && code.includes('MapLibre GL JS');
}

/** MapLibre's stylesheet, recognised by its map container rule. */
export function isMaplibreCss(css: string): boolean {
	return css.includes('.maplibregl-map');
}

/**
 * The node indexes (layouts, then the page) SvelteKit loads for a route, read from the server
 * build's manifest. With `ssr = false` the HTML has no modulepreload links for them, yet the
 * client router imports them right at start, so they are part of the initial JS.
 */
export function routeNodes(manifest: string, routeId = '/'): number[] | null {
	const escaped = routeId.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	const match = new RegExp(
		`\\bid:\\s*"${escaped}",(?:(?!\\bid:)[\\s\\S])*?page:\\s*\\{\\s*layouts:\\s*\\[([^\\]]*)\\][^}]*?leaf:\\s*(\\d+)`
	).exec(manifest);
	if (!match) return null;
	const layouts = match[1]
		.split(',')
		.map((s) => s.trim())
		.filter((s) => /^\d+$/.test(s))
		.map(Number);
	return [...layouts, Number(match[2])];
}

/** The client files a server-build node module lists: `const index = 2; const imports = [...]`. */
export function nodeAssets(
	node: string
): { index: number; imports: string[]; stylesheets: string[] } | null {
	const index = /\bconst index\s*=\s*(\d+)/.exec(node);
	if (!index) return null;
	const list = (name: string) => {
		const match = new RegExp(`\\bconst ${name}\\s*=\\s*(\\[[^\\]]*\\])`).exec(node);
		return match ? (JSON.parse(match[1]) as string[]).map((p) => '/' + p.replace(/^\//, '')) : [];
	};
	return { index: Number(index[1]), imports: list('imports'), stylesheets: list('stylesheets') };
}
