// `npm run geodata:basemap`: regenerates geodata/basemap/ from the installed npm data packages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BASEMAP_OPTIONS, generateBasemap } from './basemap/generate';
import { readBasemapInputs } from './basemap/inputs';

const outDir = resolve('geodata/basemap');
const basemap = generateBasemap(readBasemapInputs(), BASEMAP_OPTIONS);
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(basemap.files)) {
	writeFileSync(join(outDir, name), text);
	console.log(`${String(Buffer.byteLength(text)).padStart(9)} B  ${join('geodata/basemap', name)}`);
}
const { countries, borders, settlements, water, labels } = basemap.counts;
console.log(
	`${countries} countries, ${borders} borders, ${settlements} settlements, ${water} water, ${labels} labels`
);
