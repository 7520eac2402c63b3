import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { baselineHtml, baselineScript } from './baseline';

export interface BaselineServer {
	url: string;
	stop: () => Promise<void>;
}

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.geojson': 'application/geo+json'
};

/**
 * Writes the baseline page to `pageDir` (`bench/out/baseline/`) and serves it on loopback with
 * MapLibre's dist files from node_modules and the dataset's incidents and basemap files.
 */
export async function startBaselineServer(
	geodataDir: string,
	pageDir = 'bench/out/baseline'
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
	const server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		const file = files.get(path);
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
		stop: () =>
			new Promise<void>((res) => {
				server.closeAllConnections();
				server.close(() => res());
			})
	};
}
