import type { LineString, MultiLineString, Point, Position } from 'geojson';
import { roundTo } from './rfc7946';

/** The geometries an incident may have. */
export type IncidentGeometry = Point | LineString | MultiLineString;

function position(p: Position, precision: number): string {
	return `${roundTo(p[0], precision)} ${roundTo(p[1], precision)}`;
}

function line(positions: Position[], precision: number): string {
	return `(${positions.map((p) => position(p, precision)).join(', ')})`;
}

/**
 * An incident geometry as OGC Well-Known Text in lon/lat order (what GDAL's CSV driver reads from
 * a `wkt` column): `POINT (x y)`, `LINESTRING (x y, …)`, `MULTILINESTRING ((x y, …), …)`.
 * Coordinates are rounded to `precision` decimals (6 = about 0.1 m); altitudes are dropped.
 */
export function toWKT(geometry: IncidentGeometry, precision = 6): string {
	switch (geometry.type) {
		case 'Point':
			return `POINT (${position(geometry.coordinates, precision)})`;
		case 'LineString':
			return `LINESTRING ${line(geometry.coordinates, precision)}`;
		case 'MultiLineString':
			return `MULTILINESTRING (${geometry.coordinates.map((l) => line(l, precision)).join(', ')})`;
	}
}
