// `npm run geodata:synthetic -- --count N --out DIR [--seed S]`: writes a synthetic dataset for load tests;
// with `--format acled`, `--out FILE` is one ACLED-format CSV file of N rows (for the import bench).
import {
	closeSync,
	cpSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
	writeSync
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DATASET_FILES, layerFile, type Dataset } from '../src/lib/data/schema';
import { layerPaths } from '../src/lib/data/validate';
import { reader } from '../src/lib/server/load';
import { acledLines } from './synthetic/acled';
import { isInside, parseSyntheticArgs } from './synthetic/args';
import { generateSynthetic } from './synthetic/generate';

const REAL = resolve('geodata');

/**
 * The real layers, every file of `geodata/layers/` (declarations included), if there are any;
 * copied so the synthetic map shows the same region.
 */
function realLayers(): Dataset['layers'] | undefined {
	const paths = layerPaths(reader(REAL));
	if (paths.length === 0) return undefined;
	return Object.fromEntries(
		paths.map((path) => {
			const layer = JSON.parse(readFileSync(join(REAL, path), 'utf8'));
			return [layer.layer.id, layer];
		})
	) as Dataset['layers'];
}

function main(): void {
	const args = parseSyntheticArgs(process.argv.slice(2));
	const out = resolve(args.out);
	if (isInside(REAL, out)) {
		throw new Error(
			`--out must not be geodata/ or inside it (got ${args.out}): that is the real dataset`
		);
	}
	const started = Date.now();
	if (args.format === 'acled') {
		mkdirSync(dirname(out), { recursive: true });
		const fd = openSync(out, 'w');
		try {
			for (const line of acledLines(args.count, args.seed)) writeSync(fd, line + '\n');
		} finally {
			closeSync(fd);
		}
		console.log(
			`geodata:synthetic: ${out}: ${args.count} ACLED-format rows (seed ${args.seed}); ${Date.now() - started} ms`
		);
		return;
	}
	const layers = realLayers();
	const dataset = generateSynthetic({ count: args.count, seed: args.seed, layers });
	const write = (path: string, value: unknown) => {
		const file = join(out, path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, JSON.stringify(value));
	};
	write(DATASET_FILES.meta, dataset.meta);
	write(DATASET_FILES.places, dataset.places);
	write(DATASET_FILES.incidents, dataset.incidents);
	write(DATASET_FILES.statements, dataset.statements);
	write(DATASET_FILES.sources, dataset.sources);
	write(DATASET_FILES.organizations, dataset.organizations);
	for (const [id, layer] of Object.entries(dataset.layers)) write(layerFile(id), layer);
	const basemap = join(REAL, 'basemap');
	rmSync(join(out, 'basemap'), { recursive: true, force: true });
	const copiedBasemap = existsSync(basemap);
	if (copiedBasemap) cpSync(basemap, join(out, 'basemap'), { recursive: true });
	console.log(
		`geodata:synthetic: ${out}: ${dataset.incidents.features.length} incidents, ` +
			`${dataset.statements.length} statements, ${dataset.sources.length} sources, ` +
			`${dataset.places.features.length} places (seed ${args.seed}); ` +
			`layers ${layers ? 'copied from geodata/layers' : 'generated placeholders'}; ` +
			`basemap ${copiedBasemap ? 'copied from geodata/basemap' : 'absent (geodata/basemap missing)'}; ` +
			`${Date.now() - started} ms`
	);
}

try {
	main();
} catch (error) {
	console.error(`geodata:synthetic: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
