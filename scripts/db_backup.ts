// `npm run db:backup -- FILE`: the whole store (drafts and history included) into FILE.
import { resolve } from 'node:path';
import { backupStore } from '../src/lib/server/db/backup';
import { StoreError } from '../src/lib/server/db/db';
import { argument } from './db_cli';

const file = resolve(argument('npm run db:backup -- FILE'));
try {
	const { kind, bytes } = await backupStore(process.env, file);
	console.log(
		`db:backup: ${file}: ${kind === 'pg_dump' ? 'pg_dump -Fc' : 'PGlite data directory'}, ${bytes} bytes`
	);
} catch (error) {
	console.error(error instanceof StoreError ? error.message : `db:backup: ${String(error)}`);
	process.exitCode = 1;
}
