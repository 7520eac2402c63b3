import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
	Color,
	createExpression,
	createPropertyExpression,
	featureFilter,
	latest,
	type FilterSpecification,
	validateStyleMin,
	type LayerSpecification,
	type StyleSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { BOLD_FONT_STACK, ITALIC_FONT_STACK, REGULAR_FONT_STACK } from './fonts';
import { mapDataOf, placeMapFeatures, visibleIdFilter } from './layers';
import { waterPlaceName } from './map_text';
import {
	HALO_DASH,
	HALO_FILL_OPACITY,
	INCIDENT_LINE_OFFSET,
	BACKGROUND_COLOR,
	BASEMAP_BOUNDS,
	panBounds,
	COUNTRY_COLORS,
	LANG_LABEL_LAYERS,
	OTHER_COUNTRY_COLOR,
	STYLE_COLORS,
	WATER_COLOR,
	HATCH_IMAGE,
	addMissingStyleImage,
	basemapLabelField,
	buildStyle,
	dataStyleOptions,
	toggleIds,
	toggleStyleLayers,
	type StyleOptions
} from './style';
import { LOC_FIGHTING, MADAGIZ_MINE, PLACES, testDataset } from './test_fixtures';

const BASEMAP_URL = 'http://127.0.0.1:4173/data/basemap/';
const GLYPHS_URL = 'atlas-glyphs://{fontstack}/{range}.pbf';
const REGION_LAYERS = mapDataOf(testDataset()).regionLayers;
const TOGGLE_IDS = toggleIds(REGION_LAYERS);
const TOGGLE_LAYERS = toggleStyleLayers(REGION_LAYERS);

function options(overrides: Partial<StyleOptions> = {}): StyleOptions {
	return {
		...dataStyleOptions(mapDataOf(testDataset())),
		basemapUrl: BASEMAP_URL,
		glyphsUrl: GLYPHS_URL,
		window: { from: '2016-01-01', to: '2020-12-31' },
		toggles: {},
		idFilter: null,
		...overrides
	};
}

function layer(style: StyleSpecification, id: string): LayerSpecification {
	const found = style.layers.find((l) => l.id === id);
	if (!found) throw new Error(`no layer ${id}`);
	return found;
}

function filterOf(style: StyleSpecification, id: string): FilterSpecification | undefined {
	return (layer(style, id) as { filter?: FilterSpecification }).filter;
}

/** Evaluates a paint property of a layer for a feature and its feature-state. */
function paint(
	style: StyleSpecification,
	id: string,
	property: string,
	properties: Record<string, unknown>,
	state: Record<string, unknown> = {}
) {
	const l = layer(style, id) as LayerSpecification & { paint: Record<string, unknown> };
	const spec = (latest as unknown as Record<string, Record<string, object>>)[`paint_${l.type}`][
		property
	];
	const parsed = createExpression(l.paint[property], 'test', spec as never);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value.evaluate({ zoom: 9 }, { type: 1, properties } as never, state);
}

/**
 * The WebGL program MapLibre compiles for a layer: its shader, and for each paint property that
 * may depend on the feature whether it is fed as a uniform (`u_`: constant or zoom only), an
 * attribute (`a_`: per feature) or an attribute pair across zooms (`z_`: both), as MapLibre's
 * `ProgramConfiguration` keys it. `null` for the layer types the check leaves out.
 */
function programVariant(l: LayerSpecification): { shader: string; key: string } | null {
	if (l.type !== 'fill' && l.type !== 'line' && l.type !== 'circle') return null;
	const values = (l.paint ?? {}) as Record<string, unknown>;
	const shader =
		l.type === 'fill'
			? values['fill-pattern'] !== undefined
				? 'fillPattern'
				: 'fill'
			: l.type === 'line'
				? values['line-pattern'] !== undefined
					? 'linePattern'
					: values['line-dasharray'] !== undefined
						? 'lineSDF'
						: 'line'
				: 'circle';
	const specs = (latest as unknown as Record<string, Record<string, Record<string, unknown>>>)[
		`paint_${l.type}`
	];
	const key: string[] = [];
	for (const [property, spec] of Object.entries(specs)) {
		const type = spec['property-type'];
		if (type !== 'data-driven' && type !== 'cross-faded-data-driven') continue;
		const value = values[property] ?? spec.default;
		if (value === undefined) continue; // fill-outline-color: follows fill-color
		if (!Array.isArray(value) || typeof value[0] !== 'string') {
			key.push(`u_${property}`); // a constant: a number, a colour or an array such as a dash
			continue;
		}
		const parsed = createPropertyExpression(value, property, spec as never);
		if (parsed.result !== 'success') throw new Error(`${l.id} ${property}`);
		const kind = parsed.value.kind;
		key.push(
			`${kind === 'constant' || kind === 'camera' ? 'u' : kind === 'source' ? 'a' : 'z'}_${property}`
		);
	}
	return { shader, key: key.join(' ') };
}

