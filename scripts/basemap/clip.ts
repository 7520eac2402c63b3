import type { Position } from 'geojson';
import { bboxContains, type Bbox } from './bbox';
import { cleanOpenRing, closeRing, openRing, pointInRing, signedArea2 } from './ring';

interface ClippedSegment {
	from: Position;
	to: Position;
	/** The segment continues past `to` outside the box. */
	exits: boolean;
}

/** Liang–Barsky clip of the segment p→q to the closed box; points on an edge snap onto it. */
function clipSegment(p: Position, q: Position, bbox: Bbox): ClippedSegment | null {
	const [west, south, east, north] = bbox;
	const dx = q[0] - p[0];
	const dy = q[1] - p[1];
	const denominators = [-dx, dx, -dy, dy];
	const numerators = [p[0] - west, east - p[0], p[1] - south, north - p[1]];
	let t0 = 0;
	let t1 = 1;
	let edge0 = -1;
	let edge1 = -1;
	for (let k = 0; k < 4; k++) {
		const den = denominators[k];
		const num = numerators[k];
		if (den === 0) {
			if (num < 0) return null;
			continue;
		}
		const r = num / den;
		if (den < 0) {
			if (r > t1) return null;
			if (r > t0) [t0, edge0] = [r, k];
		} else {
			if (r < t0) return null;
			if (r < t1) [t1, edge1] = [r, k];
		}
	}
	const at = (t: number, edge: number): Position => {
		const x = Math.min(east, Math.max(west, p[0] + t * dx));
		const y = Math.min(north, Math.max(south, p[1] + t * dy));
		return [edge === 0 ? west : edge === 1 ? east : x, edge === 2 ? south : edge === 3 ? north : y];
	};
	return {
		from: edge0 < 0 ? p : at(t0, edge0),
		to: edge1 < 0 ? q : at(t1, edge1),
		exits: edge1 >= 0
	};
}

function samePosition(a: Position, b: Position): boolean {
	return a[0] === b[0] && a[1] === b[1];
}

/**
 * Splits a polyline into its parts inside the closed box. With `closed`, the line is a ring that
 * must have a vertex strictly outside the box, and it is walked from there.
 */
function insideParts(line: Position[], bbox: Bbox, closed: boolean): Position[][] {
	let points = line;
	if (closed) {
		const start = line.findIndex((p) => !bboxContains(bbox, p));
		points = [...line.slice(start), ...line.slice(0, start), line[start]];
	}
	const parts: Position[][] = [];
	let current: Position[] | null = null;
	for (let i = 0; i + 1 < points.length; i++) {
		const segment = clipSegment(points[i], points[i + 1], bbox);
		if (!segment) {
			if (current) parts.push(current);
			current = null;
			continue;
		}
		if (!current) current = [segment.from];
		if (!samePosition(current[current.length - 1], segment.to)) current.push(segment.to);
		if (segment.exits) {
			parts.push(current);
			current = null;
		}
	}
	if (current) parts.push(current);
	return parts;
}

/**
 * Clips lines to the closed box: each line becomes the parts of it that lie inside, and parts
 * that shrink to a point are dropped. Lines running along an edge of the box are kept.
 */
export function clipLines(lines: Position[][], bbox: Bbox): Position[][] {
	return lines.flatMap((line) => insideParts(line, bbox, false).filter((part) => part.length > 1));
}

/** Position of a point on the box outline, measured counter-clockwise from the south-west corner. */
function outlineParam(bbox: Bbox, [x, y]: Position): number {
	const [west, south, east, north] = bbox;
	const width = east - west;
	const height = north - south;
	if (y === south) return x - west;
	if (x === east) return width + (y - south);
	if (y === north) return width + height + (east - x);
	if (x === west) return 2 * width + height + (north - y);
	throw new Error(`clip: point [${x}, ${y}] is not on the outline of the box`);
}

function onOneEdge(bbox: Bbox, a: Position, b: Position): boolean {
	const [west, south, east, north] = bbox;
	return (
		(a[0] === west && b[0] === west) ||
		(a[0] === east && b[0] === east) ||
		(a[1] === south && b[1] === south) ||
		(a[1] === north && b[1] === north)
	);
}

/** A crossing part whose whole length lies on the outline adds no area on either side. */
function runsAlongOutline(bbox: Bbox, part: Position[]): boolean {
	return part.every((p, i) => i === 0 || onOneEdge(bbox, part[i - 1], p));
}

/** The box outline counter-clockwise from the south-west corner, with each corner's parameter. */
function corners(bbox: Bbox): { at: number; position: Position }[] {
	const [west, south, east, north] = bbox;
	const width = east - west;
	const height = north - south;
	return [
		{ at: 0, position: [west, south] },
		{ at: width, position: [east, south] },
		{ at: width + height, position: [east, north] },
		{ at: 2 * width + height, position: [west, north] }
	];
}

/**
 * Joins the crossing parts of all rings (each entering and leaving through the outline, with the
 * polygon's interior on its left) into closed rings by walking the outline counter-clockwise
 * from where a part leaves to where the next part enters (Weiler–Atherton on a rectangle).
 */
