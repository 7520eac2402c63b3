import type { MultiPolygon, Polygon } from 'geojson';
import { parseBbox, type Bbox } from './bbox';
import { buildBorders, buildCountries, type CountriesTopology } from './countries';
import { buildLabels } from './labels';
import { licenseText } from './license';
import { checkPrecision } from './precision';
import { featureCollectionText } from './serialize';
import { selectSettlements, type City } from './settlements';
import { simplifyTopology } from './simplify';
import { buildWater, type NaturalEarthFeature } from './water';

export interface BasemapOptions {
	bbox: Bbox;
	/** Douglas–Peucker tolerance in degrees, applied to each topology arc before clipping. */
	tolerance: number;
	/** Decimals kept in coordinates. */
	precision: number;
	minPopulation: number;
}

/**
 * The basemap the dashboard ships: the region around Nagorno-Karabakh, Nakhchivan included.
 * A tolerance of 0.001° (about 110 m north–south, 85 m east–west) is below the ~190–400 m
 * quantization of world-atlas's 1:10m topology, so it drops redundant vertices, not shape.
 */
export const BASEMAP_OPTIONS: BasemapOptions = {
	bbox: [44.0, 38.3, 48.5, 41.5],
	tolerance: 0.001,
	precision: 5,
	minPopulation: 1000
};

export interface BasemapInputs {
	countries: CountriesTopology;
	cities: City[];
	/** Natural Earth 1:10m lakes and river centerlines of the region. */
	water: NaturalEarthFeature[];
	worldAtlasVersion: string;
	allTheCitiesVersion: string;
}

export interface Basemap {
	/** File name in `geodata/basemap/` → contents. */
	files: Record<
		| 'countries.geojson'
		| 'borders.geojson'
		| 'settlements.geojson'
		| 'water.geojson'
		| 'labels.geojson'
		| 'LICENSE.md',
		string
	>;
	counts: {
		countries: number;
		borders: number;
		settlements: number;
		water: number;
		labels: number;
	};
}

/** Builds every basemap file from the parsed package data; no file system, no clock. */
export function generateBasemap(inputs: BasemapInputs, options: BasemapOptions): Basemap {
	const bbox = parseBbox(options.bbox, 'options.bbox');
	checkPrecision(options.precision);
	const topology = simplifyTopology(inputs.countries, options.tolerance) as CountriesTopology;
	const countries = buildCountries(topology, bbox, options.precision);
	const borders = buildBorders(topology, bbox, options.precision);
	const settlements = selectSettlements(
		inputs.cities,
		bbox,
		options.minPopulation,
		options.precision
	);
	const water = buildWater(inputs.water, bbox, options.precision);
	const lakes = water.filter(
		(f): f is (typeof water)[number] & { geometry: Polygon | MultiPolygon } =>
			f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'
	);
	const labels = buildLabels(countries, lakes, bbox, options.precision);
	return {
		files: {
			'countries.geojson': featureCollectionText(countries),
			'borders.geojson': featureCollectionText(borders),
			'settlements.geojson': featureCollectionText(settlements),
			'water.geojson': featureCollectionText(water),
			'labels.geojson': featureCollectionText(labels),
			'LICENSE.md': licenseText({
				bbox,
				tolerance: options.tolerance,
				precision: options.precision,
				minPopulation: options.minPopulation,
				worldAtlasVersion: inputs.worldAtlasVersion,
				allTheCitiesVersion: inputs.allTheCitiesVersion
			})
		},
		counts: {
			countries: countries.length,
			borders: borders.length,
			settlements: settlements.length,
			water: water.length,
			labels: labels.length
		}
	};
}
