export const PARTS = ['server', 'bundle', 'browser', 'publish', 'import', 'store'] as const;
export type Part = (typeof PARTS)[number];
/** `real` is `geodata/`; a number is a synthetic dataset of that many incidents. */
export type Size = 'real' | number;

export interface BenchArgs {
	only: Part[];
	sizes: Size[];
	/** The sizes the browser part runs for (default: all of `sizes`); a 100k browser run is long. */
	browserSizes: Size[];
	/** Repetitions of each timed measurement; the table shows their median, min and max. */
	runs: number;
	/** Seconds of load per autocannon run. */
	duration: number;
	connections: number;
	/** Reuse the existing `build/` instead of running `vite build`. */
	build: boolean;
	/** Publications per database engine in the `publish` part. */
	publishes: number;
	/** Other designs of the map's window change the browser part times too (`?map-window=`). */
	windowDesigns: string[];
}

export const USAGE =
	'usage: npm run bench -- [--only server,bundle,browser,publish,import,store] [--sizes real,10000,100000] ' +
	'[--browser-sizes real,10000] ' +
	'[--runs 5] [--duration 20] [--connections 32] [--publishes 30] [--window-designs state] [--no-build]';

function list(flag: string, value: string): string[] {
	const items = value.split(',').map((s) => s.trim());
	if (items.some((s) => s === '')) throw new Error(`${flag}: empty item in "${value}"\n${USAGE}`);
	return items;
}

function integer(flag: string, value: string, min: number, max: number): number {
	if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
		throw new Error(`${flag} must be an integer from ${min} to ${max}, got "${value}"\n${USAGE}`);
	}
	return Number(value);
}

function sizes(flag: string, value: string): Size[] {
	return list(flag, value).map((size) =>
		size === 'real' ? 'real' : integer(flag, size, 1, 2_000_000)
	);
}

/** Parses the `npm run bench` flags; throws naming the bad flag or value. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
	const args: BenchArgs = {
		only: [...PARTS],
		sizes: ['real', 10_000, 100_000],
		browserSizes: [],
		runs: 5,
		duration: 20,
		connections: 32,
		build: true,
		publishes: 30,
		windowDesigns: []
	};
	let browserSizes: Size[] | null = null;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--no-build') {
			args.build = false;
			continue;
		}
		const eq = arg.indexOf('=');
		const flag = eq > 0 ? arg.slice(0, eq) : arg;
		const value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
		if (
			![
				'--only',
				'--sizes',
				'--browser-sizes',
				'--runs',
				'--duration',
				'--connections',
				'--publishes',
				'--window-designs'
			].includes(flag)
		) {
			throw new Error(`unknown argument "${arg}"\n${USAGE}`);
		}
		if (eq < 0) i++;
		if (value === undefined || value === '') throw new Error(`${flag} needs a value\n${USAGE}`);
		switch (flag) {
			case '--only':
				args.only = list(flag, value).map((part) => {
					if (!(PARTS as readonly string[]).includes(part)) {
						throw new Error(`--only: unknown part "${part}" (expected ${PARTS.join(', ')})`);
					}
					return part as Part;
				});
				break;
			case '--sizes':
				args.sizes = sizes(flag, value);
				break;
			case '--browser-sizes':
				browserSizes = sizes(flag, value);
				break;
			case '--window-designs':
				args.windowDesigns = list(flag, value).map((design) => {
					if (!/^[a-z]+$/.test(design)) {
						throw new Error(`--window-designs: "${design}" is not a design name (a-z)`);
					}
					return design;
				});
				break;
			case '--runs':
				args.runs = integer(flag, value, 1, 100);
				break;
			case '--duration':
				args.duration = integer(flag, value, 1, 600);
				break;
			case '--connections':
				args.connections = integer(flag, value, 1, 1000);
				break;
			case '--publishes':
				// p95 needs a sample of 20 at least (see results.ts); 30 gives it some margin.
				args.publishes = integer(flag, value, 30, 1000);
				break;
		}
	}
	args.browserSizes = browserSizes ?? args.sizes;
	const extra = args.browserSizes.filter((size) => !args.sizes.includes(size));
	if (extra.length > 0) {
		throw new Error(`--browser-sizes: ${extra.join(', ')} not in --sizes\n${USAGE}`);
	}
	return args;
}
