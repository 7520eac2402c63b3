import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pointInRing } from './ring';
import { buildLabels, labelPoint } from './labels';

/** An L: a wide bar along the bottom and a narrow post up the left side. */
const ell = [
	[
		[0, 0],
		[4, 0],
		[4, 1],
		[1, 1],
		[1, 4],
		[0, 4],
		[0, 0]
	]
];

function country(
	name: string,
	coordinates: number[][][][]
): Feature<MultiPolygon, { name: string }> {
	return { type: 'Feature', properties: { name }, geometry: { type: 'MultiPolygon', coordinates } };
}

function square(x: number, y: number, size: number): number[][][] {
	return [
		[
			[x, y],
			[x + size, y],
			[x + size, y + size],
			[x, y + size],
			[x, y]
		]
	];
}

describe('labelPoint', () => {
	it('puts the label inside a concave shape, away from its outline', () => {
		const point = labelPoint(ell)!;
		expect(pointInRing(point, ell[0])).toBe('inside');
		// Inside the bar or the post, and not hugging an edge.
		expect(Math.min(point[0], point[1])).toBeGreaterThan(0.3);
		expect(Math.min(point[0], point[1])).toBeLessThan(0.7);
	});

	it('keeps out of a hole', () => {
		const withHole = [
			...square(0, 0, 4),
			[
				[1, 1],
				[3, 1],
				[3, 3],
				[1, 3],
				[1, 1]
			]
		];
		const point = labelPoint(withHole)!;
		expect(pointInRing(point, withHole[1])).toBe('outside');
	});
});

describe('buildLabels', () => {
	it('names every large part of a country (an exclave too), not a sliver, with its Vietnamese name', () => {
		const georgia = country('Georgia', [square(44, 41, 0.8), square(47, 41.45, 0.05)]);
		const labels = buildLabels([georgia], [], [44, 38.3, 48.5, 41.5], 5);
		const whole = labels.filter((f) => f.properties.rank === 0);
		expect(whole).toHaveLength(1);
		expect(whole[0].properties).toEqual({
			name: 'Georgia',
			name_vi: 'Gruzia',
			kind: 'country',
			rank: 0
		});
		const azerbaijan = country('Azerbaijan', [square(46, 39.5, 1.5), square(45, 38.9, 0.8)]);
		const parts = buildLabels([azerbaijan], [], [44, 38.3, 48.5, 41.5], 5).filter(
			(f) => f.properties.rank === 0
		);
		expect(parts).toHaveLength(2);
	});

	it('adds a label per grid cell a country fills enough of, for the closer zooms', () => {
		const wide = country('Iran', [square(44, 38.3, 3)]);
		const cells = buildLabels([wide], [], [44, 38.3, 48.5, 41.5], 5).filter(
			(f) => f.properties.rank === 1
		);
		// 3° × 3° from the box's corner: four 1.5° cells.
		expect(cells).toHaveLength(4);
		for (const label of cells) expect(label.properties.name_vi).toBe('Iran');
	});

	it('names a lake once, at its largest part', () => {
		const lake: Feature<Polygon, { name: string; name_vi: string; kind: string }> = {
			type: 'Feature',
			properties: { name: 'Lake Sevan', name_vi: 'Hồ Sevan', kind: 'lake' },
			geometry: { type: 'Polygon', coordinates: square(45, 40.2, 0.4) }
		};
		const labels = buildLabels([], [lake], [44, 38.3, 48.5, 41.5], 5);
		expect(labels.map((f) => f.properties)).toEqual([
			{ name: 'Lake Sevan', name_vi: 'Hồ Sevan', kind: 'lake', rank: 0 }
		]);
	});
});
