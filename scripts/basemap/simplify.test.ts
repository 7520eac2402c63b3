import { feature } from 'topojson-client';
import type { GeometryCollection, Polygon, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { simplifyLine, simplifyTopology } from './simplify';

describe('simplifyLine', () => {
	it('drops vertices closer to the line than the tolerance and keeps both ends', () => {
		const wiggly = [
			[44.0, 40.0],
			[44.1, 40.0004],
			[44.2, 39.9996],
			[44.3, 40.0003],
			[44.4, 40.0]
		];
		expect(simplifyLine(wiggly, 0.001)).toEqual([
			[44.0, 40.0],
			[44.4, 40.0]
		]);
	});

	it('keeps vertices that stray further than the tolerance', () => {
		const bend = [
			[44.0, 40.0],
			[44.1, 40.05],
			[44.2, 40.0]
		];
		expect(simplifyLine(bend, 0.001)).toEqual(bend);
	});

	it('reduces a long noisy line but keeps its first and last positions', () => {
		const noisy = Array.from({ length: 200 }, (_, i) => [44 + i * 0.01, 40 + (i % 2) * 0.0002]);
		const simplified = simplifyLine(noisy, 0.001);
		expect(simplified.length).toBeLessThan(noisy.length / 10);
		expect(simplified[0]).toEqual(noisy[0]);
		expect(simplified[simplified.length - 1]).toEqual(noisy[noisy.length - 1]);
	});

	it('keeps a closed ring that would collapse below four positions', () => {
		const islet = [
			[45, 40],
			[45.0001, 40],
			[45.0001, 40.0001],
			[45, 40]
		];
		expect(simplifyLine(islet, 0.01)).toEqual(islet);
	});

	it('leaves the line alone at tolerance 0 and rejects a negative tolerance', () => {
		const line = [
			[44, 40],
			[44.1, 40.0000001],
			[44.2, 40]
		];
		expect(simplifyLine(line, 0)).toEqual(line);
		expect(() => simplifyLine(line, -1)).toThrow('tolerance: expected a finite number >= 0');
	});
});

/** Two squares sharing the arc x = 2; the shared arc has a 0.0005 wiggle at its middle. */
function quantizedPair(): Topology<{
	countries: { type: 'GeometryCollection'; geometries: Polygon<{ name: string }>[] };
}> {
	return {
		type: 'Topology',
		transform: { scale: [0.0005, 0.0005], translate: [0, 0] },
		objects: {
			countries: {
				type: 'GeometryCollection',
				geometries: [
					{ type: 'Polygon', arcs: [[0, 1]], properties: { name: 'West' } },
					{ type: 'Polygon', arcs: [[2, -1]], properties: { name: 'East' } }
				]
			}
		},
		arcs: [
			// (2, 0) → (2.0005, 1) → (2, 2), delta-encoded in units of 0.0005
			[
				[4000, 0],
				[1, 2000],
				[-1, 2000]
			],
			// (2, 2) → (0, 2) → (0, 0) → (2, 0)
			[
				[4000, 4000],
				[-4000, 0],
				[0, -4000],
				[4000, 0]
			],
			// (2, 0) → (4, 0) → (4, 2) → (2, 2)
			[
				[4000, 0],
				[4000, 0],
				[0, 4000],
				[-4000, 0]
			]
		]
	};
}

describe('simplifyTopology', () => {
	it('decodes quantized arcs and drops the transform', () => {
		const decoded = simplifyTopology(quantizedPair(), 0);
		expect(decoded.transform).toBeUndefined();
		expect(decoded.arcs[0]).toEqual([
			[2, 0],
			[2.0005, 1],
			[2, 2]
		]);
	});

	it('simplifies each arc once, so neighbours still share the same border', () => {
		const simplified = simplifyTopology(quantizedPair(), 0.001);
		expect(simplified.arcs[0]).toEqual([
			[2, 0],
			[2, 2]
		]);
		const countries = feature(simplified, simplified.objects.countries as GeometryCollection);
		const [west, east] = countries.features.map((f) => f.geometry);
		expect(west.type === 'Polygon' && west.coordinates[0]).toEqual([
			[2, 0],
			[2, 2],
			[0, 2],
			[0, 0],
			[2, 0]
		]);
		expect(east.type === 'Polygon' && east.coordinates[0]).toEqual([
			[2, 0],
			[4, 0],
			[4, 2],
			[2, 2],
			[2, 0]
		]);
	});

	it('does not modify its input', () => {
		const input = quantizedPair();
		const copy = structuredClone(input);
		simplifyTopology(input, 0.001);
		expect(input).toEqual(copy);
	});
});
