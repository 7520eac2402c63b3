import rewind from '@turf/rewind';
import type {
	Feature,
	Geometry,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon,
	Position
} from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { Bbox } from './bbox';
import { clipLines, clipPolygons } from './clip';
import { roundLines, roundPolygons } from './precision';

export interface CountryProperties {
	name: string;
	/** ISO 3166-1 numeric code as world-atlas gives it (`"031"`), `null` where it has none. */
	iso_n3: string | null;
}

export interface BorderProperties {
	country_a: string;
	iso_n3_a: string | null;
	country_b: string;
	iso_n3_b: string | null;
}

/** A world-atlas topology whose `countries` object has been checked. */
export type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the parts of a world-atlas `countries-*.json` topology that the generator relies on. */
export function parseCountriesTopology(value: unknown, source: string): CountriesTopology {
	if (!isRecord(value) || value.type !== 'Topology') {
		throw new Error(`${source}: expected a TopoJSON object with "type": "Topology"`);
	}
	if (!Array.isArray(value.arcs)) throw new Error(`${source}: arcs: expected an array`);
	const countries = isRecord(value.objects) ? value.objects.countries : undefined;
	if (!isRecord(countries) || countries.type !== 'GeometryCollection') {
		throw new Error(`${source}: objects.countries: expected a GeometryCollection`);
	}
	if (!Array.isArray(countries.geometries)) {
		throw new Error(`${source}: objects.countries.geometries: expected an array`);
	}
	countries.geometries.forEach((geometry: unknown, i: number) => {
		const at = `${source}: objects.countries.geometries[${i}]`;
		if (!isRecord(geometry)) throw new Error(`${at}: expected an object`);
		if (!isRecord(geometry.properties) || typeof geometry.properties.name !== 'string') {
			throw new Error(`${at}.properties.name: expected a string`);
		}
		if (geometry.id !== undefined && typeof geometry.id !== 'string') {
			throw new Error(`${at}.id: expected a string (ISO 3166-1 numeric code) or no id`);
		}
	});
	return value as unknown as CountriesTopology;
}

function polygonsOf(geometry: Geometry | null): Position[][][] {
	if (geometry?.type === 'Polygon') return [geometry.coordinates];
	if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
	return [];
}

function boundsOf(polygons: Position[][][]): Bbox {
	const bounds: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
	for (const polygon of polygons) {
		for (const [x, y] of polygon[0] ?? []) {
			bounds[0] = Math.min(bounds[0], x);
			bounds[1] = Math.min(bounds[1], y);
			bounds[2] = Math.max(bounds[2], x);
			bounds[3] = Math.max(bounds[3], y);
		}
	}
	return bounds;
}

function boundsMeet(a: Bbox, b: Bbox): boolean {
	return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function byName<T extends { name: string; iso_n3: string | null }>(a: T, b: T): number {
	if (a.name !== b.name) return a.name < b.name ? -1 : 1;
	return (a.iso_n3 ?? '') < (b.iso_n3 ?? '') ? -1 : (a.iso_n3 ?? '') > (b.iso_n3 ?? '') ? 1 : 0;
}

interface Country extends CountryProperties {
	geometry: GeometryObject<{ name: string }>;
	polygons: Position[][][];
}

/** Countries whose exterior rings' bounds meet the box, sorted by name. */
function countriesNear(topology: CountriesTopology, bbox: Bbox): Country[] {
	return topology.objects.countries.geometries
		.map((geometry) => ({
			geometry,
			name: (geometry.properties as { name: string }).name,
			iso_n3: geometry.id === undefined ? null : String(geometry.id),
			polygons: polygonsOf((feature(topology, geometry) as Feature).geometry)
		}))
		.filter((country) => country.polygons.length > 0)
		.filter((country) => boundsMeet(boundsOf(country.polygons), bbox))
		.sort(byName);
}

/**
 * Country polygons clipped to the box and rounded to `digits` decimals, one feature per country
 * with any area left, sorted by name; RFC 7946 winding (exterior counter-clockwise).
 */
export function buildCountries(
	topology: CountriesTopology,
	bbox: Bbox,
	digits: number
): Feature<Polygon | MultiPolygon, CountryProperties>[] {
	return countriesNear(topology, bbox).flatMap((country) => {
		const polygons = roundPolygons(clipPolygons(country.polygons, bbox), digits);
		if (polygons.length === 0) return [];
		const geometry: Polygon | MultiPolygon =
			polygons.length === 1
				? { type: 'Polygon', coordinates: polygons[0] }
				: { type: 'MultiPolygon', coordinates: polygons };
		return [
			{
				type: 'Feature',
				properties: { name: country.name, iso_n3: country.iso_n3 },
				geometry: rewind(geometry, { reverse: false }) as Polygon | MultiPolygon
			}
		];
	});
}

/**
 * International borders as lines: for each pair of countries, the arcs they share (TopoJSON
 * mesh), clipped to the box and rounded; one feature per pair with a border inside the box,
 * `country_a` before `country_b` by name. Coastlines and other unshared arcs are not borders.
 */
export function buildBorders(
	topology: CountriesTopology,
	bbox: Bbox,
	digits: number
): Feature<LineString | MultiLineString, BorderProperties>[] {
	const countries = countriesNear(topology, bbox);
	const borders: Feature<LineString | MultiLineString, BorderProperties>[] = [];
	countries.forEach((a, i) => {
		for (const b of countries.slice(i + 1)) {
			const shared = mesh(
				topology,
				topology.objects.countries,
				(x, y) => (x === a.geometry && y === b.geometry) || (x === b.geometry && y === a.geometry)
			);
			const lines = roundLines(clipLines(shared.coordinates, bbox), digits);
			if (lines.length === 0) continue;
			borders.push({
				type: 'Feature',
				properties: {
					country_a: a.name,
					iso_n3_a: a.iso_n3,
					country_b: b.name,
					iso_n3_b: b.iso_n3
				},
				geometry:
					lines.length === 1
						? { type: 'LineString', coordinates: lines[0] }
						: { type: 'MultiLineString', coordinates: lines }
			});
		}
	});
	return borders;
}
