// `npm run db:export -- DIR`: writes the published records to DIR in the geodata/ format.
import { resolve } from 'node:path';
import { exportDir } from '../src/lib/server/db/snapshot';
import { argument, runWithStore } from './db_cli';

const dir = resolve(argument('npm run db:export -- DIR'));
await runWithStore('db:export', async ({ db, location }) => {
	const { version, files } = await exportDir(db, dir);
	console.log(`db:export: ${location} → ${dir}: ${files.length} files, dataset version ${version}`);
});
