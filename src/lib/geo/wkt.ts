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

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const POSITION = new RegExp(String.raw`^\s*(${NUMBER})\s+(${NUMBER})(?:\s+${NUMBER}){0,2}\s*$`);

function readPositions(body: string): Position[] | null {
	const out: Position[] = [];
	for (const part of body.split(',')) {
		const m = POSITION.exec(part);
		if (!m) return null;
		out.push([Number(m[1]), Number(m[2])]);
	}
	return out;
}

/**
 * The incident geometry a Well-Known Text value describes (`POINT`, `LINESTRING`,
 * `MULTILINESTRING`, lon/lat order, any `Z`/`M` values dropped), or a sentence saying why not.
 */
export function parseWKT(text: string): IncidentGeometry | string {
	const m = /^\s*(POINT|LINESTRING|MULTILINESTRING)\s*(?:Z|M|ZM)?\s*\((.*)\)\s*$/is.exec(text);
	if (!m) return 'is not WKT of a POINT, LINESTRING or MULTILINESTRING';
	const kind = m[1].toUpperCase();
	const body = m[2];
	if (kind === 'POINT') {
		const positions = readPositions(body);
		if (!positions || positions.length !== 1) return 'is not a WKT POINT (x y)';
		return { type: 'Point', coordinates: positions[0] };
	}
	if (kind === 'LINESTRING') {
		const positions = readPositions(body);
		if (!positions || positions.length < 2) return 'is not a WKT LINESTRING of 2 or more positions';
		return { type: 'LineString', coordinates: positions };
	}
	const lines = /^\s*\((.*)\)\s*$/s.exec(body)?.[1].split(/\)\s*,\s*\(/);
	const parsed = lines?.map(readPositions);
	if (!parsed || parsed.some((l) => !l || l.length < 2))
		return 'is not a WKT MULTILINESTRING of lines of 2 or more positions';
	return { type: 'MultiLineString', coordinates: parsed as Position[][] };
}
