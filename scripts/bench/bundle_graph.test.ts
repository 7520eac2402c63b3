import { describe, expect, it } from 'vitest';
import {
	isMaplibreChunk,
	isMaplibreWorker,
	moduleImports,
	nodeAssets,
	pageAssets,
	resolvePath,
	routeNodes,
	staticClosure
} from './bundle_graph';

/** The shape of the page SvelteKit 2 renders for a route with `ssr = false` (paths.relative). */
const SVELTEKIT_PAGE = `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<link rel="icon" href="./favicon.svg" />
		<link href="./_app/immutable/assets/0.AbC.css" rel="stylesheet">
		<link href="./_app/immutable/entry/start.B1.js" rel="modulepreload">
		<link href="./_app/immutable/chunks/Cx9.js" rel="modulepreload">
		<link href='./_app/immutable/entry/app.D2.js' rel=modulepreload>
		<link rel="preload" as="font" href="./_app/immutable/assets/noto.woff2" crossorigin>
	</head>
	<body>
		<div style="display: contents">
			<script>
				{
					__sveltekit_1x = { base: new URL(".", location).pathname.slice(0, -1) };
					const element = document.currentScript.parentElement;
					Promise.all([
						import("./_app/immutable/entry/start.B1.js"),
						import("./_app/immutable/entry/app.D2.js")
					]).then(([kit, app]) => { kit.start(app, element); });
				}
			</script>
		</div>
	</body>
</html>`;

describe('pageAssets', () => {
	it('lists the entry imports, module preloads and stylesheets, but not icons or fonts', () => {
		expect(pageAssets(SVELTEKIT_PAGE)).toEqual({
			scripts: ['/_app/immutable/entry/start.B1.js', '/_app/immutable/entry/app.D2.js'],
			modulepreloads: [
				'/_app/immutable/entry/start.B1.js',
				'/_app/immutable/chunks/Cx9.js',
				'/_app/immutable/entry/app.D2.js'
			],
			stylesheets: ['/_app/immutable/assets/0.AbC.css']
		});
	});

	it('reads <script src> and resolves against a nested page path', () => {
		const html = '<script type="module" src="../_app/x.js"></script>';
		expect(pageAssets(html, '/incidents/abc').scripts).toEqual(['/_app/x.js']);
	});

	it('finds nothing in a page without assets', () => {
		expect(pageAssets('<p>hi</p>')).toEqual({ scripts: [], modulepreloads: [], stylesheets: [] });
	});
});

describe('resolvePath', () => {
	it('resolves ./ and ../ against the importing file', () => {
		expect(resolvePath('../chunks/a.js', '/_app/immutable/nodes/2.js')).toBe(
			'/_app/immutable/chunks/a.js'
		);
		expect(resolvePath('./b.js', '/_app/immutable/chunks/a.js')).toBe(
			'/_app/immutable/chunks/b.js'
		);
	});
});

describe('moduleImports', () => {
	it('separates static from dynamic imports in minified code and skips bare specifiers', async () => {
		const code =
			'import{a as t}from"../chunks/A.js";import"../chunks/B.js";export*from"./C.js";' +
			'import x from "svelte";const m=()=>import("../chunks/maplibre.js");' +
			'const s="import(\\"./not-code.js\\")";import.meta.url;';
		expect(await moduleImports(code, '/_app/immutable/nodes/2.js')).toEqual({
			static: [
				'/_app/immutable/chunks/A.js',
				'/_app/immutable/chunks/B.js',
				'/_app/immutable/nodes/C.js'
			],
			dynamic: ['/_app/immutable/chunks/maplibre.js']
		});
	});
});

describe('staticClosure', () => {
	const files: Record<string, string> = {
		'/a.js': 'import"./b.js";import("./lazy.js");',
		'/b.js': 'import"./c.js";import"./a.js";',
		'/c.js': 'export const c=1;import("./b.js")',
		'/lazy.js': 'import"./d.js";'
	};

	it('follows static imports once each, cycles included, and lists lazy chunks apart', async () => {
		expect(await staticClosure(['/a.js'], (p) => files[p])).toEqual({
			files: ['/a.js', '/b.js', '/c.js'],
			lazy: ['/lazy.js'],
			missing: []
		});
	});

	it('reports modules it cannot read', async () => {
		const graph = await staticClosure(['/a.js', '/gone.js'], (p) => files[p]);
		expect(graph.missing).toEqual(['/gone.js']);
	});
});

describe('isMaplibreChunk', () => {
	it('recognises MapLibre by its canvas class in a large chunk, not an app chunk naming it', () => {
		const big = 'x'.repeat(200_000);
		expect(isMaplibreChunk(`${big}e.classList.add("maplibregl-canvas")`)).toBe(true);
		expect(isMaplibreChunk('document.querySelector(".maplibregl-canvas")')).toBe(false);
	});
});

/** Excerpts of SvelteKit 2's server build (`build/server/chunks/manifest.js-*.js`, `nodes/2.js-*.js`). */
const MANIFEST = `routes: [
			{
				id: "/",
				pattern: /^\\/$/,
				params: [],
				page: { layouts: [0,], errors: [1,], leaf: 2 },
				endpoint: null
			},
			{
				id: "/incidents/[id]",
				pattern: /^\\/incidents\\/([^/]+?)\\/?$/,
				params: [{"name":"id","optional":false,"rest":false,"chained":false}],
				page: { layouts: [0,3,], errors: [1,,], leaf: 4 },
				endpoint: null
			}]`;
const NODE = `const index = 2;
const universal = {
  "ssr": false,
  "load": null
};
const universal_id = "src/routes/+page.ts";
const imports = ["_app/immutable/nodes/2.DPPF0PuA.js","_app/immutable/chunks/ClTrd99L.js"];
const stylesheets = ["_app/immutable/assets/2.D0P_8lxk.css"];
const fonts = [];`;

describe('routeNodes', () => {
	it("reads the route's layouts and leaf from the manifest", () => {
		expect(routeNodes(MANIFEST, '/')).toEqual([0, 2]);
		expect(routeNodes(MANIFEST, '/incidents/[id]')).toEqual([0, 3, 4]);
	});

	it('is null for a route that is not there', () => {
		expect(routeNodes(MANIFEST, '/nowhere')).toBeNull();
	});
});

describe('nodeAssets', () => {
	it("lists a node's client imports and stylesheets as server paths", () => {
		expect(nodeAssets(NODE)).toEqual({
			index: 2,
			imports: ['/_app/immutable/nodes/2.DPPF0PuA.js', '/_app/immutable/chunks/ClTrd99L.js'],
			stylesheets: ['/_app/immutable/assets/2.D0P_8lxk.css']
		});
	});

	it('is null for a module that is not a node', () => {
		expect(nodeAssets('export const x = 1;')).toBeNull();
	});
});

describe('isMaplibreWorker', () => {
	it("recognises MapLibre's worker by its banner in a large file, not a small app worker", () => {
		expect(isMaplibreWorker(`/**\n* MapLibre GL JS\n*/${'x'.repeat(200_000)}`)).toBe(true);
		expect(
			isMaplibreWorker('self.onmessage = () => {}; // export worker for MapLibre GL JS data')
		).toBe(false);
	});
});
