import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { baselineHtml, baselineScript, baselineStyle, baselineWindowFilters } from './baseline';
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
