import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { baselineHtml, baselineScript, baselineStyle } from './baseline';

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
