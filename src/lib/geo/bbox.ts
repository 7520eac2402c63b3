import type { Geometry, Position } from 'geojson';

/** `[minLon, minLat, maxLon, maxLat]` in WGS84 degrees. */
export type BBox = [number, number, number, number];

/** Visits every position of a geometry (none for a null geometry). */
export function forEachPosition(geometry: Geometry | null, visit: (p: Position) => void): void {
	if (!geometry) return;
	switch (geometry.type) {
		case 'Point':
			visit(geometry.coordinates);
			return;
		case 'MultiPoint':
		case 'LineString':
			for (const p of geometry.coordinates) visit(p);
			return;
		case 'MultiLineString':
		case 'Polygon':
			for (const line of geometry.coordinates) for (const p of line) visit(p);
			return;
		case 'MultiPolygon':
			for (const polygon of geometry.coordinates)
				for (const ring of polygon) for (const p of ring) visit(p);
			return;
		case 'GeometryCollection':
			for (const g of geometry.geometries) forEachPosition(g, visit);
			return;
	}
}

/** The bounding box of a geometry, or `null` for a null or empty geometry. */
export function geometryBBox(geometry: Geometry | null): BBox | null {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	forEachPosition(geometry, (p) => {
		if (p[0] < minX) minX = p[0];
		if (p[0] > maxX) maxX = p[0];
		if (p[1] < minY) minY = p[1];
		if (p[1] > maxY) maxY = p[1];
	});
	return minX === Infinity ? null : [minX, minY, maxX, maxY];
}

/** The smallest box holding every given box (`null` if there is none). */
export function unionBBox(boxes: Iterable<BBox | null>): BBox | null {
	let out: BBox | null = null;
	for (const b of boxes) {
		if (!b) continue;
		if (!out) out = [...b];
		else {
			out[0] = Math.min(out[0], b[0]);
			out[1] = Math.min(out[1], b[1]);
			out[2] = Math.max(out[2], b[2]);
			out[3] = Math.max(out[3], b[3]);
		}
	}
	return out;
}

/** Whether two boxes share at least one point (touching edges count). */
export function bboxIntersects(a: BBox, b: BBox): boolean {
	return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export type BBoxParse = { ok: true; bbox: BBox } | { ok: false; description: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a `bbox` query parameter: `minLon,minLat,maxLon,maxLat` in CRS84, as OGC API – Features
 * defines it. Six numbers (with heights) are accepted and the heights ignored. A box whose minimum
 * longitude exceeds its maximum (an antimeridian crossing) is refused: nothing in this dataset
 * needs one, and refusing is clearer than silently returning the wrong half of the world.
 */
export function parseBBox(text: string, name = 'bbox'): BBoxParse {
	const shown = JSON.stringify(text.length > 80 ? text.slice(0, 80) + '…' : text);
	const parts = text.split(',');
	if (parts.length !== 4 && parts.length !== 6) {
		return {
			ok: false,
			description: `Parameter "${name}" must be 4 comma-separated numbers minLon,minLat,maxLon,maxLat; got ${parts.length} value(s) in ${shown}`
		};
	}
	const numbers: number[] = [];
	for (const part of parts) {
		const trimmed = part.trim();
		if (!NUMBER.test(trimmed)) {
			return {
				ok: false,
				description: `Parameter "${name}" must contain only numbers; ${JSON.stringify(part)} is not a number`
			};
		}
		numbers.push(Number(trimmed));
	}
	const [minX, minY, maxX, maxY] =
		numbers.length === 6 ? [numbers[0], numbers[1], numbers[3], numbers[4]] : numbers;
	for (const [value, axis] of [
		[minX, 'minLon'],
		[maxX, 'maxLon']
	] as const) {
		if (value < -180 || value > 180)
			return {
				ok: false,
				description: `Parameter "${name}": ${axis} ${value} is outside -180..180`
			};
	}
	for (const [value, axis] of [
		[minY, 'minLat'],
		[maxY, 'maxLat']
	] as const) {
		if (value < -90 || value > 90)
			return { ok: false, description: `Parameter "${name}": ${axis} ${value} is outside -90..90` };
	}
	if (minY > maxY) {
		return {
			ok: false,
			description: `Parameter "${name}": minLat ${minY} is greater than maxLat ${maxY}`
		};
	}
	if (minX > maxX) {
		return {
			ok: false,
			description: `Parameter "${name}": minLon ${minX} is greater than maxLon ${maxX} (boxes crossing the antimeridian are not supported)`
		};
	}
	return { ok: true, bbox: [minX, minY, maxX, maxY] };
}
