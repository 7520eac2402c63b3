// `npm run check:data [dir]`: validates a dataset directory (default `geodata/`), one error a line.
import { DatasetError, loadDataset } from '../src/lib/server/load';
import { resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? 'geodata');
try {
	const dataset = loadDataset(dir);
	console.log(
		`check:data: ${dir}: OK — ${dataset.incidents.features.length} incidents, ` +
			`${dataset.statements.length} statements, ${dataset.sources.length} sources, ` +
			`${dataset.places.features.length} places`
	);
} catch (error) {
	if (error instanceof DatasetError) {
		for (const line of error.errors) console.error(line);
		console.error(`check:data: ${error.errors.length} error(s)`);
	} else {
		console.error(error);
	}
	process.exit(1);
}
