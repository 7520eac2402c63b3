import type {
	ExpressionSpecification,
	FilterSpecification,
	StyleSpecification
} from '@maplibre/maplibre-gl-style-spec';

/** The region the baseline map is framed on: [west, south, east, north]. */
export const BASELINE_BOUNDS: [number, number, number, number] = [44.8, 38.8, 47.8, 41.0];

const POLYGON = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const LINE = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false];
const POINT = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

/**
 * The bare MapLibre style the app is compared against: the basemap files and the incidents as
 * plain GeoJSON sources, incidents as circles (lines as lines), no labels, no interaction.
 */
export function baselineStyle(origin: string, basemapFiles: readonly string[]): StyleSpecification {
	const style: StyleSpecification = {
		version: 8,
		sources: {},
		layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }]
	};
	for (const file of basemapFiles) {
		const id = `basemap-${file.replace(/\.geojson$/, '')}`;
		style.sources[id] = { type: 'geojson', data: `${origin}/data/basemap/${file}` };
		style.layers.push(
			{
				id: `${id}-fill`,
				type: 'fill',
				source: id,
				filter: POLYGON as never,
				paint: { 'fill-color': '#e3ded3' }
			},
			{
				id: `${id}-line`,
				type: 'line',
				source: id,
				paint: { 'line-color': '#9a948a', 'line-width': 0.8 }
			},
			{
				id: `${id}-point`,
				type: 'circle',
				source: id,
				filter: POINT as never,
				paint: { 'circle-radius': 2, 'circle-color': '#555' }
			}
		);
	}
	style.sources.incidents = { type: 'geojson', data: `${origin}/data/incidents.geojson` };
	style.layers.push(
		{
			id: 'incidents-lines',
			type: 'line',
			source: 'incidents',
			filter: LINE as never,
			paint: { 'line-color': '#c0392b', 'line-width': 2 }
		},
		{
			id: 'incidents-circles',
			type: 'circle',
			source: 'incidents',
			filter: POINT as never,
			paint: {
				'circle-radius': 4,
				'circle-color': '#c0392b',
				'circle-stroke-color': '#fff',
				'circle-stroke-width': 1
			}
		}
	);
	return style;
}

/**
 * The filters the bench sets on the baseline page for a time window: the incidents whose span
 * [date, date_end ?? date] overlaps it, as the app shows them, on the raw GeoJSON's ISO dates.
 * The same change as the app's, with nothing else around it: the floor a window change can reach.
 */
export function baselineWindowFilters(window: {
	from: string;
	to: string;
}): Record<'incidents-lines' | 'incidents-circles', FilterSpecification> {
	const overlaps: ExpressionSpecification[] = [
		['<=', ['get', 'date'], window.to],
		['>=', ['coalesce', ['get', 'date_end'], ['get', 'date']], window.from]
	];
	return {
		'incidents-lines': ['all', LINE as ExpressionSpecification, ...overlaps],
		'incidents-circles': ['all', POINT as ExpressionSpecification, ...overlaps]
	};
}

/**
 * The baseline page: one full-window map container using the same test contract as the app
 * (`script` and `title` differ for the styled page, whose script sizes the container).
 */
export function baselineHtml(script = '/main.js', title = 'Baseline: bare MapLibre'): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="stylesheet" href="/maplibre-gl.css">
<style>html, body, #map { margin: 0; width: 100%; height: 100%; }</style>
</head>
<body>
<div id="map" data-testid="map" data-map-state="loading"></div>
<script type="module" src="${script}"></script>
</body>
</html>
`;
}

/** The baseline script; `origin` is the baseline server's, so GeoJSON URLs are absolute for the worker. */
export function baselineScript(origin: string, basemapFiles: readonly string[]): string {
	return `import { Map, setWorkerUrl } from '/maplibre-gl.mjs';
