import type { IngestOptions } from '../src/lib/ingest/ingest';

export interface CliArgs {
	file: string;
	options: IngestOptions;
	json: boolean;
}

const USAGE =
	'usage: npm run ingest -- FILE --lang vi|en|ru --published YYYY-MM-DD [--url URL] [--publisher NAME] [--json]';

/** Parses the command line; throws an Error naming the bad argument (with the usage line). */
export function parseArgs(argv: string[]): CliArgs {
	let file: string | undefined;
	const values: Record<string, string> = {};
	let json = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--json') json = true;
		else if (a === '--lang' || a === '--published' || a === '--url' || a === '--publisher') {
			const v = argv[++i];
			if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value\n${USAGE}`);
			values[a.slice(2)] = v;
		} else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
		else if (file === undefined) file = a;
		else throw new Error(`unexpected argument ${JSON.stringify(a)}: give one FILE\n${USAGE}`);
	}
	if (!file) throw new Error(`FILE is missing\n${USAGE}`);
	if (!values.lang) throw new Error(`--lang is missing\n${USAGE}`);
	if (!values.published) throw new Error(`--published is missing\n${USAGE}`);
	if (values.url !== undefined && !/^https?:\/\/\S+$/.test(values.url)) {
		throw new Error(`--url must be an http(s) URL, not ${JSON.stringify(values.url)}`);
	}
	return {
		file,
		json,
		options: {
			lang: values.lang as IngestOptions['lang'],
			published: values.published,
			url: values.url,
			publisher: values.publisher
		}
	};
}
