import { describe, expect, it } from 'vitest';
import { buildLocator, regionOutline, type LocatorArea } from './locator';

const square = (name: string, w: number, s: number, e: number, n: number): LocatorArea => ({
	name,
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[w, s],
				[e, s],
				[e, n],
				[w, n],
				[w, s]
			]
		]
	}
});

const MADAGIZ = { type: 'Point' as const, coordinates: [46.75022, 40.32586] };

describe('buildLocator', () => {
	it('puts a point incident in the middle, with its uncertainty as a ring', () => {
		const map = buildLocator({
			focus: MADAGIZ,
			uncertaintyM: 2000,
			countries: [],
			width: 300,
			height: 200
		});
		expect(map.focus).toEqual({ kind: 'point', cx: 150, cy: 100, r: 3 });
	});

	it('draws the countries around it and leaves out those far away', () => {
		const map = buildLocator({
			focus: MADAGIZ,
			uncertaintyM: 0,
			countries: [square('Azerbaijan', 46, 39, 50, 42), square('Far away', 10, 10, 11, 11)],
			width: 300,
			height: 200
		});
		expect(map.countries.map((c) => c.name)).toEqual(['Azerbaijan']);
		expect(map.countries[0].d).toMatch(/^M[\d.-]+ [\d.-]+(L[\d.-]+ [\d.-]+){3}Z$/);
	});

	it('keeps north up and east right, shrinking longitudes by the latitude', () => {
		const map = buildLocator({
			focus: MADAGIZ,
			uncertaintyM: 0,
			countries: [square('Box', 46.65022, 40.22586, 46.85022, 40.42586)],
			width: 300,
			height: 200,
			minSpanDeg: 1
		});
		const [a, b, c, d] = map.countries[0].d
			.slice(1, -1)
			.split('L')
			.map((p) => p.split(' ').map(Number));
		expect(a[0]).toBeLessThan(b[0]);
		expect(a[1]).toBeGreaterThan(c[1]);
		expect(d[0]).toBe(a[0]);
		const boxWidth = b[0] - a[0];
		const boxHeight = a[1] - d[1];
		expect(boxHeight).toBeCloseTo(40, 0);
		expect(boxWidth / boxHeight).toBeCloseTo(Math.cos((40.32586 * Math.PI) / 180), 2);
	});

	it('draws a line incident as a path and fits all of it', () => {
		const map = buildLocator({
			focus: {
				type: 'LineString',
				coordinates: [
					[46.2, 40.295],
					[47.298, 39.391]
				]
			},
			uncertaintyM: 0,
			countries: [],
			width: 300,
			height: 200
		});
		expect(map.focus.kind).toBe('line');
		const d = map.focus.kind === 'line' ? map.focus.d : '';
		const coords = d
			.slice(1)
			.split('L')
			.map((p) => p.split(' ').map(Number));
		for (const [x, y] of coords) {
			expect(x).toBeGreaterThan(0);
			expect(x).toBeLessThan(300);
			expect(y).toBeGreaterThan(0);
			expect(y).toBeLessThan(200);
		}
	});

	it('drops points that project onto the same spot', () => {
		const map = buildLocator({
			focus: MADAGIZ,
			uncertaintyM: 0,
			countries: [],
			outline: {
				name: 'NKAO',
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[46.7, 40.3],
							[46.70001, 40.30001],
							[46.8, 40.3],
							[46.8, 40.4],
							[46.7, 40.3]
						]
					]
				}
			},
			width: 300,
			height: 200
		});
		expect(map.outline?.d).toMatch(/^M[^L]+L[^L]+L[^L]+Z$/);
	});
});

describe('regionOutline', () => {
	const area = (id: string, kind: 'area' | 'line') => ({
		type: 'FeatureCollection' as const,
		layer: { id, kind } as never,
		features: [
			{ properties: { name: `${id} outline` }, geometry: square('x', 0, 0, 1, 1).geometry } as never
		]
	});
	const meta = (layer_id?: string) =>
		({
			regions: [
				{ id: 'azerbaijan', name: 'Azerbaijan', kind: 'country', aliases: [] },
				{ id: 'r', name: 'R', kind: 'region', layer_id, aliases: [] }
			]
		}) as never;

	it('outlines the area layer the dataset region names, whatever its id', () => {
		const layers = { 'some-area': area('some-area', 'area'), other: area('other', 'area') };
		expect(regionOutline({ meta: meta('other'), layers })?.name).toBe('other outline');
		expect(regionOutline({ meta: meta('some-area'), layers })?.name).toBe('some-area outline');
	});

	it('draws none where the region names no layer, or a line', () => {
		expect(regionOutline({ meta: meta(), layers: { a: area('a', 'area') } })).toBeNull();
		expect(regionOutline({ meta: meta('l'), layers: { l: area('l', 'line') } })).toBeNull();
	});
});
