import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './ingest_cli';

const run = (...args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], {
		encoding: 'utf8'
	});

describe('ingest command line', () => {
	it('parses the options', () => {
		const a = parseArgs([
			'a.txt',
			'--lang',
			'en',
			'--published',
			'2020-11-24',
			'--json',
			'--publisher',
			'X'
		]);
		expect(a).toMatchObject({
			file: 'a.txt',
			json: true,
			options: { lang: 'en', published: '2020-11-24', publisher: 'X' }
		});
		expect(() => parseArgs(['--lang', 'en'])).toThrow(/FILE is missing/);
		expect(() => parseArgs(['a.txt', '--lang'])).toThrow(/--lang needs a value/);
		expect(() =>
			parseArgs(['a.txt', '--lang', 'en', '--published', '2020-11-24', '--url', 'ftp://x'])
		).toThrow(/--url/);
		expect(() => parseArgs(['a.txt', '--nope'])).toThrow(/unknown option --nope/);
	});

	it('prints the proposals as JSON on its last line', () => {
		const r = run(
			'tests/fixtures/ingest/2020-11-24-madagiz-mine.en.ours.txt',
			'--lang',
			'en',
			'--published',
			'2020-11-24',
			'--json'
		);
		expect(r.status).toBe(0);
		const last = JSON.parse(r.stdout.trim().split('\n').pop()!);
		expect(Object.keys(last)).toEqual(['places', 'dates', 'claims', 'statements', 'incidents']);
		expect(last.incidents[0].attach_to).toBe('2020-11-23-madagiz-mine');
	});

	it('names the bad argument or file and exits non-zero', () => {
		const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
		const junk = join(dir, 'junk.bin');
		writeFileSync(junk, Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7) % 32)));
		const missing = run(join(dir, 'none.txt'), '--lang', 'vi', '--published', '2020-11-24');
		expect(missing.status).toBe(2);
		expect(missing.stderr).toMatch(/none\.txt: cannot read \(no such file\)/);
		const lang = run(junk, '--lang', 'fr', '--published', '2020-11-24');
		expect(lang.stderr).toMatch(/lang must be one of vi, en, ru/);
		const binary = run(junk, '--lang', 'vi', '--published', '2020-11-24');
		expect(binary.status).toBe(1);
		expect(binary.stderr).toMatch(/junk\.bin: text looks binary/);
	});
});
