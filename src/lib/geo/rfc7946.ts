import type { Geometry, Position } from 'geojson';

/** Rounds a number to `precision` decimals (RFC 7946 §11.2: 6 decimals ≈ 10 cm). */
export function roundTo(value: number, precision = 6): number {
	const f = 10 ** precision;
	const rounded = Math.round(value * f) / f;
	return rounded === 0 ? 0 : rounded;
}

function roundPosition(p: Position, precision: number): Position {
	return p.map((v) => roundTo(v, precision));
}

/**
 * Twice the signed area of a ring in the lon/lat plane (shoelace): positive when the ring runs
 * counter-clockwise.
 */
export function ringSignedArea(ring: Position[]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	}
	return sum;
}

function orient(ring: Position[], ccw: boolean): Position[] {
	const area = ringSignedArea(ring);
	return (ccw ? area < 0 : area > 0) ? [...ring].reverse() : ring;
}

function polygon(rings: Position[][], precision: number): Position[][] {
	return rings.map((ring, i) =>
		orient(
			ring.map((p) => roundPosition(p, precision)),
			i === 0
		)
	);
}

/**
 * A copy of `geometry` as RFC 7946 wants it: positions rounded to `precision` decimals, exterior
 * rings counter-clockwise and holes clockwise (the right-hand rule, §3.1.6). Rounding comes
 * first so a ring made tiny by it still ends up correctly wound.
 */
export function toRFC7946Geometry<G extends Geometry | null>(geometry: G, precision = 6): G {
	if (!geometry) return geometry;
	const g = geometry as Geometry;
	switch (g.type) {
		case 'Point':
			return { type: 'Point', coordinates: roundPosition(g.coordinates, precision) } as G;
		case 'MultiPoint':
		case 'LineString':
			return {
				type: g.type,
				coordinates: g.coordinates.map((p) => roundPosition(p, precision))
			} as G;
		case 'MultiLineString':
			return {
				type: g.type,
				coordinates: g.coordinates.map((line) => line.map((p) => roundPosition(p, precision)))
			} as G;
		case 'Polygon':
			return { type: 'Polygon', coordinates: polygon(g.coordinates, precision) } as G;
		case 'MultiPolygon':
			return {
				type: 'MultiPolygon',
				coordinates: g.coordinates.map((rings) => polygon(rings, precision))
			} as G;
		case 'GeometryCollection':
			return {
				type: 'GeometryCollection',
				geometries: g.geometries.map((child) => toRFC7946Geometry(child, precision))
			} as G;
	}
}

export interface RFC7946Options {
	/** Maximum number of decimals in a coordinate (default 6). */
	precision?: number;
	/** Require a top-level `id` on every feature (default true: exports always carry one). */
	requireIds?: boolean;
}

function decimals(n: number): number {
	if (Number.isInteger(n)) return 0;
	const text = String(n);
	const e = text.indexOf('e-');
	if (e >= 0) {
		const mantissa = text.slice(0, e);
		const dot = mantissa.indexOf('.');
		return Number(text.slice(e + 2)) + (dot >= 0 ? mantissa.length - dot - 1 : 0);
	}
	const dot = text.indexOf('.');
	return dot >= 0 ? text.length - dot - 1 : 0;
}

/**
 * What RFC 7946 (and this project's export rules) require beyond what a GeoJSON parser checks:
 * no `crs` member, positions within WGS84 ranges and to at most `precision` decimals, closed
 * rings of 4+ positions wound by the right-hand rule, and a top-level `id` on each feature.
 * Returns one line per problem, naming where it is; an empty list means the object complies.
 */
