import type { Position } from 'geojson';

/**
 * Twice the signed planar area of a ring (shoelace), positive when counter-clockwise.
 * Accepts open or closed rings.
 */
export function signedArea2(ring: Position[]): number {
	let sum = 0;
	for (let i = 0, n = ring.length; i < n; i++) {
		const [x1, y1] = ring[i];
		const [x2, y2] = ring[(i + 1) % n];
		sum += x1 * y2 - x2 * y1;
	}
	return sum;
}

function samePosition(a: Position, b: Position): boolean {
	return a[0] === b[0] && a[1] === b[1];
}

/** Drops the closing position of a ring if it repeats the first. */
export function openRing(ring: Position[]): Position[] {
	if (ring.length > 1 && samePosition(ring[0], ring[ring.length - 1])) return ring.slice(0, -1);
	return ring.slice();
}

/** Appends the first position to an open ring. */
export function closeRing(ring: Position[]): Position[] {
	return ring.length === 0 ? [] : [...ring, ring[0]];
}

/**
 * Cleans an open ring: removes repeated consecutive positions and zero-width spikes (a vertex
 * where the boundary turns back on itself along the same line), wrapping around the ring.
 * Returns an open ring, possibly with fewer than three positions (then it is degenerate).
 */
export function cleanOpenRing(ring: Position[]): Position[] {
	const out = ring.slice();
	let changed = true;
	while (changed && out.length > 0) {
		changed = false;
		for (let i = 0; i < out.length && out.length > 1;) {
			const prev = out[(i - 1 + out.length) % out.length];
			const cur = out[i];
			const next = out[(i + 1) % out.length];
			if (samePosition(cur, next) || isSpike(prev, cur, next)) {
				out.splice(i, 1);
				changed = true;
			} else {
				i++;
			}
		}
	}
	return out;
}

function isSpike(a: Position, b: Position, c: Position): boolean {
	const abx = b[0] - a[0];
	const aby = b[1] - a[1];
	const bcx = c[0] - b[0];
	const bcy = c[1] - b[1];
	return abx * bcy - aby * bcx === 0 && abx * bcx + aby * bcy < 0;
}

/** Where a point lies relative to a ring (open or closed), by exact arithmetic on the inputs. */
export function pointInRing(point: Position, ring: Position[]): 'inside' | 'outside' | 'boundary' {
	const [px, py] = point;
	const n = ring.length;
	let inside = false;
	for (let i = 0, j = n - 1; i < n; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		const cross = (xj - xi) * (py - yi) - (yj - yi) * (px - xi);
		if (
			cross === 0 &&
			px >= Math.min(xi, xj) &&
			px <= Math.max(xi, xj) &&
			py >= Math.min(yi, yj) &&
			py <= Math.max(yi, yj)
		) {
			return 'boundary';
		}
		if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside ? 'inside' : 'outside';
}
