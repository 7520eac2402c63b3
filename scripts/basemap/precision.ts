import type { Position } from 'geojson';
import { cleanOpenRing, closeRing, openRing, signedArea2 } from './ring';

/** Checks the number of decimals kept in coordinates. */
export function checkPrecision(digits: number): void {
	if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
		throw new Error(`precision: expected an integer number of decimals 0–15, got ${digits}`);
	}
}

/** Rounds a position to `digits` decimals (never `-0`). */
export function roundPosition(position: Position, digits: number): Position {
	const factor = 10 ** digits;
	return [position[0], position[1]].map((v) => Math.round(v * factor) / factor + 0);
}

/**
 * Rounds polygons and repairs what rounding can break: repeated positions and spikes are
 * removed, rings left without area are dropped, and a polygon whose exterior ring is dropped
 * goes with its holes.
 */
export function roundPolygons(polygons: Position[][][], digits: number): Position[][][] {
	checkPrecision(digits);
	return polygons.flatMap((polygon) => {
		const rings = polygon
			.map((ring) => cleanOpenRing(openRing(ring).map((p) => roundPosition(p, digits))))
			.map((ring) => (ring.length >= 3 && signedArea2(ring) !== 0 ? ring : null));
		if (!rings[0]) return [];
		return [rings.filter((ring): ring is Position[] => ring !== null).map(closeRing)];
	});
}

/** Rounds lines, drops repeated consecutive positions, and drops lines shrunk to a point. */
export function roundLines(lines: Position[][], digits: number): Position[][] {
	checkPrecision(digits);
	return lines
		.map((line) =>
			line
				.map((p) => roundPosition(p, digits))
				.filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1])
		)
		.filter((line) => line.length > 1);
}
