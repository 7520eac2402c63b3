import type { LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { Dataset } from '$lib/data/schema';

/** What the locator map draws its regions from: the basemap countries, an outline (the NKAO). */
export interface LocatorArea {
	name: string;
	geometry: Polygon | MultiPolygon;
}

/**
 * The outline the locator draws: the first feature of the area layer that the dataset's region
 * (`meta.regions`, kind `region`) names by `layer_id`, as `geodata/` names the NKAO; none where no
 * region names an area layer. Data, not an id in code: another dataset outlines its own region.
 */
export function regionOutline(dataset: Pick<Dataset, 'meta' | 'layers'>): LocatorArea | null {
	for (const region of dataset.meta.regions ?? []) {
		if (region.kind !== 'region' || region.layer_id === undefined) continue;
		const layer = dataset.layers[region.layer_id];
		const area = layer?.layer.kind === 'area' ? layer.features[0] : undefined;
		if (area)
			return { name: area.properties.name, geometry: area.geometry as LocatorArea['geometry'] };
	}
	return null;
}

export interface LocatorInput {
	focus: Point | LineString | MultiLineString;
	/** Radius of the uncertainty ring around a point, in metres (0: none). */
	uncertaintyM: number;
	countries: LocatorArea[];
	outline?: LocatorArea | null;
	width: number;
	height: number;
	/** Degrees of latitude the map spans at least (the focus always fits, with a margin). */
	minSpanDeg?: number;
}

export interface Locator {
	width: number;
	height: number;
	countries: { name: string; d: string }[];
	outline: { name: string; d: string } | null;
	focus: { kind: 'point'; cx: number; cy: number; r: number } | { kind: 'line'; d: string };
}

const METRES_PER_DEGREE = 111_320;

function positions(g: LocatorInput['focus']): Position[] {
	if (g.type === 'Point') return [g.coordinates];
	if (g.type === 'LineString') return g.coordinates;
	return g.coordinates.flat();
}

function polygons(g: Polygon | MultiPolygon): Position[][][] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/**
 * A small static locator map as SVG path data: an equirectangular projection centred on the
 * incident (longitudes shrunk by cos(latitude)), the surrounding countries, an outline and the
 * incident itself. Pure, so the server renders it and the page needs no script and no map library.
 */
export function buildLocator(input: LocatorInput): Locator {
	const { width, height } = input;
	const pts = positions(input.focus);
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [lon, lat] of pts) {
		w = Math.min(w, lon);
		e = Math.max(e, lon);
		s = Math.min(s, lat);
		n = Math.max(n, lat);
	}
	const lon0 = (w + e) / 2;
	const lat0 = (s + n) / 2;
	const kx = Math.cos((lat0 * Math.PI) / 180);
	const aspect = width / height;
	const latSpan = Math.max(input.minSpanDeg ?? 1.2, (n - s) * 1.5, ((e - w) * kx * 1.5) / aspect);
	const scale = height / latSpan;
	const lonSpan = width / scale / kx;
	const view = [lon0 - lonSpan, lat0 - latSpan, lon0 + lonSpan, lat0 + latSpan];

	const project = ([lon, lat]: Position): [number, number] => [
		Math.round(((lon - lon0) * kx * scale + width / 2) * 10) / 10,
		Math.round((height / 2 - (lat - lat0) * scale) * 10) / 10
	];

	const ringPath = (ring: Position[], close: boolean): string => {
		let d = '';
		let last = '';
		const first = ring[0];
		const end = ring.at(-1);
		const points =
			close && first && end && first[0] === end[0] && first[1] === end[1]
				? ring.slice(0, -1)
				: ring;
		for (const p of points) {
			const [x, y] = project(p);
			const point = `${x} ${y}`;
			if (point === last) continue;
			d += (d ? 'L' : 'M') + point;
			last = point;
		}
		return d && close ? d + 'Z' : d;
	};

	const inView = (ring: Position[]) => {
		let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const [lon, lat] of ring) {
			a = Math.min(a, lon);
			c = Math.max(c, lon);
			b = Math.min(b, lat);
			d = Math.max(d, lat);
		}
		return a <= view[2] && c >= view[0] && b <= view[3] && d >= view[1];
	};

	const areaPath = (area: LocatorArea) =>
		polygons(area.geometry)
			.filter((polygon) => polygon.length > 0 && inView(polygon[0]))
			.map((polygon) => polygon.map((ring) => ringPath(ring, true)).join(''))
			.join('');

	const countries = input.countries
		.map((c) => ({ name: c.name, d: areaPath(c) }))
		.filter((c) => c.d !== '');
	const outlinePath = input.outline ? areaPath(input.outline) : '';
	const g = input.focus;
	const focus: Locator['focus'] =
		g.type === 'Point'
			? (() => {
					const [cx, cy] = project(g.coordinates);
					const r = Math.round((input.uncertaintyM / METRES_PER_DEGREE) * scale * 10) / 10;
					return { kind: 'point', cx, cy, r };
				})()
			: {
					kind: 'line',
					d: (g.type === 'LineString' ? [g.coordinates] : g.coordinates)
						.map((line) => ringPath(line, false))
						.join('')
				};
	return {
		width,
		height,
		countries,
		outline: outlinePath && input.outline ? { name: input.outline.name, d: outlinePath } : null,
		focus
	};
}
