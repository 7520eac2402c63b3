import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve, sep } from 'node:path';
import {
	STYLED_PATH,
	baselineHtml,
	baselineScript,
	styledBaselineScript,
	styledBaselineStyle,
	type CapturedMap
} from './baseline';

export interface BaselineServer {
	url: string;
	/** Serves MapLibre alone drawing the app's captured map at `STYLED_PATH`; returns its URL. */
	serveStyled: (captured: CapturedMap, appOrigin: string) => string;
	stop: () => Promise<void>;
}

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.geojson': 'application/geo+json',
	'.pbf': 'application/x-protobuf'
};

/**
 * Writes the baseline page to `pageDir` (`bench/out/baseline/`) and serves it on loopback with
 * MapLibre's dist files from node_modules and the dataset's incidents and basemap files; the
 * styled page (see `serveStyled`) also gets the app's glyph files from `glyphsDir`.
 */
export async function startBaselineServer(
	geodataDir: string,
	pageDir = 'bench/out/baseline',
	glyphsDir = 'static/glyphs'
): Promise<BaselineServer> {
	const dist = resolve('node_modules/maplibre-gl/dist');
	const basemapDir = join(geodataDir, 'basemap');
	const basemapFiles = existsSync(basemapDir)
		? readdirSync(basemapDir)
				.filter((f) => f.endsWith('.geojson'))
				.sort()
		: [];
	const files = new Map<string, string>([
		['/', join(pageDir, 'index.html')],
		['/main.js', join(pageDir, 'main.js')],
		['/maplibre-gl.mjs', join(dist, 'maplibre-gl.mjs')],
		['/maplibre-gl-worker.mjs', join(dist, 'maplibre-gl-worker.mjs')],
		['/maplibre-gl.css', join(dist, 'maplibre-gl.css')],
		['/data/incidents.geojson', join(geodataDir, 'incidents.geojson')],
		...basemapFiles.map((f) => [`/data/basemap/${f}`, join(basemapDir, f)] as const)
	]);
	/** The styled page's files, made in memory by `serveStyled`. */
	const styled = new Map<string, string>();
	const glyphs = resolve(glyphsDir);
	const server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		const text = styled.get(path);
		if (text !== undefined) {
			const ext = path === STYLED_PATH ? '.html' : path.slice(path.lastIndexOf('.'));
			response.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' });
			response.end(text);
			return;
		}
		const file = files.get(path) ?? glyphFile(glyphs, path);
		if (!file) {
			response.writeHead(404).end();
			return;
		}
		const ext = file.slice(file.lastIndexOf('.'));
		response.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' });
		response.end(readFileSync(file));
	});
	await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	mkdirSync(pageDir, { recursive: true });
	writeFileSync(join(pageDir, 'index.html'), baselineHtml());
	writeFileSync(join(pageDir, 'main.js'), baselineScript(url, basemapFiles));
	return {
		url,
		serveStyled(captured, appOrigin) {
			const { style, files: sourceFiles } = styledBaselineStyle(captured.style, appOrigin, url);
			styled.clear();
			for (const [path, text] of sourceFiles) styled.set(path, text);
			styled.set(
				STYLED_PATH,
				baselineHtml(`${STYLED_PATH}main.js`, "Baseline: MapLibre alone with the app's style")
			);
			styled.set(`${STYLED_PATH}main.js`, styledBaselineScript(style, captured));
			return url + STYLED_PATH;
		},
		stop: () =>
			new Promise<void>((res) => {
				server.closeAllConnections();
				server.close(() => res());
			})
	};
}

/** The file under `glyphsDir` a `/glyphs/<stack>/<range>.pbf` path names, or null (never outside it). */
export function glyphFile(glyphsDir: string, path: string): string | null {
	if (!path.startsWith('/glyphs/') || !path.endsWith('.pbf')) return null;
	let name: string;
	try {
		name = decodeURIComponent(path.slice('/glyphs/'.length));
	} catch {
		return null;
	}
	const file = resolve(glyphsDir, name);
	const inside = relative(glyphsDir, file);
	if (inside.startsWith('..') || inside.startsWith(sep) || !existsSync(file)) return null;
	return file;
}