/** Evaluates a layout property of a symbol layer for a feature at a zoom. */
function layout(
	style: StyleSpecification,
	id: string,
	property: string,
	properties: Record<string, unknown>,
	zoom = 8
) {
	const l = layer(style, id) as LayerSpecification & { layout: Record<string, unknown> };
	const spec = (latest as unknown as Record<string, Record<string, object>>).layout_symbol[
		property
	];
	const parsed = createExpression(l.layout[property], 'test', spec as never);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value.evaluate({ zoom }, { type: 1, properties } as never);
}

describe('addMissingStyleImage', () => {
	it('draws the hatch the first time a style asks for it, and no other image', () => {
		const added = new Map<string, { width: number; height: number; data: Uint8Array }>();
		const map = {
			hasImage: (id: string) => added.has(id),
			addImage: (id: string, image: { width: number; height: number; data: Uint8Array }) =>
				void added.set(id, image)
		};
		addMissingStyleImage(map, 'some-icon');
		expect(added.size).toBe(0);
		addMissingStyleImage(map, HATCH_IMAGE);
		const hatch = added.get(HATCH_IMAGE)!;
		expect(hatch.width).toBe(12);
		expect(hatch.data.length).toBe(12 * 12 * 4);
		expect(hatch.data.some((v, i) => i % 4 === 3 && v > 0)).toBe(true);
		addMissingStyleImage(map, HATCH_IMAGE);
		expect(added.get(HATCH_IMAGE)).toBe(hatch);
	});
});

describe('dataStyleOptions', () => {
	it('gives every field of the style that comes from the map data', () => {
		const data = mapDataOf(testDataset());
		const style = buildStyle({ ...options(), ...dataStyleOptions(data) });
		expect(style).toEqual(buildStyle(options()));
		expect(dataStyleOptions(data)).toEqual({
			incidents: data.incidents,
			halos: data.halos,
			places: data.places,
			regions: data.regions,
			regionLayers: data.regionLayers,
			maxClaim: data.maxClaim,
			placeSpellings: data.placeSpellings
		});
	});
});

