import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDir } from '../../../tests/fixtures/dataset_reader';
import { validateDataset } from './validate';

// The two source articles live beside the repository (CI checks them out there), never in it.
const SOURCES_DIR = resolve('../shared/sources');
const present = existsSync(join(SOURCES_DIR, 'README.md'));

/** Whitespace-insensitive, Unicode-normalised form for comparing quotes with the articles. */
const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** `url → file` from the README table (`| file | publisher | url | …`). */
function articlesByUrl(): Map<string, string> {
	const readme = readFileSync(join(SOURCES_DIR, 'README.md'), 'utf8');
	const byUrl = new Map<string, string>();
	for (const row of readme.split('\n')) {
		const cells = row.split('|').map((c) => c.trim());
		const file = cells[1]?.match(/^`(.+\.txt)`$/)?.[1];
		if (file && cells[3]?.startsWith('http')) byUrl.set(cells[3], file);
	}
	return byUrl;
}

/** The article body: on thoidai.com.vn, everything after "Tin bài liên quan" is site navigation. */
const articleBody = (text: string) => text.split('Tin bài liên quan')[0];

describe.skipIf(!present)(
	present
		? 'statements quote the Vietnamese source articles verbatim'
		: `statements quote the source articles verbatim — SKIPPED: ${SOURCES_DIR} is absent (it sits beside the repository in CI)`,
	() => {
		const { dataset } = validateDataset(readDir('geodata'), 'geodata/');
		if (!dataset) throw new Error('geodata/ does not validate; run npm run check:data');
		const byUrl = present ? articlesByUrl() : new Map<string, string>();
		const articleOf = new Map(
			dataset.sources.flatMap((s) => (s.url && byUrl.has(s.url) ? [[s.id, byUrl.get(s.url)!]] : []))
		);
		const quoted = dataset.statements.filter((s) => articleOf.has(s.source_id));

		it('finds both articles among the sources, each with statements', () => {
			expect(byUrl.size).toBe(2);
			expect(new Set(articleOf.values())).toEqual(new Set(byUrl.values()));
			for (const id of articleOf.keys()) {
				expect(quoted.some((s) => s.source_id === id)).toBe(true);
			}
		});

		it('attributes every Vietnamese quote to one of the two articles', () => {
			const vietnamese = dataset.statements.filter((s) => s.quote.lang === 'vi');
			expect(vietnamese.map((s) => s.id)).toEqual(quoted.map((s) => s.id));
		});

		it.each(quoted.map((s) => [s.id, s] as const))(
			'%s is a verbatim excerpt of its article',
			(_id, statement) => {
				const file = articleOf.get(statement.source_id)!;
				const body = normalise(articleBody(readFileSync(join(SOURCES_DIR, file), 'utf8')));
				expect(body).toContain(normalise(statement.quote.text));
			}
		);

		it('marks every translation as ours', () => {
			for (const s of quoted)
				expect(s.translation).toMatchObject({ lang: 'en', by: 'Incident Atlas' });
		});
	}
);
