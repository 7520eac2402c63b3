import type { Geometry, Position } from 'geojson';

/** `[minLon, minLat, maxLon, maxLat]`, as `meta.json` declares it. */
export type Bounds = readonly [number, number, number, number];

/** The first position of `geometry` outside `bounds` (with its path), and how many lie outside. */
export interface OutsidePositions {
	/** Relative to the geometry: `coordinates`, `coordinates[3]`, `coordinates[0][2]`. */
	path: string;
	position: Position;
	count: number;
}

export const isInside = ([lon, lat]: Position, [minLon, minLat, maxLon, maxLat]: Bounds): boolean =>
	lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;

/** Walks nested coordinate arrays in order, calling `visit` with each position and its path. */
function walk(coords: unknown, path: string, visit: (p: Position, path: string) => void): void {
	if (!Array.isArray(coords)) return;
	if (typeof coords[0] === 'number') {
		visit(coords as Position, path);
		return;
	}
	coords.forEach((c, i) => walk(c, `${path}[${i}]`, visit));
}

/** Where `geometry` leaves `bounds`; `undefined` when every position lies within. */
export function outsidePositions(geometry: Geometry, bounds: Bounds): OutsidePositions | undefined {
	if (geometry.type === 'GeometryCollection') return undefined;
	let first: OutsidePositions | undefined;
	walk(geometry.coordinates, 'coordinates', (position, path) => {
		if (isInside(position, bounds)) return;
		if (first) first.count++;
		else first = { path, position, count: 1 };
	});
	return first;
}

const num = (n: number) => String(+n.toFixed(6));

/** `[40.3258, 46.7502] is outside the dataset extent [44, 38.3, 50.5, 41.5] (meta.json extent)`. */
export function outsideMessage(found: OutsidePositions, bounds: Bounds): string {
	const others = found.count > 1 ? ` (and ${found.count - 1} more positions)` : '';
	return (
		`[${num(found.position[0])}, ${num(found.position[1])}] is outside the dataset extent ` +
		`[${bounds.map(num).join(', ')}] (meta.json extent)${others}`
	);
}