describe('buildStyle', () => {
	it('draws the layers of each shader with one program: one variant per shader', () => {
		for (const style of [
			buildStyle(options()),
			buildStyle(options({ lang: 'vi', windowBy: 'state' })),
			buildStyle(options({ toggles: { places: false }, maxClaim: 0 }))
		]) {
			const variants = new Map<string, Set<string>>();
			for (const l of style.layers) {
				const variant = programVariant(l);
				if (!variant) continue;
				const keys = variants.get(variant.shader) ?? new Set();
				keys.add(variant.key);
				variants.set(variant.shader, keys);
			}
			expect([...variants.keys()].sort()).toEqual([
				'circle',
				'fill',
				'fillPattern',
				'line',
				'lineSDF'
			]);
			for (const [shader, keys] of variants) expect([...keys], shader).toHaveLength(1);
		}
	});

	it('builds a style the MapLibre style specification accepts', () => {
		expect(validateStyleMin(buildStyle(options()))).toEqual([]);
		const idFilter = visibleIdFilter(
			[MADAGIZ_MINE.id, LOC_FIGHTING.id],
			new Set([MADAGIZ_MINE.id])
		);
		const toggles = Object.fromEntries(TOGGLE_IDS.map((id) => [id, false]));
		expect(
			validateStyleMin(buildStyle(options({ idFilter, toggles, maxClaim: 0, placeSpellings: [] })))
		).toEqual([]);
	});

	it('is checked by a validator that does catch mistakes', () => {
		const style = buildStyle(options());
		const broken = {
			...style,
			layers: style.layers.map((l) =>
				l.id === 'incidents-circles' ? { ...l, paint: { 'circle-radius': 'big' } } : l
			)
		} as StyleSpecification;
		expect(
			validateStyleMin(broken)
				.map((e) => e.message)
				.join('\n')
		).toMatch(/circle-radius/);
	});

	it('asks for nothing outside the app: glyphs and basemap from the app only, no sprite', () => {
		const style = buildStyle(options());
		expect(style.glyphs).toBe(GLYPHS_URL);
		expect(style).not.toHaveProperty('sprite');
		for (const [id, source] of Object.entries(style.sources)) {
			const data = (source as { data?: unknown }).data;
			if (typeof data === 'string')
				expect(data, id).toMatch(new RegExp(`^${BASEMAP_URL}[a-z]+\\.geojson$`));
			else expect(data, id).toMatchObject({ type: 'FeatureCollection' });
		}
	});

	it('draws labels from the glyph files at glyphsUrl, and refuses one without its placeholders', () => {
		expect(buildStyle(options()).glyphs).toBe(GLYPHS_URL);
		expect(() => buildStyle(options({ glyphsUrl: '/glyphs/{fontstack}/{range}.pbf' }))).toThrow(
			/glyphsUrl must be an absolute URL with \{fontstack\} and \{range\}/
		);
		expect(() =>
			buildStyle(
				options({ glyphsUrl: 'http://127.0.0.1:4173/glyphs/%7Bfontstack%7D/%7Brange%7D.pbf' })
			)
		).toThrow(/glyphsUrl must be/);
	});

	it('refuses a basemap URL that is not absolute', () => {
		expect(() => buildStyle(options({ basemapUrl: '/data/basemap/' }))).toThrow(
			/basemapUrl must be an absolute/
		);
	});

	it('has the layers the contract names, on the incidents source keyed by id', () => {
		const style = buildStyle(options());
		for (const id of ['incidents-circles', 'incidents-lines', 'incidents-uncertainty']) {
			expect(layer(style, id)).toMatchObject({ source: 'incidents' });
		}
		expect(style.sources.incidents).toMatchObject({ type: 'geojson', promoteId: 'id' });
		// The three region layers share one source (one re-tile per window change, issue 16).
		for (const { id } of REGION_LAYERS)
			expect(layer(style, id)).toMatchObject({ source: 'regions' });
	});

	it('draws each region layer by its declared style class, fills first, lines on top', () => {
		const ids = buildStyle(options()).layers.map((l) => l.id);
		const regions = ids.filter((id) => /^(nkao|line-of-contact|ceasefire)/.test(id));
		// The same style layers, in the same order, as when the three layers were written in code.
		expect(regions).toEqual([
			'nkao-1923-1991-fill',
			'ceasefire-2020-fill',
			'ceasefire-2020-hatch',
			'nkao-1923-1991',
			'ceasefire-2020',
			'line-of-contact-1994-2020'
		]);
		// A fourth layer, known to no code: drawn by its class, toggled by its id.
		const extra = { id: 'test-zone', style: 'historic-boundary' as const };
		const style = buildStyle(
			options({ regionLayers: [...REGION_LAYERS, extra], toggles: { 'test-zone': false } })
		);
		expect(validateStyleMin(style)).toEqual([]);
		const outline = layer(style, 'test-zone') as LayerSpecification & {
			paint: Record<string, unknown>;
			layout: Record<string, unknown>;
		};
		expect(`${paint(style, 'test-zone', 'line-color', {})}`).toBe(
			`${Color.parse(STYLE_COLORS['historic-boundary'])}`
		);
		expect(outline.layout.visibility).toBe('none');
		expect(layer(style, 'test-zone-fill')).toMatchObject({ type: 'fill', source: 'regions' });
		expect(toggleStyleLayers([extra])['test-zone']).toEqual(['test-zone-fill', 'test-zone']);
	});

	it('draws the line of contact dashed and red', () => {
		const style = buildStyle(options());
		const loc = layer(style, 'line-of-contact-1994-2020') as LayerSpecification & {
			paint: Record<string, unknown>;
		};
		expect(loc.type).toBe('line');
		expect(loc.paint['line-dasharray']).toEqual([3, 1.5]);
		const red = paint(style, 'line-of-contact-1994-2020', 'line-color', {}) as Color;
		expect(red.r).toBeGreaterThan(0.7);
		expect(red.g + red.b).toBeLessThan(0.3);
	});

	it('hides the layers of a toggle that is off and shows the rest', () => {
		for (const off of TOGGLE_IDS) {
			const style = buildStyle(options({ toggles: { [off]: false } }));
			for (const id of TOGGLE_IDS) {
				for (const layerId of TOGGLE_LAYERS[id]) {
					const visibility = (layer(style, layerId).layout as { visibility?: string }).visibility;
					expect(visibility, `${layerId} with ${off} off`).toBe(id === off ? 'none' : 'visible');
				}
			}
		}
	});

	it('filters the region layers by the time window', () => {
		const style = buildStyle(options({ window: { from: '2020-11-11', to: '2020-12-31' } }));
		const filter = featureFilter(filterOf(style, 'line-of-contact-1994-2020'), 'test');
		// The region layers share one source; each feature says which layer it belongs to.
		const loc = {
			...testDataset().layers['line-of-contact-1994-2020'].features[0].properties,
			layer: 'line-of-contact-1994-2020'
		};
		expect(filter.filter({ zoom: 8 }, { type: 2, properties: loc } as never)).toBe(false);
		const zone = featureFilter(filterOf(style, 'ceasefire-2020-hatch'), 'test');
		const zoneProps = {
			...testDataset().layers['ceasefire-2020'].features[0].properties,
			layer: 'ceasefire-2020'
		};
		expect(zone.filter({ zoom: 8 }, { type: 3, properties: zoneProps } as never)).toBe(true);
		// A valid feature of another region layer is not drawn by this one.
		expect(
			zone.filter({ zoom: 8 }, {
				type: 3,
				properties: { ...zoneProps, layer: 'nkao-1923-1991' }
			} as never)
		).toBe(false);
	});

	it('labels with the web fonts of the page', () => {
		const style = buildStyle(options());
		const fonts = style.layers
			.filter((l) => l.type === 'symbol')
			.map((l) => (l.layout as { 'text-font'?: string[] })['text-font']);
		expect(fonts).toEqual([
			ITALIC_FONT_STACK,
			ITALIC_FONT_STACK,
			REGULAR_FONT_STACK,
			REGULAR_FONT_STACK,
			ITALIC_FONT_STACK,
			BOLD_FONT_STACK
		]);
	});

	it('draws Natural Earth water over the land, under the borders, with its names in italic', () => {
		const style = buildStyle(options());
		const ids = style.layers.map((l) => l.id);
		expect(style.sources.water).toMatchObject({
			type: 'geojson',
			data: `${BASEMAP_URL}water.geojson`
		});
		expect(ids.indexOf('basemap-water')).toBeGreaterThan(ids.indexOf('basemap-countries'));
		expect(ids.indexOf('basemap-rivers')).toBeLessThan(ids.indexOf('basemap-borders'));
		expect(layer(style, 'basemap-water')).toMatchObject({ type: 'fill', source: 'water' });
		expect(layer(style, 'basemap-rivers')).toMatchObject({ type: 'line', source: 'water' });
		const polygons = featureFilter(filterOf(style, 'basemap-water'), 'test');
		const lines = featureFilter(filterOf(style, 'basemap-rivers'), 'test');
		const lake = { type: 3, properties: { name: 'Lake Sevan', kind: 'lake' } } as never;
		const river = { type: 2, properties: { name: 'Kura', kind: 'river' } } as never;
		expect([polygons.filter({ zoom: 8 }, lake), polygons.filter({ zoom: 8 }, river)]).toEqual([
			true,
			false
		]);
		expect([lines.filter({ zoom: 8 }, lake), lines.filter({ zoom: 8 }, river)]).toEqual([
			false,
			true
		]);
		expect(
			(layer(style, 'basemap-water-labels').layout as Record<string, unknown>)['symbol-placement']
		).toBe('line');
	});

	it('names the countries, in the reader’s language, one label per part zoomed out, per cell zoomed in', () => {
		const en = buildStyle(options());
		const vi = buildStyle({ ...options(), lang: 'vi' });
		expect(en.sources['basemap-labels']).toMatchObject({
			data: `${BASEMAP_URL}labels.geojson`
		});
		const georgia = { name: 'Georgia', name_vi: 'Gruzia', kind: 'country', rank: 1 };
		const field = (style: StyleSpecification) =>
			String(layout(style, 'basemap-country-labels', 'text-field', georgia));
		expect(field(en)).toBe('Georgia');
		expect(field(vi)).toBe('Gruzia');
		for (const [id, field] of Object.entries(LANG_LABEL_LAYERS)) {
			expect((layer(vi, id).layout as Record<string, unknown>)['text-field'], id).toEqual(
				field('vi')
			);
		}
		expect(LANG_LABEL_LAYERS['basemap-country-labels']).toBe(basemapLabelField);
		const filter = featureFilter(filterOf(en, 'basemap-country-labels'), 'test');
		const at = (zoom: number, rank: number) =>
			filter.filter({ zoom }, { type: 1, properties: { ...georgia, rank } } as never);
		expect([at(6, 0), at(6, 1), at(8, 0), at(8, 1)]).toEqual([true, false, false, true]);
		const lakeFilter = featureFilter(filterOf(en, 'basemap-lake-labels'), 'test');
		expect(lakeFilter.filter({ zoom: 8 }, { type: 1, properties: georgia } as never)).toBe(false);
	});

	it('labels a reservoir as water, not as a village: italic, no dot, not the places’ bold', () => {
		const style = buildStyle(options());
		const reservoir = { type: 1, properties: { label: 'Sarsang reservoir', kind: 'reservoir' } };
		const village = { type: 1, properties: { label: 'Madagiz / Sugovushan', kind: 'village' } };
		const shows = (id: string, feature: object) =>
			featureFilter(filterOf(style, id), 'test').filter({ zoom: 8 }, feature as never);
		expect(shows('places-water-labels', reservoir)).toBe(true);
		expect(shows('places-labels', reservoir)).toBe(false);
		expect(shows('places-circles', reservoir)).toBe(false);
		expect(shows('places-water-labels', village)).toBe(false);
		expect(shows('places-labels', village)).toBe(true);
		expect(shows('places-circles', village)).toBe(true);
		const layout = layer(style, 'places-water-labels').layout as Record<string, unknown>;
		expect(layout['text-font']).toEqual(ITALIC_FONT_STACK);
		expect((layout['text-variable-anchor'] as string[])[0]).toBe('right');
		expect(TOGGLE_LAYERS.places).toContain('places-water-labels');
	});

	it('sets each place’s label off by its own offset, clear of the markers on it', () => {
		const style = buildStyle(options());
		const at = (properties: Record<string, unknown>) =>
			layout(style, 'places-labels', 'text-radial-offset', properties);
		expect(at({ label_offset: 2.1 })).toBe(2.1);
		expect(at({})).toBe(0.6);
	});

	it('keeps the view inside the basemap’s box, the box the generator writes', async () => {
		const { BASEMAP_OPTIONS } = await import('../../../scripts/basemap/generate');
		expect(BASEMAP_BOUNDS).toEqual(BASEMAP_OPTIONS.bbox);
	});

	it('grows the pan box to hold every record, so none is out of reach', () => {
		expect(panBounds([])).toEqual(BASEMAP_BOUNDS);
		const baku = { geometry: { coordinates: [49.88222, 40.39528] } };
		const line = {
			geometry: {
				coordinates: [
					[45, 39],
					[43.2, 37.9]
				]
			}
		};
		const [w, s, e, n] = panBounds([baku, line]);
		expect(e).toBeCloseTo(50.38222);
		expect(w).toBeCloseTo(42.7);
		expect(s).toBeCloseTo(37.4);
		expect(n).toBe(BASEMAP_BOUNDS[3]);
	});

	it('leaves off settlement labels that a curated place already gives', () => {
		const filter = featureFilter(filterOf(buildStyle(options()), 'basemap-settlements'), 'test');
		const at = (name: string, population: number) =>
			filter.filter({ zoom: 9 }, { type: 1, properties: { name, population } } as never);
		expect(at('Terter', 18_185)).toBe(false);
		expect(at('Barda', 41_000)).toBe(true);
		expect(
			filter.filter({ zoom: 6 }, {
				type: 1,
				properties: { name: 'Barda', population: 41_000 }
			} as never)
		).toBe(false);
	});

	it('outlines the selected, highlighted and hovered incident through feature-state', () => {
		const style = buildStyle(options());
		const props = { id: MADAGIZ_MINE.id, type: 'Battles', max_claim: 4 };
		const width = (state: Record<string, boolean>) =>
			paint(style, 'incidents-circles', 'circle-stroke-width', props, state);
		expect(width({})).toBe(1.2);
		expect(width({ hover: true })).toBe(2);
		expect(width({ highlighted: true })).toBe(3);
		expect(width({ selected: true, hover: true })).toBe(3);
		const radius = (state: Record<string, boolean>) =>
			paint(style, 'incidents-circles', 'circle-radius', props, state);
		expect(radius({ selected: true })).toBeCloseTo(radius({}) + 3);
		const casing = (state: Record<string, boolean>) =>
			paint(style, 'incidents-lines-casing', 'line-opacity', props, state);
		expect(casing({})).toBeGreaterThan(0.5);
		const casingColour = (state: Record<string, boolean>) =>
			paint(style, 'incidents-lines-casing', 'line-color', props, state);
		expect(String(casingColour({}))).toMatch(/255, ?255, ?255|#fff/i);
		expect(String(casingColour({ selected: true }))).not.toMatch(/255, ?255, ?255|#fff/i);
	});

	it('draws incidents above every label, and incident lines beside the front line they follow', () => {
		const ids = buildStyle(options()).layers.map((l) => l.id);
		const lastLabel = Math.max(ids.indexOf('places-labels'), ids.indexOf('basemap-settlements'));
		for (const id of ['incidents-circles', 'incidents-lines', 'incidents-lines-casing']) {
			expect(ids.indexOf(id), id).toBeGreaterThan(lastLabel);
		}
		const style = buildStyle(options());
		for (const id of ['incidents-lines', 'incidents-lines-casing']) {
			const offset = (layer(style, id).paint as Record<string, unknown>)['line-offset'];
			expect(offset, id).toBe(INCIDENT_LINE_OFFSET);
		}
		expect(INCIDENT_LINE_OFFSET).toBeGreaterThan(3);
	});

	it('draws the uncertainty halo as a thin dashed outline over a faint fill', () => {
		const style = buildStyle(options());
		const outline = layer(style, 'incidents-uncertainty-outline') as LayerSpecification & {
			paint: Record<string, unknown>;
		};
		expect(outline).toMatchObject({ type: 'line', source: 'incidents' });
		expect(outline.paint['line-dasharray']).toEqual(HALO_DASH);
		expect(outline.paint['line-width']).toBeLessThanOrEqual(1.5);
		const props = { id: MADAGIZ_MINE.id, type: 'Battles', uncertainty_m: 3000 };
		const fill = (state: Record<string, boolean>) =>
			paint(style, 'incidents-uncertainty', 'circle-opacity', props, state);
		expect(fill({})).toBe(HALO_FILL_OPACITY);
		expect(HALO_FILL_OPACITY).toBeLessThanOrEqual(0.06);
		expect(fill({ selected: true })).toBeLessThanOrEqual(0.15);
		expect(paint(style, 'incidents-uncertainty', 'circle-stroke-width', props)).toBe(0);
		const filter = featureFilter(filterOf(style, 'incidents-uncertainty-outline'), 'test');
		const at = (uncertainty_m: number) =>
			filter.filter({ zoom: 8 }, { type: 3, properties: { ...props, uncertainty_m } } as never);
		expect(at(3000)).toBe(true);
		expect(at(0)).toBe(false);
		// The incident itself (a point, in the same source) draws no dashed outline.
		expect(
			filter.filter({ zoom: 8 }, {
				type: 1,
				properties: { ...props, uncertainty_m: 3000 }
			} as never)
		).toBe(false);
	});

	it('sizes the uncertainty halo in metres on the ground at every zoom', () => {
		const style = buildStyle(options());
		const l = layer(style, 'incidents-uncertainty') as LayerSpecification & {
			paint: Record<string, unknown>;
		};
		const parsed = createExpression(
			l.paint['circle-radius'],
			'test',
			latest.paint_circle['circle-radius'] as never
		);
		if (parsed.result !== 'success') throw new Error('bad expression');
		for (const zoom of [5, 8.5, 12]) {
			const radius = parsed.value.evaluate({ zoom }, {
				type: 1,
				properties: { halo0: 0.01 }
			} as never);
			expect(radius).toBeCloseTo(0.01 * 2 ** zoom, 6);
		}
	});

	it('colours neighbouring countries apart, water apart from land, and the background as land', () => {
		const colours = [...Object.values(COUNTRY_COLORS), OTHER_COUNTRY_COLOR];
		expect(new Set(colours).size).toBe(colours.length);
		expect(colours).not.toContain(WATER_COLOR);
		expect(BACKGROUND_COLOR).toBe(OTHER_COUNTRY_COLOR);
	});
});

describe('the label fonts', () => {
	it('are families the imported @fontsource stylesheets declare', () => {
		const require = createRequire(import.meta.url);
		const declared = new Set<string>();
		for (const file of [
			'@fontsource/noto-sans/400.css',
			'@fontsource/noto-sans/700.css',
			'@fontsource/noto-sans-armenian/400.css'
		]) {
			const css = readFileSync(require.resolve(file), 'utf8');
			for (const m of css.matchAll(/font-family:\s*'([^']+)'/g)) declared.add(m[1]);
		}
		expect([...REGULAR_FONT_STACK].every((f) => declared.has(f))).toBe(true);
		// The first name of the bold stack only carries the weight; the rest must exist.
		expect(BOLD_FONT_STACK[0]).toMatch(/\bBold\b/);
		expect(declared.has(BOLD_FONT_STACK[0])).toBe(false);
		expect(BOLD_FONT_STACK.slice(1).every((f) => declared.has(f))).toBe(true);
	});
});

describe('water places in the reader’s language', () => {
	const places = placeMapFeatures({
		type: 'FeatureCollection',
		features: [
			['Sarsang reservoir', 'reservoir'],
			['Sugovushan / Madagiz reservoir', 'reservoir'],
			['Tartar river mouth', 'river mouth'],
			['Tartar river source', 'river source'],
			['Lake Sevan', 'reservoir']
		].map(([label, kind], i) => ({
			...PLACES[0],
			properties: { ...PLACES[0].properties, id: `w${i}`, label, kind }
		}))
	});
	const labels = (lang: 'en' | 'vi') => {
		const style = buildStyle({ ...options(), lang });
		return places.features.map((f) =>
			String(layout(style, 'places-water-labels', 'text-field', { ...f.properties }))
		);
	};

	it('keeps the data’s own labels in English', () => {
		expect(labels('en')).toEqual([
			'Sarsang reservoir',
			'Sugovushan / Madagiz reservoir',
			'Tartar river mouth',
			'Tartar river source',
			'Lake Sevan'
		]);
	});

	it('puts the generic word in Vietnamese around the name as the data gives it, both forms kept', () => {
		expect(labels('vi')).toEqual([
			'Hồ chứa Sarsang',
			'Hồ chứa Sugovushan / Madagiz',
			'Cửa sông Tartar',
			'Nguồn sông Tartar',
			// Not built from its kind: shown as the data has it.
			'Lake Sevan'
		]);
	});

	it('finds the name only in a label built from its kind', () => {
		expect(waterPlaceName('Tartar river mouth', 'river mouth')).toBe('Tartar');
		expect(waterPlaceName('Tartar river mouth', 'river source')).toBeUndefined();
		expect(waterPlaceName(' reservoir', 'reservoir')).toBeUndefined();
		expect(waterPlaceName('Madagiz', 'village')).toBeUndefined();
		expect(waterPlaceName('x reservoir', 'toString')).toBeUndefined();
	});
});
