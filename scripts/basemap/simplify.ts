import { lineString } from '@turf/helpers';
import simplify from '@turf/simplify';
import type { Position } from 'geojson';
import { transform } from 'topojson-client';
import type { Topology } from 'topojson-specification';

function checkTolerance(tolerance: number): void {
	if (!Number.isFinite(tolerance) || tolerance < 0) {
		throw new Error(`tolerance: expected a finite number >= 0 (degrees), got ${tolerance}`);
	}
}

/**
 * Douglas–Peucker simplification of one line (`@turf/simplify`, high quality, tolerance in
 * degrees). The first and last positions always survive, so lines that meet at their ends still
 * meet afterwards. A closed line (a whole ring) that would fall below 4 positions is kept as is.
 */
export function simplifyLine(line: Position[], tolerance: number): Position[] {
	checkTolerance(tolerance);
	if (line.length <= 2 || tolerance === 0) return line.map((p) => [p[0], p[1]]);
	const simplified = simplify(lineString(line), { tolerance, highQuality: true }).geometry
		.coordinates;
	const first = line[0];
	const last = line[line.length - 1];
	const closed = first[0] === last[0] && first[1] === last[1];
	if (closed && simplified.length < 4) return line.map((p) => [p[0], p[1]]);
	return simplified;
}

/**
 * Simplifies a TopoJSON topology arc by arc, after decoding its quantized delta arcs into
 * absolute positions. Shared borders are single arcs, so neighbouring countries (and the border
 * lines meshed from them) stay exactly coincident after simplification. The input is untouched;
 * the result has no `transform`.
 */
export function simplifyTopology(topology: Topology, tolerance: number): Topology {
	checkTolerance(tolerance);
	const arcs = topology.arcs.map((arc) => {
		const decode = transform(topology.transform ?? null);
		const absolute = arc.map((point, i) => decode(point, i > 0));
		return simplifyLine(absolute, tolerance);
	});
	const simplified: Topology = { type: 'Topology', objects: topology.objects, arcs };
	if (topology.bbox) simplified.bbox = topology.bbox;
	return simplified;
}
