import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGazetteer, type Gazetteer } from './gazetteer';

function readJson(path: string, required: boolean): unknown {
	let raw: string;
	try {
		raw = readFileSync(path, 'utf8');
	} catch (e) {
		if (!required) return undefined;
		throw new Error(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
	}
	try {
		return JSON.parse(raw);
	} catch (e) {
		throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
	}
}

/** Reads the gazetteer from a dataset directory (`GEODATA_DIR`): places, regions, basemap, statements and their organisations. */
export function loadGazetteer(dir: string): Gazetteer {
	return buildGazetteer({
		places: readJson(join(dir, 'places.geojson'), true),
		meta: readJson(join(dir, 'meta.json'), true),
		settlements: readJson(join(dir, 'basemap', 'settlements.geojson'), false),
		statements: readJson(join(dir, 'statements.json'), false),
		organizations: readJson(join(dir, 'organizations.json'), false),
		incidents: readJson(join(dir, 'incidents.geojson'), false)
	});
}
