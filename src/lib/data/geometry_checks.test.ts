import { describe, expect, it } from 'vitest';
import { checkGeometry } from './geometry_checks';

// A 0.1° square near Stepanakert, counter-clockwise, and a hole inside it, clockwise.
const square = [
	[46.7, 39.8],
	[46.8, 39.8],
	[46.8, 39.9],
	[46.7, 39.9],
	[46.7, 39.8]
];
const hole = [
	[46.72, 39.82],
	[46.72, 39.86],
	[46.76, 39.86],
	[46.76, 39.82],
	[46.72, 39.82]
];

describe('checkGeometry', () => {
	it('accepts a closed counter-clockwise polygon with a clockwise hole', () => {
		expect(checkGeometry({ type: 'Polygon', coordinates: [square, hole] })).toEqual([]);
	});

	it('reports an open ring and skips the winding check for it', () => {
		const open = square.slice(0, 4).concat([[46.71, 39.85]]);
		expect(checkGeometry({ type: 'Polygon', coordinates: [open] })).toEqual([
			{
				path: 'coordinates[0]',
				message: 'ring is not closed: first position [46.7, 39.8] differs from last [46.71, 39.85]'
			}
		]);
	});

	it('reports a clockwise exterior ring', () => {
		expect(checkGeometry({ type: 'Polygon', coordinates: [[...square].reverse()] })).toEqual([
			{
				path: 'coordinates[0]',
				message: 'exterior ring is clockwise; RFC 7946 requires counter-clockwise'
			}
		]);
	});

	it('reports a counter-clockwise hole, indexed within a MultiPolygon', () => {
		const issues = checkGeometry({
			type: 'MultiPolygon',
			coordinates: [[square], [square, [...hole].reverse()]]
		});
		expect(issues).toEqual([
			{
				path: 'coordinates[1][1]',
				message: 'hole is counter-clockwise; RFC 7946 requires clockwise'
			}
		]);
	});

	it('reports a self-intersecting (bow-tie) polygon with where it crosses', () => {
		const bowTie = [
			[46.7, 39.8],
			[46.8, 39.9],
			[46.8, 39.8],
			[46.7, 39.9],
			[46.7, 39.8]
		];
		const issues = checkGeometry({ type: 'Polygon', coordinates: [bowTie] });
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toBe('coordinates');
		expect(issues[0].message).toMatch(/^polygon self-intersects at \[46\.75, 39\.85\]/);
	});

	it('checks lines for self-crossings only when asked (layer lines)', () => {
		const zigzag = {
			type: 'LineString' as const,
			coordinates: [
				[46.7, 39.8],
				[46.8, 39.9],
				[46.8, 39.8],
				[46.7, 39.9]
			]
		};
		expect(checkGeometry(zigzag)).toEqual([]);
		expect(checkGeometry(zigzag, { lines: true })).toEqual([
			{ path: 'coordinates', message: 'line crosses itself at [46.75, 39.85]' }
		]);
	});

	it('has nothing to say about a point', () => {
		expect(checkGeometry({ type: 'Point', coordinates: [46.75, 40.33] })).toEqual([]);
	});
});
