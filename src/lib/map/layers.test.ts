import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import distance from '@turf/distance';
import type { IncidentFeature } from '$lib/data/schema';
import { queryMatcher } from '$lib/atlas/query';
import { EVENT_TYPES } from '$lib/data/vocabulary';
import {
	dayNumber,
	geometryBounds,
	haloPolygons,
	incidentVisibilityFilter,
	incidentFilters,
	incidentSourceData,
	incidentMapFeatures,
	mapDataOf,
	metresToPixelsAtZoom0,
	PLACE_LABEL_OFFSET,
	PLACE_LABEL_TEXT_SIZE,
	placeLabelOffsets,
	placeSpellings,
	regionSourceData,
	ringIds,
	visibleIdFilter,
	WINDOW_STATE,
	windowState,
	windowTypeFilter
} from './layers';
import { radiusScale } from './encoding';
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
		// The whole label too: a basemap settlement named in the same dual form is the same place.
		expect(spellings).toContain('Madagiz / Sugovushan');
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

describe('haloPolygons', () => {
	const incidents = incidentMapFeatures(testDataset().incidents);

	it('rings each imprecise point at its uncertainty on the ground, with its properties', () => {
		const halos = haloPolygons(incidents);
		const mine = halos.features.find((f) => f.id === MADAGIZ_MINE.id)!;
		expect(mine.properties).toMatchObject({ id: MADAGIZ_MINE.id, uncertainty_m: 3000 });
		const ring = mine.geometry.coordinates[0];
		expect(ring[0]).toEqual(ring.at(-1));
		const centre = MADAGIZ_MINE.geometry.coordinates as [number, number];
		for (const vertex of ring) {
			// Within 1 %: the polygon is drawn on the ellipsoid's degrees, turf measures on a sphere.
			expect(Math.abs(distance(centre, vertex, { units: 'meters' }) - 3000)).toBeLessThan(30);
		}
		// Counter-clockwise (RFC 7946): a positive signed area.
		let area = 0;
		for (let i = 0; i < ring.length - 1; i++)
			area += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
		expect(area).toBeGreaterThan(0);
	});

	it('leaves out lines and exact points', () => {
		const ids = haloPolygons(incidents).features.map((f) => f.id);
		expect(ids).not.toContain(LOC_FIGHTING.id);
		const exact = incidents.features.filter(
			(f) => f.geometry.type === 'Point' && f.properties.uncertainty_m === 0
		);
		for (const f of exact) expect(ids).not.toContain(f.id);
		expect(ids).toContain(MI24.id);
	});

	it('is empty above `max` imprecise points, and for no incidents', () => {
		const count = haloPolygons(incidents).features.length;
		expect(count).toBeGreaterThan(1);
		expect(haloPolygons(incidents, count).features).toHaveLength(count);
		expect(haloPolygons(incidents, count - 1).features).toEqual([]);
		expect(haloPolygons({ type: 'FeatureCollection', features: [] }).features).toEqual([]);
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

describe('placeLabelOffsets', () => {
	it('sets a place’s name clear of the largest selected marker on it, others at the default', () => {
		const data = mapDataOf(testDataset());
		const [madagiz, tartar] = data.places.features;
		expect(madagiz.properties.id).toBe('madagiz');
		expect(tartar.properties.label_offset).toBe(PLACE_LABEL_OFFSET);
		const mine = data.byId.get(MADAGIZ_MINE.id)!;
		const selectedRadius = radiusScale(data.maxClaim)(mine.properties.max_claim) + 3;
		// The name starts beyond the marker's edge (its stroke is 3 px wide, half outside).
		expect(madagiz.properties.label_offset * PLACE_LABEL_TEXT_SIZE).toBeGreaterThan(
			selectedRadius + 1.5
		);
	});

	it('ignores incidents more than about 100 m away, and lines', () => {
		const data = mapDataOf(testDataset());
		const away = { coordinates: [46.7602, 40.3258] };
		expect(placeLabelOffsets([away], data.incidents, data.maxClaim)).toEqual([PLACE_LABEL_OFFSET]);
		expect(placeLabelOffsets([], data.incidents, data.maxClaim)).toEqual([]);
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

describe('dayNumber', () => {
	it('counts days from 1970-01-01, across leap days', () => {
		expect(dayNumber('1970-01-01')).toBe(0);
		expect(dayNumber('1970-02-01')).toBe(31);
		expect(dayNumber('2020-03-01') - dayNumber('2020-02-28')).toBe(2);
		expect(dayNumber('2021-03-01') - dayNumber('2021-02-28')).toBe(1);
		expect(dayNumber('1969-12-31')).toBe(-1);
	});

	it('names a bad date', () => {
		expect(() => dayNumber('2020-13-01')).toThrow(/ISO date YYYY-MM-DD, got "2020-13-01"/);
		expect(() => dayNumber('2020-1-1')).toThrow(/ISO date/);
	});

	it('is what the map features carry as d0 and d1, with date_end as the last day', () => {
		const spanning = withSpan(LOC_FIGHTING, 'x', '2016-04-02', '2016-04-05', 'Battles');
		const [p] = incidentMapFeatures(testDataset([spanning]).incidents).features;
		expect([p.properties.d0, p.properties.d1]).toEqual([
			dayNumber('2016-04-02'),
			dayNumber('2016-04-05')
		]);
		const [q] = incidentMapFeatures(testDataset([MADAGIZ_MINE]).incidents).features;
		expect(q.properties.d0).toBe(q.properties.d1);
	});
});

/** A copy of a fixture incident with another id, span and type. */
function withSpan(
	base: IncidentFeature,
	id: string,
	date: string,
	dateEnd: string | undefined,
	type: string
): IncidentFeature {
	const properties = { ...base.properties, id, date, type } as IncidentFeature['properties'];
	if (dateEnd) properties.date_end = dateEnd;
	return { ...base, id, properties };
}

/** 24 incidents over 2020, some lasting days, of three types, points and lines. */
const SPAN_INCIDENTS: IncidentFeature[] = Array.from({ length: 24 }, (_, i) => {
	const day = 1 + ((i * 7) % 28);
	const month = 1 + (i % 12);
	const date = `2020-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	const end = i % 3 === 0 ? `2020-${String(month).padStart(2, '0')}-28` : undefined;
	return withSpan(i % 2 ? LOC_FIGHTING : MADAGIZ_MINE, `inc-${i}`, date, end, EVENT_TYPES[i % 3]);
});

describe('windowTypeFilter / incidentVisibilityFilter', () => {
	const data = mapDataOf(testDataset(SPAN_INCIDENTS));
	const features = data.incidents.features;

	/** The ids a filter lets through, as MapLibre evaluates it (null = every feature). */
	function selected(filter: unknown): string[] {
		return features
			.filter(
				(f) =>
					filter === null ||
					passes(filter, {
						type: f.geometry.type === 'Point' ? 1 : 2,
						properties: { ...f.properties }
					})
			)
			.map((f) => f.properties.id)
			.sort();
	}

	/** The visible set as the dashboard computes it (`src/lib/atlas/query.ts`). */
	function visibleFor(from: string, to: string, types?: string[]): Set<string> {
		const matches = queryMatcher({ from, to, types });
		return new Set(SPAN_INCIDENTS.filter(matches).map((f) => f.properties.id));
	}

	const windows: [string, string][] = [
		['2020-01-01', '2020-12-31'],
		['2020-03-01', '2020-03-31'],
		['2020-03-28', '2020-04-01'],
		['2020-06-15', '2020-09-10'],
		['2020-04-28', '2020-04-28'],
		['2021-01-01', '2021-12-31'],
		['2019-01-01', '2020-02-10']
	];
	const typeChoices: (string[] | undefined)[] = [
		undefined,
		['Battles'],
		['Battles', 'Violence against civilians']
	];

	for (const [from, to] of windows) {
		for (const types of typeChoices) {
			it(`selects exactly the visible set for ${from}..${to}, types ${types ?? 'all'}`, () => {
				const visible = visibleFor(from, to, types);
				const result = windowTypeFilter(data.spans, visible, { from, to });
				expect(result).not.toBeNull();
				expect(selected(result!.filter)).toEqual([...visible].sort());
				expect(JSON.stringify(result!.filter ?? '').length).toBeLessThan(200);
			});
		}
	}

	it('by state: one filter for every window without a type filter, selecting exactly the visible set under the window state', () => {
		const filters = new Set<string>();
		for (const [from, to] of windows) {
			const visible = visibleFor(from, to);
			const result = windowTypeFilter(data.spans, visible, { from, to }, true);
			filters.add(JSON.stringify(result!.filter));
			const state = { [WINDOW_STATE]: windowState({ from, to }) };
			const shown = features
				.filter((f) =>
					featureFilter(result!.filter as never, 'test', state).filter(
						{ zoom: 8, globalState: state } as never,
						{
							type: f.geometry.type === 'Point' ? 1 : 2,
							properties: { ...f.properties }
						} as never
					)
				)
				.map((f) => f.properties.id)
				.sort();
			expect(shown, `${from}..${to}`).toEqual([...visible].sort());
		}
		// 2021 has no incident: the same expression says so, no NOTHING filter (no second re-tile).
		expect(filters.size).toBe(1);
	});

	it('uses the day span, not the ids, and no type test when every type shows', () => {
		const result = windowTypeFilter(data.spans, visibleFor('2020-03-01', '2020-03-31'), {
			from: '2020-03-01',
			to: '2020-03-31'
		});
		expect(result?.filter).toEqual([
			'all',
			['<=', ['get', 'd0'], dayNumber('2020-03-31')],
			['>=', ['get', 'd1'], dayNumber('2020-03-01')]
		]);
	});

	it('tests only the type when the window holds every incident', () => {
		const visible = visibleFor('2020-01-01', '2020-12-31', ['Battles']);
		expect(
			windowTypeFilter(data.spans, visible, { from: '2020-01-01', to: '2020-12-31' })?.filter
		).toEqual(['match', ['get', 'type'], ['Battles'], true, false]);
	});

	it('needs no filter when everything is visible, and none for an empty dataset', () => {
		const all = { from: '2020-01-01', to: '2020-12-31' };
		expect(windowTypeFilter(data.spans, new Set(data.incidentIds), all)).toEqual({ filter: null });
		expect(incidentVisibilityFilter(data, new Set(data.incidentIds), all)).toBeNull();
		const empty = mapDataOf(testDataset([]));
		expect(windowTypeFilter(empty.spans, new Set(), all)).toEqual({ filter: null });
	});

	it('shows nothing when nothing is visible', () => {
		const window = { from: '2020-03-01', to: '2020-03-31' };
		const filter = incidentVisibilityFilter(data, new Set(), window);
		expect(filter).not.toBeNull();
		expect(selected(filter)).toEqual([]);
	});

	it('falls back to the ids when the visible set is not window × types', () => {
		const window = { from: '2020-01-01', to: '2020-06-30' };
		const inWindow = [...visibleFor(window.from, window.to)];
		// A search or actor filter: one in-window incident hidden although its type shows.
		const searched = new Set(inWindow.slice(1));
		expect(windowTypeFilter(data.spans, searched, window)).toBeNull();
		const filter = incidentVisibilityFilter(data, searched, window);
		expect(JSON.stringify(filter)).toContain('"match",["get","id"]');
		expect(selected(filter)).toEqual([...searched].sort());
		// An incident from outside the window (a statement's incidents, say).
		const outside = new Set([...inWindow, 'inc-23']);
		expect(visibleFor(window.from, window.to).has('inc-23')).toBe(false);
		expect(windowTypeFilter(data.spans, outside, window)).toBeNull();
		expect(selected(incidentVisibilityFilter(data, outside, window))).toEqual([...outside].sort());
		// An id the map does not know.
		expect(windowTypeFilter(data.spans, new Set([...inWindow, 'nope']), window)).toBeNull();
	});

	it('names a bad window', () => {
		expect(() =>
			windowTypeFilter(data.spans, new Set(), { from: '2020-1-1', to: '2020-12-31' })
		).toThrow(/window.from/);
	});
});

describe('incidentSourceData and regionSourceData', () => {
	it('puts the halo polygons after the incidents in one collection, and tags each region with its layer', () => {
		const data = mapDataOf(testDataset());
		const merged = incidentSourceData(data.incidents, data.halos);
		expect(merged.features.length).toBe(
			data.incidents.features.length + data.halos.features.length
		);
		expect(merged.features.slice(0, data.incidents.features.length)).toEqual(
			data.incidents.features
		);
		const regions = regionSourceData(data.regions);
		for (const [layer, fc] of Object.entries(data.regions)) {
			const mine = regions.features.filter((f) => f.properties.layer === layer);
			expect(mine.map((f) => f.properties.id)).toEqual(fc.features.map((f) => f.properties.id));
		}
	});
});
