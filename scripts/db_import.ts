// `npm run db:import -- DIR`: validates DIR as check:data does and applies it as published revisions.
import { resolve } from 'node:path';
import { importDir } from '../src/lib/server/db/snapshot';
import { argument, runWithStore } from './db_cli';

const dir = resolve(argument('npm run db:import -- DIR'));
await runWithStore('db:import', async ({ db, location }) => {
	const report = await importDir(db, dir);
	console.log(
		`db:import: ${dir} → ${location}: ${report.created} created, ${report.changed} changed, ` +
			`${report.retracted} retracted, ${report.unchanged} unchanged; dataset version ${report.datasetVersion}`
	);
});
