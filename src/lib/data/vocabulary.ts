/**
 * The closed vocabularies of the dataset as plain constants. They live apart from `schema.ts` so
 * the browser can use them without bundling zod: the client never validates (the server does, at
 * start), and zod would be more than half of the dashboard's own JavaScript.
 */

/**
 * A region layer's id: the base name of its file under `geodata/layers/`, declared in the file's
 * `layer` member. Layers are data: any number of files, none known to the code by id.
 */
export type LayerId = string;

/** What a layer draws: lines (LineString, MultiLineString) or areas (Polygon, MultiPolygon). */
export const LAYER_KINDS = ['line', 'area'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

/**
 * The style classes a layer may declare: the paint lives in code (`src/lib/map/style.ts` and the
 * legend), the choice in the data. Each suits one kind of layer.
 */
export const LAYER_STYLES = ['historic-boundary', 'front-line', 'hatched-zone'] as const;
export type LayerStyle = (typeof LAYER_STYLES)[number];

/** The kind of layer each style class draws. */
export const LAYER_STYLE_KIND: Record<LayerStyle, LayerKind> = {
	'historic-boundary': 'area',
	'front-line': 'line',
	'hatched-zone': 'area'
};

/** The geometry types each kind of layer holds. */
export const LAYER_KIND_GEOMETRIES: Record<LayerKind, readonly string[]> = {
	line: ['LineString', 'MultiLineString'],
	area: ['Polygon', 'MultiPolygon']
};

/** A layer id is lower-case words joined by hyphens: it is a file name, a URL segment and a toggle. */
export const LAYER_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A layer's declaration, the `layer` member of its FeatureCollection (validated by `schema.ts`).
 * A plain type here so the browser can read it without zod.
 */
export interface LayerDeclaration {
	id: LayerId;
	/** Language → text; `en` is always there. */
	names: { en: string } & Record<string, string>;
	description?: { en: string } & Record<string, string>;
	valid_from: string;
	/** `null` where the layer is still valid today. */
	valid_to: string | null;
	kind: LayerKind;
	style: LayerStyle;
	/** Draw and legend order, lowest first; layers without one follow, by id. */
	order?: number;
}

/** The layers' ids in their declared order (`order`, then id), for the legend, the map and OGC. */
export function layerOrder(layers: Record<LayerId, { layer: LayerDeclaration }>): LayerId[] {
	const rank = (id: LayerId) => layers[id].layer.order ?? Number.POSITIVE_INFINITY;
	return Object.keys(layers).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** ACLED's event types (https://acleddata.com/acleddatanew/wp-content/uploads/dlm_uploads/2023/06/ACLED_Codebook_2023.pdf). */
export const EVENT_TYPES = [
	'Battles',
	'Explosions/Remote violence',
	'Violence against civilians',
	'Protests',
	'Riots',
	'Strategic developments'
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
