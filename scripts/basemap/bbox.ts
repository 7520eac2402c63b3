import type { Position } from 'geojson';

/** `[west, south, east, north]` in degrees, as in RFC 7946 §5; never crossing the antimeridian. */
export type Bbox = [number, number, number, number];

/** Checks a bbox parameter; the error names the parameter and says what is wrong. */
export function parseBbox(value: unknown, name = 'bbox'): Bbox {
	if (
		!Array.isArray(value) ||
		value.length !== 4 ||
		!value.every((v) => typeof v === 'number' && Number.isFinite(v))
	) {
		throw new Error(`${name}: expected [west, south, east, north] as 4 finite numbers`);
	}
	const [west, south, east, north] = value as Bbox;
	if (west < -180 || east > 180 || south < -90 || north > 90) {
		throw new Error(`${name}: [${value.join(', ')}] lies outside [-180, -90, 180, 90]`);
	}
	if (!(west < east) || !(south < north)) {
		throw new Error(`${name}: [${value.join(', ')}] needs west < east and south < north`);
	}
	return [west, south, east, north];
}

/** True if the position lies in the closed box (edges included). */
export function bboxContains(bbox: Bbox, [x, y]: Position): boolean {
	return x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3];
}
