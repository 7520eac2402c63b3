import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import distance from '@turf/distance';
import {
	geometryBounds,
	incidentFilters,
	incidentMapFeatures,
	mapDataOf,
	metresToPixelsAtZoom0,
	placeSpellings,
	ringIds,
	visibleIdFilter
} from './layers';
import { LOC_FIGHTING, MADAGIZ_MINE, MI24, PLACES, testDataset } from './test_fixtures';

/** Web-mercator world pixel coordinates at a zoom (512 px tiles, as MapLibre). */
function project([lon, lat]: [number, number], zoom: number): [number, number] {
	const size = 512 * 2 ** zoom;
	const x = ((lon + 180) / 360) * size;
	const sin = Math.sin((lat * Math.PI) / 180);
	const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size;
	return [x, y];
}

function passes(filter: unknown, feature: { type: 1 | 2; properties: Record<string, unknown> }) {
	return featureFilter(filter as never, 'test').filter({ zoom: 8 }, feature as never);
}

describe('metresToPixelsAtZoom0', () => {
	it('makes the equator 512 px long at zoom 0', () => {
		expect(metresToPixelsAtZoom0(2 * Math.PI * 6_378_137, 0)).toBeCloseTo(512, 9);
	});

	it('halves the metres per pixel at 60° latitude', () => {
		expect(metresToPixelsAtZoom0(1000, 60)).toBeCloseTo(2 * metresToPixelsAtZoom0(1000, 0), 9);
	});

	it('matches the on-screen distance of 3 km at Madagiz, zoom 10', () => {
		const centre: [number, number] = [46.750222, 40.325861];
		// A point 3 km east along the parallel, found by bisection on the geodesic distance.
		let [lo, hi] = [0, 0.1];
		for (let i = 0; i < 60; i++) {
			const mid = (lo + hi) / 2;
			if (distance(centre, [centre[0] + mid, centre[1]], { units: 'meters' }) < 3000) lo = mid;
			else hi = mid;
		}
		const [x0] = project(centre, 10);
		const [x1] = project([centre[0] + lo, centre[1]], 10);
		const pixels = metresToPixelsAtZoom0(3000, centre[1]) * 2 ** 10;
		expect(Math.abs(pixels - (x1 - x0)) / (x1 - x0)).toBeLessThan(0.005);
	});

	it('names a bad parameter', () => {
		expect(() => metresToPixelsAtZoom0(-1, 40)).toThrow(/metres must be ≥ 0/);
		expect(() => metresToPixelsAtZoom0(1, 90)).toThrow(/lat must be within/);
	});
});

describe('incidentMapFeatures', () => {
	const features = incidentMapFeatures(testDataset().incidents).features;

	it('keeps flat properties only, with the highest claimed figure', () => {
		expect(features.map((f) => f.properties.max_claim)).toEqual([4, 35, 0]);
		for (const f of features) {
			for (const value of Object.values(f.properties)) expect(typeof value).not.toBe('object');
		}
		expect(features[0].properties).toMatchObject({
			id: '2020-11-23-madagiz-mine',
			type: 'Explosions/Remote violence',
			date: '2020-11-23',
			uncertainty_m: 3000
		});
	});

	it('sizes the uncertainty halo of points only', () => {
		expect(features[0].properties.halo0).toBeCloseTo(metresToPixelsAtZoom0(3000, 40.325861), 12);
		expect(features[1].properties.halo0).toBe(0);
		expect(features[2].properties.halo0).toBeGreaterThan(8 * features[0].properties.halo0);
	});

	it('copies coordinates instead of sharing them with the dataset', () => {
		expect(features[1].geometry).toEqual(LOC_FIGHTING.geometry);
		expect(features[1].geometry).not.toBe(LOC_FIGHTING.geometry);
		expect((features[1].geometry.coordinates as number[][])[0]).not.toBe(
			(LOC_FIGHTING.geometry.coordinates as number[][])[0]
		);
	});

	it('maps an empty collection to an empty collection', () => {
		expect(incidentMapFeatures({ type: 'FeatureCollection', features: [] }).features).toEqual([]);
	});
});

describe('placeSpellings', () => {
	it('lists every name, label part and alias once', () => {
		const spellings = placeSpellings({ type: 'FeatureCollection', features: PLACES });
		for (const name of [
			'Madagiz',
			'Sugovushan',
			'Suqovuşan',
			'Мадагиз',
			'Terter',
			'Tartar',
			'Tərtər'
		]) {
			expect(spellings).toContain(name);
		}
		expect(spellings).not.toContain('Madagiz / Sugovushan');
		expect(new Set(spellings).size).toBe(spellings.length);
	});
});

