// `npm run import -- FILE --format …`: a file of incidents → drafts by cli:import, with a report.
import { createReadStream, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { importSource } from '../src/lib/import/parse';
import { formatReport } from '../src/lib/import/report';
import { importDrafts } from '../src/lib/server/db/import_drafts';
import { runWithStore } from './db_cli';
import { IMPORT_PGLITE, IMPORT_V8_FLAGS, USAGE, parseImportArgs } from './import_cli';

// PGlite only: the embedded database shares this process's memory, the server's does not, and the
// flag costs CPU time (PostgreSQL's 100k import: 27 → 38 s of CPU for 494 → 330 MiB).
if (!process.env.DATABASE_URL) setFlagsFromString(IMPORT_V8_FLAGS);

const args = parseImportArgs(process.argv.slice(2));
if (typeof args === 'string') {
	console.error(`import: ${args}\n${USAGE}`);
	process.exit(2);
}
const path = resolve(args.file);
try {
	if (!statSync(path).isFile()) throw Object.assign(new Error(), { code: 'not a file' });
} catch (error) {
	console.error(`import: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
	process.exit(1);
}

// Read as a stream, from the start on each pass (the import reads the file twice), 1 MiB at a time.
const source = importSource(
	args.format,
	() => createReadStream(path, { highWaterMark: 1024 * 1024 }),
	{ fileName: basename(path), map: args.map, set: args.set }
);

await runWithStore(
	'import',
	async ({ db }) => {
		const report = await importDrafts(db, source, {
			author: 'cli:import',
			reason: `import of ${basename(path)} (${args.format})`,
			dryRun: args.dryRun,
			skipRejected: args.skipRejected,
			onProgress: (message) => console.error(`import: ${message}`)
		});
		if (args.json) console.log(JSON.stringify(report));
		else console.log(formatReport(report, basename(path)));
		if (report.invalid > 0 && !report.written && !args.dryRun && !args.skipRejected)
			process.exitCode = 1;
	},
	IMPORT_PGLITE
);
