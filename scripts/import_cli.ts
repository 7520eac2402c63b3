import { IMPORT_FORMATS, type ImportFormat } from '../src/lib/import/types';

export interface ImportArgs {
	file: string;
	format: ImportFormat;
	dryRun: boolean;
	json: boolean;
	skipRejected: boolean;
	/** field → column */
	map: Record<string, string>;
	/** field → value */
	set: Record<string, string>;
}

export const USAGE =
	'usage: npm run import -- FILE --format acled|ucdp|geojson|csv|kml [--dry-run] [--json] [--skip-rejected] [--map column=field]… [--set field=value]…';

/** The command line of `npm run import`, or a sentence saying what is wrong with it. */
export function parseImportArgs(argv: readonly string[]): ImportArgs | string {
	const args: Partial<ImportArgs> & Pick<ImportArgs, 'map' | 'set'> = {
		dryRun: false,
		json: false,
		skipRejected: false,
		map: {},
		set: {}
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const next = argv[++i];
			if (next === undefined) throw new Error(`${arg} needs a value`);
			return next;
		};
		try {
			if (arg === '--dry-run') args.dryRun = true;
			else if (arg === '--json') args.json = true;
			else if (arg === '--skip-rejected') args.skipRejected = true;
			else if (arg === '--format' || arg.startsWith('--format=')) {
				const format = arg.includes('=') ? arg.slice('--format='.length) : value();
				if (!IMPORT_FORMATS.includes(format as ImportFormat))
					return `--format ${format}: not one of ${IMPORT_FORMATS.join(', ')}`;
				args.format = format as ImportFormat;
			} else if (arg === '--map' || arg === '--set') {
				const pair = value();
				const eq = pair.indexOf('=');
				if (eq <= 0 || eq === pair.length - 1) return `${arg} ${pair}: expected a=b`;
				const [left, right] = [pair.slice(0, eq), pair.slice(eq + 1)];
				if (arg === '--map') args.map[right] = left;
				else args.set[left] = right;
			} else if (arg.startsWith('-')) return `unknown option ${arg}`;
			else if (args.file === undefined) args.file = arg;
			else return `one file at a time (got ${args.file} and ${arg})`;
		} catch (error) {
			return (error as Error).message;
		}
	}
	if (!args.file) return 'no FILE given';
	if (!args.format) return 'no --format given';
	return args as ImportArgs;
}

/**
 * How `npm run import` opens the embedded database: 16 MB of shared buffers rather than PGlite's
 * 128 MB, which a 100,000-row import fills with pages it writes once and never reads again (and
 * which count in the command's memory, PGlite being in-process).
 */
export const IMPORT_PGLITE = { sharedBuffers: '16MB' } as const;

/**
 * The V8 flag `npm run import` sets as it starts on the embedded database (`v8.setFlagsFromString`;
 * not with `DATABASE_URL`, whose server holds its memory outside this process): the heap may grow by
 * 20 % over what the last full collection kept, rather than by up to 4 times. An import keeps
 * little per row (results, the duplicate index, the numbers of the records written, in typed
 * arrays: some 13 MB at 100,000 rows) but allocates and drops each batch's rows, which outlive a
 * young-generation collection while they are written and so pile up in the old generation: with
 * the default growth a 100,000-row import's heap reached 216 MB and the command 535 MiB; with
 * this one ~115 MB and ~420 MiB, for about a fifth more CPU time (more full collections). Read
 * at each full collection, so setting it after start-up takes effect.
 */
export const IMPORT_V8_FLAGS = '--heap-growing-percent=20';
