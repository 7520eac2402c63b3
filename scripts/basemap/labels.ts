import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { Bbox } from './bbox';
import { clipPolygons } from './clip';
import { pointInRing, signedArea2 } from './ring';
import { roundPosition } from './precision';

export type LabelKind = 'country' | 'lake' | 'reservoir';

export interface LabelProperties {
	name: string;
	name_vi: string;
	kind: LabelKind;
	/**
	 * 0: one label per country part, for the zoomed-out map; 1: one per cell of the label grid,
	 * so that a country whose territory is in view is named at the zooms the dashboard is read at.
	 */
	rank: 0 | 1;
}

/** Country names in Vietnamese (our own wording, as Vietnamese atlases write them). */
export const COUNTRY_NAMES_VI: Readonly<Record<string, string>> = {
	Armenia: 'Armenia',
	Azerbaijan: 'Azerbaijan',
	Georgia: 'Gruzia',
	Iran: 'Iran',
	Russia: 'Nga',
	Turkey: 'Thổ Nhĩ Kỳ'
};

/**
 * A part of a country smaller than this (in square degrees, about 1,000 km² here) gets no label:
 * slivers that the region's box cuts off are not worth a name. Nakhchivan (about 0.6) keeps one.
 */
export const MIN_LABEL_AREA = 0.1;

/** The side of a cell of the label grid (degrees): a little more than a 1280 px map's width at zoom 7.5. */
export const LABEL_CELL = 1.5;

/** A country's part of a grid cell gets a label of its own from this area (square degrees) up. */
export const MIN_CELL_LABEL_AREA = 0.3;

function areaOf(polygon: Position[][]): number {
	return Math.abs(signedArea2(polygon[0])) / 2;
}

function distanceToSegment([px, py]: Position, [ax, ay]: Position, [bx, by]: Position, k: number) {
	const dx = (bx - ax) * k;
	const dy = by - ay;
	const qx = (px - ax) * k;
	const qy = py - ay;
	const t =
		dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, (qx * dx + qy * dy) / (dx * dx + dy * dy)));
	return Math.hypot(qx - t * dx, qy - t * dy);
}

function distanceToRings(point: Position, rings: Position[][], k: number): number {
	let best = Infinity;
	for (const ring of rings) {
		for (let i = 0; i + 1 < ring.length; i++) {
			best = Math.min(best, distanceToSegment(point, ring[i], ring[i + 1], k));
		}
	}
	return best;
}

/**
 * Where a polygon's label goes: of a grid of `steps` × `steps` points over its bounds, the one
 * inside it that lies farthest from its outline (east–west distances scaled by the cosine of the
 * latitude), so the name sits in the open part of the shape and not on a border. A coarse
 * stand-in for the pole of inaccessibility; `null` if no grid point falls inside.
 */
export function labelPoint(polygon: Position[][], steps = 48): Position | null {
	const [outer, ...holes] = polygon;
	const xs = outer.map((p) => p[0]);
	const ys = outer.map((p) => p[1]);
	const [west, east, south, north] = [
		Math.min(...xs),
		Math.max(...xs),
		Math.min(...ys),
		Math.max(...ys)
	];
	const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
	let best: Position | null = null;
	let bestDistance = -1;
	for (let i = 1; i < steps; i++) {
		for (let j = 1; j < steps; j++) {
			const point = [west + ((east - west) * i) / steps, south + ((north - south) * j) / steps];
			if (pointInRing(point, outer) !== 'inside') continue;
			if (holes.some((hole) => pointInRing(point, hole) !== 'outside')) continue;
			const distance = distanceToRings(point, polygon, k);
			if (distance > bestDistance) {
				best = point;
				bestDistance = distance;
			}
		}
	}
	return best;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Label points: per country, one per part of at least `MIN_LABEL_AREA` (so the Nakhchivan
 * exclave is named too; rank 0) and one per part of a `LABEL_CELL` grid cell over `bbox` of at
 * least `MIN_CELL_LABEL_AREA` (rank 1); one per lake or reservoir (its largest part, rank 0);
 * in input order.
 */
export function buildLabels(
	countries: Feature<Polygon | MultiPolygon, { name: string }>[],
	lakes: Feature<Polygon | MultiPolygon, { name: string; name_vi: string; kind: string }>[],
	bbox: Bbox,
	digits: number
): Feature<Point, LabelProperties>[] {
	const cells: Bbox[] = [];
	for (let x = bbox[0]; x < bbox[2]; x += LABEL_CELL) {
		for (let y = bbox[1]; y < bbox[3]; y += LABEL_CELL) {
			cells.push([x, y, Math.min(x + LABEL_CELL, bbox[2]), Math.min(y + LABEL_CELL, bbox[3])]);
		}
	}
	const labels: Feature<Point, LabelProperties>[] = [];
	const add = (position: Position | null, properties: LabelProperties) => {
		if (position) {
			labels.push({
				type: 'Feature',
				properties,
				geometry: { type: 'Point', coordinates: roundPosition(position, digits) }
			});
		}
	};
	for (const country of countries) {
		const name = country.properties.name;
		const name_vi = COUNTRY_NAMES_VI[name] ?? name;
		const polygons = polygonsOf(country.geometry);
		for (const polygon of polygons) {
			if (areaOf(polygon) < MIN_LABEL_AREA) continue;
			add(labelPoint(polygon), { name, name_vi, kind: 'country', rank: 0 });
		}
		for (const cell of cells) {
			for (const part of clipPolygons(polygons, cell)) {
				if (areaOf(part) < MIN_CELL_LABEL_AREA) continue;
				add(labelPoint(part), { name, name_vi, kind: 'country', rank: 1 });
			}
		}
	}
	for (const lake of lakes) {
		const { name, name_vi, kind } = lake.properties;
		if (kind !== 'lake' && kind !== 'reservoir') continue;
		const largest = polygonsOf(lake.geometry).reduce<Position[][] | null>(
			(a, b) => (!a || areaOf(b) > areaOf(a) ? b : a),
			null
		);
		if (largest) add(labelPoint(largest), { name, name_vi, kind, rank: 0 });
	}
	return labels;
}