describe('visibleIdFilter', () => {
	const ids = ['a', 'b', 'c', 'd', 'e'];
	const point = (id: string) => ({ type: 1 as const, properties: { id } });

	it('is null when everything is visible', () => {
		expect(visibleIdFilter(ids, new Set(ids))).toBeNull();
		expect(visibleIdFilter([], new Set())).toBeNull();
	});

	it('hides everything when nothing is visible', () => {
		const filter = visibleIdFilter(ids, new Set());
		for (const id of ids) expect(passes(filter, point(id))).toBe(false);
	});

	it('sends the shorter list', () => {
		expect(visibleIdFilter(ids, new Set(['b']))).toEqual([
			'match',
			['get', 'id'],
			['b'],
			true,
			false
		]);
		expect(visibleIdFilter(ids, new Set(['a', 'b', 'c', 'd']))).toEqual([
			'match',
			['get', 'id'],
			['e'],
			false,
			true
		]);
	});

	it('shows exactly the visible ids, for every subset', () => {
		for (let mask = 0; mask < 2 ** ids.length; mask++) {
			const visible = new Set(ids.filter((_, i) => mask & (1 << i)));
			const filter = visibleIdFilter([...ids, 'a'], visible);
			for (const id of ids)
				expect(filter === null || passes(filter, point(id))).toBe(visible.has(id));
		}
	});
});

describe('incidentFilters', () => {
	const madagiz = { type: 1 as const, properties: { id: MADAGIZ_MINE.id, uncertainty_m: 3000 } };
	const exact = { type: 1 as const, properties: { id: 'exact', uncertainty_m: 0 } };
	const line = { type: 2 as const, properties: { id: LOC_FIGHTING.id, uncertainty_m: 5000 } };

	it('draws points as circles and lines as lines', () => {
		const filters = incidentFilters(null);
		expect(passes(filters.circles, madagiz)).toBe(true);
		expect(passes(filters.circles, line)).toBe(false);
		expect(passes(filters.lines, line)).toBe(true);
		expect(passes(filters.lines, madagiz)).toBe(false);
	});

	it('draws an uncertainty halo only around imprecise points', () => {
		const filters = incidentFilters(null);
		expect(passes(filters.uncertainty, madagiz)).toBe(true);
		expect(passes(filters.uncertainty, exact)).toBe(false);
		expect(passes(filters.uncertainty, line)).toBe(false);
	});

	it('adds the visible-id filter to each', () => {
		const filters = incidentFilters(
			visibleIdFilter([MADAGIZ_MINE.id, LOC_FIGHTING.id, MI24.id], new Set([LOC_FIGHTING.id]))
		);
		expect(passes(filters.circles, madagiz)).toBe(false);
		expect(passes(filters.uncertainty, madagiz)).toBe(false);
		expect(passes(filters.lines, line)).toBe(true);
	});
});

describe('uncertainty rings', () => {
	const madagiz = { type: 1 as const, properties: { id: MADAGIZ_MINE.id, uncertainty_m: 3000 } };
	const mi24 = { type: 1 as const, properties: { id: MI24.id, uncertainty_m: 25000 } };

	it('rings every visible incident while there are few', () => {
		expect(ringIds(2000, MADAGIZ_MINE.id, [])).toBeNull();
		expect(ringIds(3, null, [])).toBeNull();
	});

	it('rings only the selected and highlighted incidents when there are many', () => {
		expect(ringIds(2001, MADAGIZ_MINE.id, [MI24.id, MADAGIZ_MINE.id])).toEqual(
			[MI24.id, MADAGIZ_MINE.id].sort()
		);
		expect(ringIds(100_000, null, [])).toEqual([]);
		const filters = incidentFilters(null, ringIds(100_000, MI24.id, []));
		expect(passes(filters.uncertainty, mi24)).toBe(true);
		expect(passes(filters.uncertainty, madagiz)).toBe(false);
		expect(passes(filters.circles, madagiz)).toBe(true);
		const none = incidentFilters(null, []);
		expect(passes(none.uncertainty, mi24)).toBe(false);
	});

	it('never rings a selected incident that is filtered out', () => {
		const filters = incidentFilters(
			visibleIdFilter([MADAGIZ_MINE.id, MI24.id], new Set([MADAGIZ_MINE.id])),
			[MI24.id]
		);
		expect(passes(filters.uncertainty, mi24)).toBe(false);
	});
});

describe('geometryBounds', () => {
	it('is the point itself for a point', () => {
		expect(geometryBounds({ type: 'Point', coordinates: [46.75, 40.33] })).toEqual([
			46.75, 40.33, 46.75, 40.33
		]);
	});

	it('spans every position of a multi-line', () => {
		expect(
			geometryBounds({
				type: 'MultiLineString',
				coordinates: [
					[
						[46.2, 40.3],
						[46.8, 40.33]
					],
					[
						[47.0, 39.9],
						[47.27, 39.4]
					]
				]
			})
		).toEqual([46.2, 39.4, 47.27, 40.33]);
	});
});

describe('mapDataOf', () => {
	it('indexes incidents by id and finds the top of the size scale', () => {
		const data = mapDataOf(testDataset());
		expect(data.incidentIds).toEqual([MADAGIZ_MINE.id, LOC_FIGHTING.id, MI24.id]);
		expect(data.byId.get(MI24.id)?.geometry).toEqual(MI24.geometry);
		expect(data.maxClaim).toBe(35);
		expect(Object.keys(data.regions).sort()).toEqual([
			'ceasefire-2020',
			'line-of-contact-1994-2020',
			'nkao-1923-1991'
		]);
		expect(data.regions['ceasefire-2020'].features.map((f) => f.properties.valid_to)).toEqual([
			'2023-09-20',
			'2022-08-26'
		]);
	});
});