function linkParts(parts: Position[][], bbox: Bbox): Position[][] {
	const perimeter = 2 * (bbox[2] - bbox[0] + (bbox[3] - bbox[1]));
	const entries = parts.map((part) => outlineParam(bbox, part[0]));
	const outline = corners(bbox);
	const used = parts.map(() => false);
	const rings: Position[][] = [];
	for (let first = 0; first < parts.length; first++) {
		if (used[first]) continue;
		const ring: Position[] = [];
		let current = first;
		for (;;) {
			used[current] = true;
			ring.push(...parts[current]);
			const exit = outlineParam(bbox, parts[current][parts[current].length - 1]);
			let next = -1;
			let best = Infinity;
			for (let j = 0; j < parts.length; j++) {
				if (used[j] && j !== first) continue;
				const distance = (((entries[j] - exit) % perimeter) + perimeter) % perimeter;
				if (distance < best || (distance === best && j === first)) [next, best] = [j, distance];
			}
			if (next < 0) throw new Error('clip: a ring crossing the box could not be closed');
			const passed = outline
				.map((corner) => ({
					...corner,
					distance: (((corner.at - exit) % perimeter) + perimeter) % perimeter
				}))
				.filter((corner) => corner.distance > 0 && corner.distance < best)
				.sort((a, b) => a.distance - b.distance);
			ring.push(...passed.map((corner) => corner.position));
			if (next === first) break;
			current = next;
		}
		rings.push(ring);
	}
	return rings;
}

type RingFate =
	| { kind: 'inside' }
	| { kind: 'outside'; enclosesBox: boolean }
	| { kind: 'crossing'; parts: Position[][] };

function ringFate(ring: Position[], bbox: Bbox): RingFate {
	if (ring.every((p) => bboxContains(bbox, p))) return { kind: 'inside' };
	const parts = insideParts(ring, bbox, true).filter(
		(part) => part.length > 1 && !runsAlongOutline(bbox, part)
	);
	if (parts.length > 0) return { kind: 'crossing', parts };
	const centre = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
	return { kind: 'outside', enclosesBox: pointInRing(centre, ring) === 'inside' };
}

/** Open, cleaned, RFC 7946-oriented rings; `null` if the exterior ring has no area. */
function normalise(rings: Position[][]): { shell: Position[]; holes: Position[][] } | null {
	const cleaned = rings.map((ring) => cleanOpenRing(openRing(ring)));
	const [shell, ...holes] = cleaned.map((ring, i) => {
		const area = ring.length < 3 ? 0 : signedArea2(ring);
		if (area === 0) return null;
		const counterClockwise = area > 0;
		return counterClockwise === (i === 0) ? ring : ring.slice().reverse();
	});
	if (!shell) return null;
	return { shell, holes: holes.filter((hole): hole is Position[] => hole !== null) };
}

/** The hole's first vertex that is not on the shell's outline decides which shell holds it. */
function holdsHole(shell: Position[], hole: Position[]): boolean {
	for (const vertex of hole) {
		const where = pointInRing(vertex, shell);
		if (where !== 'boundary') return where === 'inside';
	}
	return false;
}

/**
 * Clips one polygon (GeoJSON rings, exterior first) to the closed box. Unlike
 * Sutherland–Hodgman (`@turf/bbox-clip`), a polygon that leaves and re-enters the box comes out
 * as separate polygons, and a hole that crosses the box edge becomes a notch in the exterior,
 * so the result stays valid. Degenerate rings (fewer than 3 distinct positions or no area) are
 * dropped. Output rings are closed, exterior counter-clockwise and holes clockwise.
 */
export function clipPolygon(rings: Position[][], bbox: Bbox): Position[][][] {
	const polygon = normalise(rings);
	if (!polygon) return [];
	const shellFate = ringFate(polygon.shell, bbox);
	if (shellFate.kind === 'inside') {
		return [[polygon.shell, ...polygon.holes].map(closeRing)];
	}
	if (shellFate.kind === 'outside' && !shellFate.enclosesBox) return [];
	const parts = shellFate.kind === 'crossing' ? [...shellFate.parts] : [];
	const holesInside: Position[][] = [];
	for (const hole of polygon.holes) {
		const fate = ringFate(hole, bbox);
		if (fate.kind === 'inside') holesInside.push(hole);
		else if (fate.kind === 'crossing') parts.push(...fate.parts);
		else if (fate.enclosesBox) return [];
	}
	const shells =
		parts.length === 0
			? [corners(bbox).map((corner) => corner.position)]
			: linkParts(parts, bbox)
					.map(cleanOpenRing)
					.filter((ring) => ring.length >= 3 && signedArea2(ring) > 0);
	return shells.map((shell) =>
		[shell, ...holesInside.filter((hole) => holdsHole(shell, hole))].map(closeRing)
	);
}

/** Clips each polygon of a MultiPolygon; the result may hold more or fewer polygons. */
export function clipPolygons(polygons: Position[][][], bbox: Bbox): Position[][][] {
	return polygons.flatMap((polygon) => clipPolygon(polygon, bbox));
}
