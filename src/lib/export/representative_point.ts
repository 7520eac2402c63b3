import type { IncidentFeature } from '../data/schema';

type Position = number[];

const R = 6_371_008.8;
const rad = Math.PI / 180;

/** Great-circle distance in metres (haversine). */
export function distance(a: Position, b: Position): number {
	const dLat = (b[1] - a[1]) * rad;
	const dLon = (b[0] - a[0]) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * One point for an incident, for formats with a single latitude/longitude per row: the point
 * itself, or for a line the point halfway along it (by great-circle length, interpolated linearly
 * within the segment, which at these segment lengths is off by well under a metre). For a
 * MultiLineString the parts are walked in order as one path.
 */
export function representativePoint(geometry: IncidentFeature['geometry']): [number, number] {
	if (geometry.type === 'Point') return [geometry.coordinates[0], geometry.coordinates[1]];
	const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
	const segments: { a: Position; b: Position; length: number }[] = [];
	for (const line of lines) {
		for (let i = 1; i < line.length; i++) {
			segments.push({ a: line[i - 1], b: line[i], length: distance(line[i - 1], line[i]) });
		}
	}
	const total = segments.reduce((sum, s) => sum + s.length, 0);
	if (total === 0) return [lines[0][0][0], lines[0][0][1]];
	let remaining = total / 2;
	for (const s of segments) {
		if (remaining <= s.length && s.length > 0) {
			const t = remaining / s.length;
			return [s.a[0] + (s.b[0] - s.a[0]) * t, s.a[1] + (s.b[1] - s.a[1]) * t];
		}
		remaining -= s.length;
	}
	const last = segments[segments.length - 1].b;
	return [last[0], last[1]];
}

/** A line incident's length in metres along its parts (great-circle per segment). */
export function lineLength(geometry: IncidentFeature['geometry']): number {
	if (geometry.type === 'Point') return 0;
	const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
	let total = 0;
	for (const line of lines)
		for (let i = 1; i < line.length; i++) total += distance(line[i - 1], line[i]);
	return total;
}

/** The candidate nearest to `point` and its distance in metres; null without candidates. */
export function nearest<T>(
	point: Position,
	candidates: readonly T[],
	position: (candidate: T) => Position
): { item: T; distance: number } | null {
	let best: { item: T; distance: number } | null = null;
	for (const item of candidates) {
		const d = distance(point, position(item));
		if (!best || d < best.distance) best = { item, distance: d };
	}
	return best;
}
