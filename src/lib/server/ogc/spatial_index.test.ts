import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../scripts/synthetic/prng';
import {
	buildGridIndex,
	candidateCount,
	countIntersecting,
	intersecting,
	intersects
} from './spatial_index';

type Box = [number, number, number, number];

function naive(bboxes: Float64Array, q: Box): number[] {
	const out: number[] = [];
	for (let i = 0; i < bboxes.length / 4; i++) {
		const j = i * 4;
		if (
			bboxes[j] <= q[2] &&
			q[0] <= bboxes[j + 2] &&
			bboxes[j + 1] <= q[3] &&
			q[1] <= bboxes[j + 3]
		)
			out.push(i);
	}
	return out;
}

/** Mostly points in the region, some lines and polygons spanning cells, some without geometry. */
function boxes(count: number, seed: number): Float64Array {
	const next = mulberry32(seed);
	const out = new Float64Array(count * 4);
	for (let i = 0; i < count; i++) {
		const r = next();
		if (r < 0.03) {
			out.set([NaN, NaN, NaN, NaN], i * 4);
			continue;
		}
		const x = 44.5 + next() * 3;
		const y = 38.8 + next() * 2.5;
		const w = r < 0.85 ? 0 : next() * (r < 0.97 ? 0.05 : 1.5);
		const h = r < 0.85 ? 0 : next() * (r < 0.97 ? 0.05 : 1);
		out.set([x, y, x + w, y + h], i * 4);
	}
	return out;
}

describe('grid index', () => {
	const bboxes = boxes(5_000, 3);
	const grid = buildGridIndex(bboxes, 16);

	it('counts and lists the same features as a scan for random queries', () => {
		const next = mulberry32(5);
		const queries: Box[] = [
			[-180, -90, 180, 90],
			[46.5, 39.5, 47.2, 40.5],
			[0, 0, 1, 1],
			[47.4, 41.2, 50, 45]
		];
		for (let k = 0; k < 300; k++) {
			const x = 44 + next() * 4;
			const y = 38.5 + next() * 3;
			queries.push([x, y, x + next() * (k % 3 === 0 ? 2 : 0.2), y + next() * 0.5]);
		}
		for (const q of queries) {
			const expected = naive(bboxes, q);
			expect(countIntersecting(grid, q), q.join()).toBe(expected.length);
			expect([...intersecting(grid, q)], q.join()).toEqual(expected);
			expect(candidateCount(grid, q)).toBeGreaterThanOrEqual(expected.length);
		}
	});

	it('includes features on the query’s edges and corners', () => {
		const b = new Float64Array([1, 1, 1, 1, 2, 2, 3, 3, 5, 5, 5, 5]);
		const g = buildGridIndex(b, 4);
		expect([...intersecting(g, [3, 3, 5, 5])]).toEqual([1, 2]);
		expect(countIntersecting(g, [0, 0, 1, 1])).toBe(1);
		expect([...intersecting(g, [1.0000001, 1.0000001, 1.9999, 1.9999])]).toEqual([]);
		expect(intersects(b, 0, [1, 1, 1, 1])).toBe(true);
	});

	it('finds nothing for a query outside the data or an index with no geometry', () => {
		expect([...intersecting(grid, [10, 10, 11, 11])]).toEqual([]);
		expect(countIntersecting(grid, [10, 10, 11, 11])).toBe(0);
		const empty = buildGridIndex(new Float64Array([NaN, NaN, NaN, NaN]));
		expect(countIntersecting(empty, [-180, -90, 180, 90])).toBe(0);
		expect([...intersecting(empty, [-180, -90, 180, 90])]).toEqual([]);
	});

	it('works when every feature sits on one point (a grid of zero width)', () => {
		const g = buildGridIndex(new Float64Array([2, 3, 2, 3, 2, 3, 2, 3]), 8);
		expect([...intersecting(g, [2, 3, 2, 3])]).toEqual([0, 1]);
		expect(countIntersecting(g, [2.1, 3, 4, 4])).toBe(0);
	});

	it('files each feature with geometry once, a feature spanning cells in a coarser grid', () => {
		const levels: number[] = [];
		let filed = 0;
		for (let g: typeof grid | null = grid; g; g = g.coarser) {
			levels.push(g.cols);
			filed += g.items.length;
		}
		expect(levels).toEqual([16, 4, 1]);
		expect(filed).toBe(naive(bboxes, [-180, -90, 180, 90]).length);
	});

	it('visits only the cells near a small query', () => {
		expect(candidateCount(grid, [46, 40, 46.05, 40.05])).toBeLessThan(bboxes.length / 20);
	});
});
