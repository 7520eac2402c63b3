import booleanClockwise from '@turf/boolean-clockwise';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Bbox } from './bbox';
import { clipLines, clipPolygon, clipPolygons } from './clip';

const box: Bbox = [0, 0, 10, 10];

/** Closed ring from its corners. */
function ring(...corners: Position[]): Position[] {
	return [...corners, corners[0]];
}

describe('clipPolygon', () => {
	it('cuts a square crossing the east edge at the edge', () => {
		const square = ring([8, 2], [12, 2], [12, 6], [8, 6]);
		expect(clipPolygon([square], box)).toEqual([[ring([10, 6], [8, 6], [8, 2], [10, 2])]]);
	});

	it('adds the box corner when a square covers it', () => {
		const square = ring([-2, -2], [3, -2], [3, 3], [-2, 3]);
		expect(clipPolygon([square], box)).toEqual([[ring([3, 0], [3, 3], [0, 3], [0, 0])]]);
	});

	it('drops a ring entirely outside the box', () => {
		expect(clipPolygon([ring([12, 12], [14, 12], [14, 14], [12, 14])], box)).toEqual([]);
	});

	it('drops a polygon that only touches an edge of the box from outside', () => {
		expect(clipPolygon([ring([-4, 2], [0, 2], [0, 6], [-4, 6])], box)).toEqual([]);
	});

	it('returns the box itself for a polygon that encloses it', () => {
		const big = ring([-5, -5], [15, -5], [15, 15], [-5, 15]);
		expect(clipPolygon([big], box)).toEqual([[ring([0, 0], [10, 0], [10, 10], [0, 10])]]);
	});

	it('keeps a polygon with a hole that lies inside the box, wound per RFC 7946', () => {
		const clockwiseShell = ring([1, 1], [1, 9], [9, 9], [9, 1]);
		const counterClockwiseHole = ring([4, 4], [6, 4], [6, 6], [4, 6]);
		const [polygon, ...rest] = clipPolygon([clockwiseShell, counterClockwiseHole], box);
		expect(rest).toEqual([]);
		expect(polygon).toEqual([
			ring([9, 1], [9, 9], [1, 9], [1, 1]),
			ring([4, 6], [6, 6], [6, 4], [4, 4])
		]);
		expect(booleanClockwise(polygon[0])).toBe(false);
		expect(booleanClockwise(polygon[1])).toBe(true);
	});

	it('turns a hole crossing the box edge into a notch of the exterior ring', () => {
		const shell = ring([-5, -5], [15, -5], [15, 15], [-5, 15]);
		const hole = ring([8, 4], [8, 6], [12, 6], [12, 4]);
		expect(clipPolygon([shell, hole], box)).toEqual([
			[ring([10, 4], [8, 4], [8, 6], [10, 6], [10, 10], [0, 10], [0, 0], [10, 0])]
		]);
	});

	it('drops a hole that lies outside the box', () => {
		const shell = ring([2, 2], [20, 2], [20, 8], [2, 8]);
		const hole = ring([14, 4], [14, 6], [16, 6], [16, 4]);
		expect(clipPolygon([shell, hole], box)).toEqual([[ring([10, 8], [2, 8], [2, 2], [10, 2])]]);
	});

	it('returns nothing when a hole encloses the whole box', () => {
		const shell = ring([-20, -20], [30, -20], [30, 30], [-20, 30]);
		const hole = ring([-5, -5], [-5, 15], [15, 15], [15, -5]);
		expect(clipPolygon([shell, hole], box)).toEqual([]);
	});

	it('splits a U whose bend lies outside the box into two valid polygons', () => {
		// Sutherland–Hodgman would join the legs with a zero-width bridge along the south edge.
		const u = ring([2, -4], [8, -4], [8, 5], [6, 5], [6, -2], [4, -2], [4, 5], [2, 5]);
		expect(clipPolygon([u], box)).toEqual([
			[ring([8, 0], [8, 5], [6, 5], [6, 0])],
			[ring([4, 0], [4, 5], [2, 5], [2, 0])]
		]);
	});

	it('winds clipped exterior rings counter-clockwise even from clockwise input', () => {
		const clockwise = ring([8, 2], [8, 6], [12, 6], [12, 2]);
		const [[exterior]] = clipPolygon([clockwise], box);
		expect(booleanClockwise(exterior)).toBe(false);
	});

	it('drops a polygon without area', () => {
		expect(clipPolygon([ring([1, 1], [5, 1], [9, 1])], box)).toEqual([]);
	});
});

describe('clipPolygons', () => {
	it('clips every polygon of a MultiPolygon and keeps those with area inside', () => {
		const inside = [ring([1, 1], [3, 1], [3, 3], [1, 3])];
		const outside = [ring([20, 20], [22, 20], [22, 22], [20, 22])];
		expect(clipPolygons([inside, outside], box)).toEqual([inside]);
	});
});

describe('clipLines', () => {
	it('splits a line that leaves and re-enters the box', () => {
		const line = [
			[2, 2],
			[14, 2],
			[14, 8],
			[2, 8]
		];
		expect(clipLines([line], box)).toEqual([
			[
				[2, 2],
				[10, 2]
			],
			[
				[10, 8],
				[2, 8]
			]
		]);
	});

	it('drops lines outside and lines that only touch a corner', () => {
		const outside = [
			[12, 2],
			[14, 8]
		];
		const touching = [
			[12, 8],
			[8, 12]
		];
		expect(clipLines([outside, touching], box)).toEqual([]);
	});

	it('keeps a line running along an edge', () => {
		const alongEdge = [
			[-2, 0],
			[5, 0]
		];
		expect(clipLines([alongEdge], box)).toEqual([
			[
				[0, 0],
				[5, 0]
			]
		]);
	});
});