export function rfc7946Issues(value: unknown, options: RFC7946Options = {}): string[] {
	const precision = options.precision ?? 6;
	const requireIds = options.requireIds ?? true;
	const issues: string[] = [];
	const object = (v: unknown): v is Record<string, unknown> =>
		typeof v === 'object' && v !== null && !Array.isArray(v);

	const position = (p: unknown, where: string) => {
		if (!Array.isArray(p) || p.length < 2 || p.some((v) => typeof v !== 'number')) {
			issues.push(`${where}: not a position`);
			return;
		}
		const [lon, lat] = p as number[];
		if (!(lon >= -180 && lon <= 180)) issues.push(`${where}: longitude ${lon} outside -180..180`);
		if (!(lat >= -90 && lat <= 90)) issues.push(`${where}: latitude ${lat} outside -90..90`);
		for (const v of p as number[]) {
			if (decimals(v) > precision) {
				issues.push(`${where}: ${v} has more than ${precision} decimals`);
				break;
			}
		}
	};
	const positions = (ps: unknown, where: string) => {
		if (!Array.isArray(ps)) return issues.push(`${where}: not an array of positions`);
		ps.forEach((p, i) => position(p, `${where}[${i}]`));
	};
	const rings = (rs: unknown, where: string) => {
		if (!Array.isArray(rs)) return issues.push(`${where}: not an array of rings`);
		rs.forEach((ring, i) => {
			const at = `${where}[${i}]`;
			positions(ring, at);
			if (!Array.isArray(ring)) return;
			if (ring.length < 4) issues.push(`${at}: a linear ring needs at least 4 positions`);
			const first = ring[0] as number[];
			const last = ring[ring.length - 1] as number[];
			if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
				issues.push(`${at}: ring is not closed`);
				return;
			}
			const area = ringSignedArea(ring as Position[]);
			if (i === 0 && area < 0) issues.push(`${at}: exterior ring is clockwise`);
			if (i > 0 && area > 0) issues.push(`${at}: hole is counter-clockwise`);
		});
	};
	const geometry = (g: unknown, where: string) => {
		if (g === null) return;
		if (!object(g)) return issues.push(`${where}: not a geometry`);
		if ('crs' in g) issues.push(`${where}: has a "crs" member`);
		const c = g.coordinates;
		switch (g.type) {
			case 'Point':
				return position(c, `${where}.coordinates`);
			case 'MultiPoint':
				return positions(c, `${where}.coordinates`);
			case 'LineString':
				positions(c, `${where}.coordinates`);
				if (Array.isArray(c) && c.length < 2)
					issues.push(`${where}.coordinates: a LineString needs at least 2 positions`);
				return;
			case 'MultiLineString':
				if (!Array.isArray(c)) return issues.push(`${where}.coordinates: not an array`);
				return c.forEach((line, i) => positions(line, `${where}.coordinates[${i}]`));
			case 'Polygon':
				return rings(c, `${where}.coordinates`);
			case 'MultiPolygon':
				if (!Array.isArray(c)) return issues.push(`${where}.coordinates: not an array`);
				return c.forEach((rs, i) => rings(rs, `${where}.coordinates[${i}]`));
			case 'GeometryCollection':
				if (!Array.isArray(g.geometries)) return issues.push(`${where}.geometries: not an array`);
				return g.geometries.forEach((child, i) => geometry(child, `${where}.geometries[${i}]`));
			default:
				issues.push(`${where}: unknown geometry type ${JSON.stringify(g.type)}`);
		}
	};
	const feature = (f: unknown, where: string) => {
		if (!object(f) || f.type !== 'Feature') return issues.push(`${where}: not a Feature`);
		if ('crs' in f) issues.push(`${where}: has a "crs" member`);
		if (requireIds && typeof f.id !== 'string' && typeof f.id !== 'number')
			issues.push(`${where}: has no top-level "id"`);
		if (!('geometry' in f)) issues.push(`${where}: has no "geometry" member`);
		else geometry(f.geometry, `${where}.geometry`);
		if (!('properties' in f)) issues.push(`${where}: has no "properties" member`);
	};

	if (!object(value)) return ['root: not a JSON object'];
	if ('crs' in value) issues.push('root: has a "crs" member');
	if (value.type === 'FeatureCollection') {
		if (!Array.isArray(value.features)) issues.push('root.features: not an array');
		else value.features.forEach((f, i) => feature(f, `features[${i}]`));
	} else if (value.type === 'Feature') feature(value, 'root');
	else geometry(value, 'root');
	return issues;
}
