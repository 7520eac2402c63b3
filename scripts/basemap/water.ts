import rewind from '@turf/rewind';
import type {
	Feature,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon,
	Position
} from 'geojson';
import type { Bbox } from './bbox';
import { clipLines, clipPolygons } from './clip';
import { roundLines, roundPolygons } from './precision';

export type WaterKind = 'lake' | 'reservoir' | 'river';

export interface WaterProperties {
	name: string;
	name_vi: string;
	kind: WaterKind;
}

/**
 * The water features the basemap keeps, by their Natural Earth `name`, with the names the map
 * shows. Natural Earth spells the Mingachevir reservoir "Mingevir"; the English name is the one
 * the settlements use (`names.ts`). The Vietnamese names are our own wording.
 */
export const WATER_NAMES: Readonly<Record<string, WaterProperties>> = {
	'Lake Sevan': { name: 'Lake Sevan', name_vi: 'Hồ Sevan', kind: 'lake' },
	'Mingevir Reservoir': {
		name: 'Mingachevir reservoir',
		name_vi: 'Hồ chứa Mingachevir',
		kind: 'reservoir'
	},
	Kura: { name: 'Kura', name_vi: 'Sông Kura', kind: 'river' },
	Aras: { name: 'Aras', name_vi: 'Sông Aras', kind: 'river' }
};

/** A Natural Earth feature reduced to what the generator uses. */
export interface NaturalEarthFeature {
	name: string;
	geometry: Polygon | MultiPolygon | LineString | MultiLineString;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const GEOMETRY_TYPES = ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'];

/** Checks a Natural Earth GeoJSON file; an error names the feature index and the field. */
export function parseNaturalEarth(value: unknown, source: string): NaturalEarthFeature[] {
	if (!isRecord(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
		throw new Error(`${source}: expected a GeoJSON FeatureCollection`);
	}
	return value.features.map((feature: unknown, i): NaturalEarthFeature => {
		const at = `${source}: features[${i}]`;
		if (!isRecord(feature)) throw new Error(`${at}: expected an object`);
		const name = isRecord(feature.properties) ? feature.properties.name : undefined;
		if (typeof name !== 'string' || name === '') {
			throw new Error(`${at}.properties.name: expected a non-empty string`);
		}
		const geometry = feature.geometry;
		if (
			!isRecord(geometry) ||
			!GEOMETRY_TYPES.includes(geometry.type as string) ||
			!Array.isArray(geometry.coordinates)
		) {
			throw new Error(`${at}.geometry: expected a (Multi)Polygon or (Multi)LineString`);
		}
		return { name, geometry: geometry as unknown as NaturalEarthFeature['geometry'] };
	});
}

function polygonsOf(geometry: NaturalEarthFeature['geometry']): Position[][][] {
	if (geometry.type === 'Polygon') return [geometry.coordinates];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates;
	return [];
}

function linesOf(geometry: NaturalEarthFeature['geometry']): Position[][] {
	if (geometry.type === 'LineString') return [geometry.coordinates];
	if (geometry.type === 'MultiLineString') return geometry.coordinates;
	return [];
}

/**
 * The named water features of `WATER_NAMES` clipped to the box and rounded: lakes and
 * reservoirs as (Multi)Polygons, rivers as (Multi)LineStrings, one feature per name and kind
 * (Natural Earth splits the Kura into its river and its course through the reservoir), lakes
 * first, then by name. Features the table does not name are left out.
 */
export function buildWater(
	features: NaturalEarthFeature[],
	bbox: Bbox,
	digits: number
): Feature<Polygon | MultiPolygon | LineString | MultiLineString, WaterProperties>[] {
	const polygons = new Map<string, Position[][][]>();
	const lines = new Map<string, Position[][]>();
	for (const feature of features) {
		const names = WATER_NAMES[feature.name];
		if (!names) continue;
		if (names.kind === 'river') {
			const clipped = roundLines(clipLines(linesOf(feature.geometry), bbox), digits);
			lines.set(feature.name, [...(lines.get(feature.name) ?? []), ...clipped]);
		} else {
			const clipped = roundPolygons(clipPolygons(polygonsOf(feature.geometry), bbox), digits);
			polygons.set(feature.name, [...(polygons.get(feature.name) ?? []), ...clipped]);
		}
	}
	const byName = (a: [string, unknown], b: [string, unknown]) =>
		WATER_NAMES[a[0]].name < WATER_NAMES[b[0]].name ? -1 : 1;
	const out: Feature<Polygon | MultiPolygon | LineString | MultiLineString, WaterProperties>[] = [];
	for (const [name, parts] of [...polygons].sort(byName)) {
		if (parts.length === 0) continue;
		out.push({
			type: 'Feature',
			properties: { ...WATER_NAMES[name] },
			geometry: rewind(
				parts.length === 1
					? { type: 'Polygon', coordinates: parts[0] }
					: { type: 'MultiPolygon', coordinates: parts },
				{ reverse: false }
			) as Polygon | MultiPolygon
		});
	}
	for (const [name, parts] of [...lines].sort(byName)) {
		if (parts.length === 0) continue;
		out.push({
			type: 'Feature',
			properties: { ...WATER_NAMES[name] },
			geometry:
				parts.length === 1
					? { type: 'LineString', coordinates: parts[0] }
					: { type: 'MultiLineString', coordinates: parts }
		});
	}
	return out;
}
