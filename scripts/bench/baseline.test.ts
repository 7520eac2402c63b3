import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
	STYLED_PATH,
	baselineHtml,
	baselineScript,
	baselineStyle,
	baselineWindowFilters,
	styledBaselineScript,
	styledBaselineStyle,
	type CapturedMap
} from './baseline';
import { countInWindow } from './windows';

const ORIGIN = 'http://127.0.0.1:4000';

describe('baselineStyle', () => {
	it('is a valid MapLibre style', () => {
		expect(
			validateStyleMin(baselineStyle(ORIGIN, ['countries.geojson', 'borders.geojson']))
		).toEqual([]);
	});

	it('draws the incidents from the same GeoJSON URL as circles, and each basemap file', () => {
		const style = baselineStyle(ORIGIN, ['countries.geojson']);
		expect(style.sources.incidents).toEqual({
			type: 'geojson',
			data: 'http://127.0.0.1:4000/data/incidents.geojson'
		});
		expect(style.sources['basemap-countries']).toEqual({
			type: 'geojson',
			data: 'http://127.0.0.1:4000/data/basemap/countries.geojson'
		});
		expect(style.layers.find((l) => l.id === 'incidents-circles')?.type).toBe('circle');
	});

	it('still works without a basemap', () => {
		const style = baselineStyle(ORIGIN, []);
		expect(validateStyleMin(style)).toEqual([]);
		expect(Object.keys(style.sources)).toEqual(['incidents']);
	});
});

describe('baseline page', () => {
	it('uses the same map contract as the app and loads MapLibre from the local server', () => {
		expect(baselineHtml()).toContain('data-testid="map" data-map-state="loading"');
		const script = baselineScript(ORIGIN, []);
		expect(script).toContain("from '/maplibre-gl.mjs'");
		expect(script).toContain("map.on('idle'");
		expect(script).toContain('window.__atlasMap = map');
		expect(script).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
	});
});

describe('baselineWindowFilters', () => {
	const spans = [
		{ type: 1, date: '2016-04-02' },
		{ type: 1, date: '2016-04-01', date_end: '2016-04-05' },
		{ type: 2, date: '2020-09-27', date_end: '2020-11-10' },
		{ type: 1, date: '2020-11-23' }
	];
	const shown = (window: { from: string; to: string }) =>
		spans.filter((s) => {
			const layer = s.type === 1 ? 'incidents-circles' : 'incidents-lines';
			const filter = featureFilter(baselineWindowFilters(window)[layer], 'test');
			const properties = { date: s.date, ...(s.date_end ? { date_end: s.date_end } : {}) };
			return filter.filter({ zoom: 8 }, { type: s.type, properties } as never);
		}).length;

	it('shows the incidents overlapping the window, as the bench counts them', () => {
		for (const window of [
			{ from: '2016-04-03', to: '2016-04-03' },
			{ from: '2016-04-01', to: '2016-04-01' },
			{ from: '2020-11-10', to: '2020-11-23' },
			{ from: '2017-01-01', to: '2019-01-01' },
			{ from: '1994-01-01', to: '2023-12-31' }
		])
			expect(shown(window)).toBe(countInWindow(spans, window));
	});

	it('keeps each layer to its geometry type', () => {
		const filters = baselineWindowFilters({ from: '2016-01-01', to: '2016-12-31' });
		const point = featureFilter(filters['incidents-lines'], 'test');
		expect(
			point.filter({ zoom: 8 }, { type: 1, properties: { date: '2016-04-02' } } as never)
		).toBe(false);
	});
});

describe('styled baseline (MapLibre alone with the app style)', () => {
	const APP = 'http://127.0.0.1:3000';
	const incidents = {
		type: 'FeatureCollection' as const,
		features: [
			{
				type: 'Feature' as const,
				properties: { id: 'a' },
				geometry: { type: 'Point' as const, coordinates: [46.5, 40.2] }
			}
		]
	};
	const captured: CapturedMap = {
		style: {
			version: 8,
			glyphs: 'atlas-glyphs://{fontstack}/{range}.pbf',
			sources: {
				incidents: { type: 'geojson', data: incidents, promoteId: 'id' },
				countries: { type: 'geojson', data: `${APP}/data/basemap/countries.geojson` }
			},
			layers: [
				{ id: 'countries', type: 'fill', source: 'countries' },
				{
					id: 'labels',
					type: 'symbol',
					source: 'incidents',
					layout: { 'text-field': ['get', 'id'], 'text-font': ['Noto Sans'] }
				}
			]
		},
		center: [46.5, 40.1],
		zoom: 7.9,
		width: 752.4,
		height: 700,
		images: [{ id: 'hatch', width: 1, height: 1, pixelRatio: 2, sdf: false, data: [1, 2, 3, 4] }]
	};

	it("keeps the app's layers and makes every source a file on the baseline server", () => {
		const { style, files } = styledBaselineStyle(captured.style, APP, ORIGIN);
		expect(validateStyleMin(style)).toEqual([]);
		expect(style.layers).toEqual(captured.style.layers);
		expect(style.sources.incidents).toEqual({
			type: 'geojson',
			data: `${ORIGIN}${STYLED_PATH}source-incidents.geojson`,
			promoteId: 'id'
		});
		expect(JSON.parse(files.get(`${STYLED_PATH}source-incidents.geojson`)!)).toEqual(incidents);
		expect(style.sources.countries).toEqual({
			type: 'geojson',
			data: `${ORIGIN}/data/basemap/countries.geojson`
		});
		expect(style.glyphs).toBe(`${ORIGIN}/glyphs/{fontstack}/{range}.pbf`);
	});

	it("draws at the app's view and size, with its images and no label fade", () => {
		const { style } = styledBaselineStyle(captured.style, APP, ORIGIN);
		const script = styledBaselineScript(style, captured);
		expect(script).toContain("container.style.width = '752px'");
		expect(script).toContain("container.style.height = '700px'");
		expect(script).toContain('center: [46.5,40.1]');
		expect(script).toContain('zoom: 7.9');
		expect(script).toContain('fadeDuration: 0');
		expect(script).toContain(
			'"hatch":{"width":1,"height":1,"pixelRatio":2,"sdf":false,"data":[1,2,3,4]}'
		);
		expect(script).toContain("map.on('idle'");
		expect(script).not.toContain(APP);
		expect(script).not.toMatch(/https?:\/\/(?!127\.0\.0\.1:4000)/);
	});
});