setWorkerUrl(new URL('/maplibre-gl-worker.mjs', location.href).href);
const container = document.getElementById('map');
const map = new Map({
	container,
	style: ${JSON.stringify(baselineStyle(origin, basemapFiles))},
	bounds: ${JSON.stringify(BASELINE_BOUNDS)},
	attributionControl: false
});
window.__atlasMap = map;
map.on('dataloading', () => (container.dataset.mapState = 'loading'));
map.on('idle', () => (container.dataset.mapState = 'idle'));
`;
}

/**
 * The app's map as the bench captures it from a loaded dashboard (the test build's map handle):
 * its style as MapLibre holds it, its view, the size of its container and the images the style
 * asked for (the hatch patterns the app draws on demand).
 */
export interface CapturedMap {
	style: StyleSpecification;
	center: [number, number];
	zoom: number;
	width: number;
	height: number;
	images: {
		id: string;
		width: number;
		height: number;
		pixelRatio: number;
		sdf: boolean;
		data: number[];
	}[];
}

/** Where the styled baseline page lives on the baseline server, and its files beside it. */
export const STYLED_PATH = '/styled/';

/**
 * The app's captured style made standalone for the styled baseline page served at `origin`:
 * a GeoJSON source the app fed as an object becomes a file (`files`, path → text) that the
 * worker fetches, as the bare page's are; a source URL on the app's origin moves to `origin`
 * (the baseline server serves the same basemap paths); glyphs are plain HTTP files of the same
 * font stacks. Everything else (layers, filters, paint, the window the app had) is the app's own.
 */
export function styledBaselineStyle(
	captured: StyleSpecification,
	appOrigin: string,
	origin: string
): { style: StyleSpecification; files: Map<string, string> } {
	const files = new Map<string, string>();
	const sources: StyleSpecification['sources'] = {};
	for (const [id, source] of Object.entries(captured.sources)) {
		if (source.type !== 'geojson') {
			sources[id] = source;
			continue;
		}
		let data = source.data;
		if (typeof data === 'string') {
			if (data.startsWith(appOrigin + '/')) data = origin + data.slice(appOrigin.length);
		} else {
			const path = `${STYLED_PATH}source-${encodeURIComponent(id)}.geojson`;
			files.set(path, JSON.stringify(data));
			data = origin + path;
		}
		sources[id] = { ...source, data };
	}
	const style: StyleSpecification = { ...captured, sources };
	if (captured.glyphs) style.glyphs = `${origin}/glyphs/{fontstack}/{range}.pbf`;
	return { style, files };
}

/**
 * The styled baseline page's script: MapLibre alone drawing the app's own style (see
 * {@link styledBaselineStyle}) at the app's view, in a container of the app map's size, with
 * the app's map options that change what a load draws (no label fade). It separates what the
 * map the dashboard draws costs from what the dashboard around it costs.
 */
export function styledBaselineScript(style: StyleSpecification, captured: CapturedMap): string {
	const images = Object.fromEntries(captured.images.map(({ id, ...image }) => [id, image]));
	return `import { Map, setWorkerUrl } from '/maplibre-gl.mjs';
setWorkerUrl(new URL('/maplibre-gl-worker.mjs', location.href).href);
const container = document.getElementById('map');
container.style.width = '${Math.round(captured.width)}px';
container.style.height = '${Math.round(captured.height)}px';
const images = ${JSON.stringify(images)};
const map = new Map({
	container,
	style: ${JSON.stringify(style)},
	center: ${JSON.stringify(captured.center)},
	zoom: ${JSON.stringify(captured.zoom)},
	attributionControl: false,
	fadeDuration: 0
});
map.on('styleimagemissing', (event) => {
	const image = images[event.id];
	if (!image || map.hasImage(event.id)) return;
	map.addImage(
		event.id,
		{ width: image.width, height: image.height, data: new Uint8Array(image.data) },
		{ pixelRatio: image.pixelRatio, sdf: image.sdf }
	);
});
window.__atlasMap = map;
map.on('dataloading', () => (container.dataset.mapState = 'loading'));
map.on('idle', () => (container.dataset.mapState = 'idle'));
`;
}
