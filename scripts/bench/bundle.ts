import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
	isMaplibreChunk,
	isMaplibreCss,
	isMaplibreWorker,
	nodeAssets,
	pageAssets,
	routeNodes,
	staticClosure
} from './bundle_graph';
import type { Row } from './results';

export interface BundleOptions {
	size: string;
	/** The running built server's origin, e.g. `http://127.0.0.1:4321`. */
	origin: string;
	/** `build/client`: where `/_app/...` paths are read from. */
	clientDir: string;
}

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]
	);
}

interface Sizes {
	raw: number;
	gzip: number;
}

const DIST_JS = 'node_modules/maplibre-gl/dist/maplibre-gl.mjs';
const DIST_CSS = 'node_modules/maplibre-gl/dist/maplibre-gl.css';

function kB(bytes: number): number {
	return bytes / 1024;
}

/** The client imports and stylesheets of the layout and page nodes of `/`, from the server build. */
function dashboardNodes(serverDir: string): {
	imports: string[];
	stylesheets: string[];
	note?: string;
} {
	const files = existsSync(serverDir)
		? walk(serverDir).filter((f) => f.endsWith('.js') && !f.endsWith('.map'))
		: [];
	const manifest = files.find((f) => /manifest/.test(f.split('/').pop()!));
	const ids = manifest ? routeNodes(readFileSync(manifest, 'utf8'), '/') : null;
	if (!ids) {
		return {
			imports: [],
			stylesheets: [],
			note: 'route / not found in the server manifest; page nodes not counted'
		};
	}
	const nodes = files
		.filter((f) => f.split('/').includes('nodes'))
		.map((f) => nodeAssets(readFileSync(f, 'utf8')))
		.filter((n) => n !== null && ids.includes(n.index));
	return {
		imports: nodes.flatMap((n) => n!.imports),
		stylesheets: nodes.flatMap((n) => n!.stylesheets),
		note:
			nodes.length === ids.length
				? undefined
				: `only ${nodes.length} of nodes ${ids.join(', ')} of / found`
	};
}

/**
 * Initial JS and CSS of the dashboard (`/`): the page's scripts, module preloads and stylesheets
 * plus the static imports of every script, gzip-compressed (zlib level 6), with and without MapLibre.
 */
