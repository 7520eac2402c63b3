// `npm run db:restore -- FILE [--force]`: replaces the store's contents with a db:backup file.
import { resolve } from 'node:path';
import { restoreStore } from '../src/lib/server/db/backup';
import { StoreError } from '../src/lib/server/db/db';

const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter((a) => a !== '--force');
if (files.length !== 1 || files[0].startsWith('-')) {
	console.error('usage: npm run db:restore -- FILE [--force]');
	process.exit(2);
}
const file = resolve(files[0]);
try {
	const { datasetVersion } = await restoreStore(process.env, file, { force });
	console.log(`db:restore: ${file} restored; dataset version ${datasetVersion}`);
} catch (error) {
	console.error(error instanceof StoreError ? error.message : `db:restore: ${String(error)}`);
	process.exitCode = 1;
}
