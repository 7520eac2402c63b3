import { isAbsolute, relative } from 'node:path';

export interface SyntheticArgs {
	count: number;
	out: string;
	seed: number;
	/** `dataset` (a geodata directory, the default) or `acled` (one ACLED-format CSV file). */
	format: 'dataset' | 'acled';
}

const USAGE =
	'usage: npm run geodata:synthetic -- --count N --out DIR|FILE [--seed S] [--format dataset|acled]';

function integer(flag: string, value: string, min: number, max: number): number {
	const n = Number(value);
	if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
		throw new Error(`${flag} must be an integer from ${min} to ${max}, got "${value}"\n${USAGE}`);
	}
	return n;
}

/** Parses `--count N --out DIR [--seed S]` (also `--flag=value`); throws naming the bad flag. */
export function parseSyntheticArgs(argv: readonly string[]): SyntheticArgs {
	const values = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const eq = arg.indexOf('=');
		const flag = eq > 0 ? arg.slice(0, eq) : arg;
		if (!['--count', '--out', '--seed', '--format'].includes(flag)) {
			throw new Error(`unknown argument "${arg}"\n${USAGE}`);
		}
		const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
		if (value === undefined || value === '') throw new Error(`${flag} needs a value\n${USAGE}`);
		values.set(flag, value);
	}
	const count = values.get('--count');
	const out = values.get('--out');
	if (count === undefined) throw new Error(`--count is required\n${USAGE}`);
	if (out === undefined) throw new Error(`--out is required\n${USAGE}`);
	const format = values.get('--format') ?? 'dataset';
	if (format !== 'dataset' && format !== 'acled')
		throw new Error(`--format must be dataset or acled, got "${format}"\n${USAGE}`);
	return {
		format,
		count: integer('--count', count, 1, 2_000_000),
		out,
		seed: integer('--seed', values.get('--seed') ?? '1', 0, 0xffffffff)
	};
}

/** Whether `path` is `dir` itself or anywhere below it (both absolute). */
export function isInside(dir: string, path: string): boolean {
	const rel = relative(dir, path);
	return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