export async function measureBundle(
	options: BundleOptions
): Promise<{ rows: Row[]; notes: string[] }> {
	const { size, origin, clientDir } = options;
	const response = await fetch(origin + '/');
	const html = await response.text();
	const notes: string[] = [];
	if (!response.ok) notes.push(`bundle: GET / answered HTTP ${response.status}`);
	const cache = new Map<string, Buffer | undefined>();
	const bytes = (path: string): Buffer | undefined => {
		if (!cache.has(path)) {
			try {
				cache.set(path, readFileSync(join(clientDir, decodeURIComponent(path))));
			} catch {
				cache.set(path, undefined);
			}
		}
		return cache.get(path);
	};
	const gz = (paths: Iterable<string>): Sizes => {
		let raw = 0;
		let gzip = 0;
		for (const p of paths) {
			const b = bytes(p);
			if (!b) continue;
			raw += b.length;
			gzip += gzipSync(b).length;
		}
		return { raw, gzip };
	};
	/**
	 * The files' sizes without MapLibre: exact when MapLibre has a file of its own; an estimate
	 * (minus the size of MapLibre's own minified dist file) when it is bundled into an app chunk.
	 */
	const withoutMaplibre = (
		total: Sizes,
		files: string[],
		maplibre: string[],
		dist: string
	): { with: Sizes; without: Sizes; note: string } => {
		if (maplibre.length === 0)
			return { with: total, without: total, note: 'no MapLibre file found' };
		const distBytes = readFileSync(dist);
		const mixed = maplibre.filter((p) => bytes(p)!.length > distBytes.length * 1.03 + 4096);
		if (mixed.length === 0) {
			const rest = files.filter((p) => !maplibre.includes(p));
			return {
				with: total,
				without: gz(rest),
				note: `${rest.length} files; excluded ${maplibre.join(', ')}`
			};
		}
		const distGzip = gzipSync(distBytes).length;
		return {
			with: total,
			without: { raw: total.raw - distBytes.length, gzip: total.gzip - distGzip },
			note:
				`ESTIMATE: MapLibre is bundled together with app code in ${mixed.join(', ')}; ` +
				`subtracted the size of ${dist.split('/').pop()} (${kB(distGzip).toFixed(1)} KiB gzip)`
		};
	};
	const assets = pageAssets(html, '/');
	const route = dashboardNodes(join(clientDir, '..', 'server'));
	if (route.note) notes.push(`bundle: ${route.note}`);
	for (const css of route.stylesheets)
		if (!assets.stylesheets.includes(css)) assets.stylesheets.push(css);
	const graph = await staticClosure(
		[...assets.scripts, ...assets.modulepreloads, ...route.imports],
		(p) => bytes(p)?.toString('utf8')
	);
	if (graph.missing.length > 0)
		notes.push(`bundle: not found in build/client: ${graph.missing.join(', ')}`);

	const immutable = join(clientDir, '_app', 'immutable');
	const all = walk(immutable).map((file) => '/' + relative(clientDir, file).split('\\').join('/'));
	const text = (p: string) => bytes(p)!.toString('utf8');
	const scripts = all.filter((p) => /\.m?js$/.test(p));
	const isWorker = (p: string) => /worker/i.test(p.split('/').pop()!);
	const maplibreJs = scripts.filter((p) => !isWorker(p) && isMaplibreChunk(text(p)));
	const worker = scripts.filter((p) => isWorker(p) && isMaplibreWorker(text(p)));
	const maplibreCss = all.filter((p) => p.endsWith('.css') && isMaplibreCss(text(p)));

	const initialJs = new Set(graph.files);
	const withMaplibre = new Set(initialJs);
	const maplibreGraph = await staticClosure(maplibreJs, (p) => bytes(p)?.toString('utf8'));
	for (const p of maplibreGraph.files) withMaplibre.add(p);
	const cssWith = new Set([...assets.stylesheets, ...maplibreCss]);

	const row = (metric: string, measured: Sizes, note = ''): Row => ({
		size,
		part: 'bundle',
		metric,
		unit: 'KiB gzip',
		values: [kB(measured.gzip)],
		note: [`${kB(measured.raw).toFixed(1)} KiB raw`, note].filter(Boolean).join('; ')
	});
	const js = withoutMaplibre(gz(withMaplibre), [...withMaplibre], maplibreJs, DIST_JS);
	const css = withoutMaplibre(gz(cssWith), [...cssWith], maplibreCss, DIST_CSS);
	const where =
		maplibreJs.length === 0
			? 'no MapLibre chunk found in build/client'
			: maplibreJs.some((p) => initialJs.has(p))
				? `MapLibre (${maplibreJs.join(', ')}) is in the initial static graph`
				: `MapLibre (${maplibreJs.join(', ')}) is loaded lazily; added here`;
	const rows: Row[] = [
		row('initial JS incl. MapLibre', js.with, `${withMaplibre.size} files; ${where}`),
		row('initial JS without MapLibre', js.without, js.note),
		row('initial CSS incl. MapLibre CSS', css.with, `${cssWith.size} files`),
		row('initial CSS without MapLibre CSS', css.without, css.note)
	];
	if (worker.length > 0) {
		rows.push(row('MapLibre worker (fetched when the map starts)', gz(worker), worker.join(', ')));
	}
	if (graph.lazy.length > 0) {
		notes.push(
			`bundle: lazy chunks reachable from the page (not counted as initial): ${graph.lazy.length}`
		);
	}
	return { rows, notes };
}
