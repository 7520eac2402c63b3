import booleanClockwise from '@turf/boolean-clockwise';
import kinks from '@turf/kinks';
import type { Geometry, Position } from 'geojson';

/** One problem with a geometry; `path` is relative to the geometry (`coordinates[0]`). */
export interface GeometryIssue {
	path: string;
	message: string;
}

export interface GeometryCheckOptions {
	/** Also report self-crossing LineStrings (layer lines); rings are always checked. */
	lines?: boolean;
}

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

const formatPosition = (p: Position) => `[${+p[0].toFixed(6)}, ${+p[1].toFixed(6)}]`;

/** Where `coordinates` crosses itself, as positions; empty when it does not. */
function crossings(geometry: Geometry): Position[] {
	try {
		return kinks(geometry as Parameters<typeof kinks>[0]).features.map(
			(f) => f.geometry.coordinates
		);
	} catch {
		return [];
	}
}

function checkRing(ring: Position[], path: string, exterior: boolean): GeometryIssue[] {
	const issues: GeometryIssue[] = [];
	if (ring.length < 4) return issues;
	if (!samePosition(ring[0], ring[ring.length - 1])) {
		issues.push({
			path,
			message: `ring is not closed: first position ${formatPosition(ring[0])} differs from last ${formatPosition(ring[ring.length - 1])}`
		});
		return issues;
	}
	const clockwise = booleanClockwise(ring);
	if (exterior && clockwise) {
		issues.push({
			path,
			message: 'exterior ring is clockwise; RFC 7946 requires counter-clockwise'
		});
	} else if (!exterior && !clockwise) {
		issues.push({ path, message: 'hole is counter-clockwise; RFC 7946 requires clockwise' });
	}
	return issues;
}

function checkPolygon(rings: Position[][], path: string): GeometryIssue[] {
	const issues = rings.flatMap((ring, i) => checkRing(ring, `${path}[${i}]`, i === 0));
	if (issues.length > 0) return issues;
	const at = crossings({ type: 'Polygon', coordinates: rings });
	if (at.length > 0) {
		issues.push({
			path,
			message: `polygon self-intersects at ${at.slice(0, 3).map(formatPosition).join(', ')}${at.length > 3 ? ` and ${at.length - 3} more` : ''}`
		});
	}
	return issues;
}

function checkLine(line: Position[], path: string): GeometryIssue[] {
	const at = crossings({ type: 'LineString', coordinates: line });
	return at.length > 0
		? [{ path, message: `line crosses itself at ${at.slice(0, 3).map(formatPosition).join(', ')}` }]
		: [];
}

/**
 * RFC 7946 validity beyond what the schema checks: closed rings, exterior rings counter-clockwise
 * and holes clockwise, no self-intersection. Positions and ranges are the schema's job.
 */
export function checkGeometry(
	geometry: Geometry,
	options: GeometryCheckOptions = {}
): GeometryIssue[] {
	switch (geometry.type) {
		case 'Polygon':
			return checkPolygon(geometry.coordinates, 'coordinates');
		case 'MultiPolygon':
			return geometry.coordinates.flatMap((polygon, i) =>
				checkPolygon(polygon, `coordinates[${i}]`)
			);
		case 'LineString':
			return options.lines ? checkLine(geometry.coordinates, 'coordinates') : [];
		case 'MultiLineString':
			return options.lines
				? geometry.coordinates.flatMap((line, i) => checkLine(line, `coordinates[${i}]`))
				: [];
		default:
			return [];
	}
}
