// `npm run import -- FILE --format …`: a file of incidents → drafts by cli:import, with a report.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseImport } from '../src/lib/import/parse';
import { formatReport } from '../src/lib/import/report';
import { ImportFileError, type ParseResult } from '../src/lib/import/types';
import { importDrafts } from '../src/lib/server/db/import_drafts';
import { runWithStore } from './db_cli';
import { USAGE, parseImportArgs } from './import_cli';

const args = parseImportArgs(process.argv.slice(2));
if (typeof args === 'string') {
	console.error(`import: ${args}\n${USAGE}`);
	process.exit(2);
}
const path = resolve(args.file);
let bytes: Uint8Array;
try {
	bytes = new Uint8Array(readFileSync(path));
} catch (error) {
	console.error(`import: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
	process.exit(1);
}

let parsed: ParseResult;
try {
	parsed = parseImport(args.format, bytes, {
		fileName: basename(path),
		map: args.map,
		set: args.set
	});
} catch (error) {
	if (!(error instanceof ImportFileError)) throw error;
	parsed = {
		format: args.format,
		rows: 0,
		items: [],
		rejected: [{ row: 0, column: '', reason: error.message }],
		notes: []
	};
}

await runWithStore('import', async ({ db }) => {
	const report = await importDrafts(db, parsed, {
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
});
