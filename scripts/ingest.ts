import { readFileSync } from 'node:fs';
import { checkOptions, ingest, IngestError } from '../src/lib/ingest/ingest';
import { loadGazetteer } from '../src/lib/ingest/load_gazetteer';
import { formatProposals } from '../src/lib/ingest/report';
import { parseArgs } from './ingest_cli';

function main(): number {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
		checkOptions(args.options);
	} catch (e) {
		console.error(`ingest: ${(e as Error).message}`);
		return 2;
	}
	let text: string;
	try {
		const bytes = readFileSync(args.file);
		text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		console.error(
			`ingest: ${args.file}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : code})`
		);
		return 2;
	}
	const dir = process.env.GEODATA_DIR || 'geodata';
	try {
		const gazetteer = loadGazetteer(dir);
		const proposals = ingest(text, args.options, gazetteer);
		if (args.json) {
			console.log(
				`${args.file}: ${proposals.places.length} places, ${proposals.dates.length} dates, ${proposals.claims.length} claims, ${proposals.statements.length} statements, ${proposals.incidents.length} draft incidents`
			);
			console.log(JSON.stringify(proposals));
		} else {
			console.log(formatProposals(proposals, args.options));
		}
		return 0;
	} catch (e) {
		const where = e instanceof IngestError ? args.file : `GEODATA_DIR=${dir}`;
		console.error(`ingest: ${where}: ${(e as Error).message}`);
		return 1;
	}
}

process.exitCode = main();
