import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Statement } from '../../data/schema';
import { loadDataset } from '../load';
import type { Db } from './db';
import { InvalidRecord, readLatest, saveVersion } from './editing';
import {
	NoSuchSource,
	latestSnapshot,
	putSnapshot,
	readExcerpt,
	snapshotTextProblems
} from './evidence';
import { applyDataset } from './records';
import { engines } from './test_engines';

const seed = loadDataset('tests/fixtures/valid-min');
const editor = { author: 'user:ed-1' };
const SOURCE = seed.sources[0].id;
/** A shipped statement of the seed's first source: its quote is a short excerpt of the article. */
const shipped = seed.statements.find((s) => s.source_id === SOURCE)!;
const QUOTE = shipped.quote.text;

/** A snapshot made up around the shipped excerpt, with its whitespace changed (line breaks, tabs). */
const SNAPSHOT =
	'Tin tổng hợp 🙂\n\n' + QUOTE.split(' ').join(' \n\t') + '\nĐoạn sau của bài không được trích.';

function statement(id: string, quote = QUOTE): Statement {
	return { ...structuredClone(shipped), id, quote: { lang: 'vi', text: quote } };
}

describe('snapshotTextProblems', () => {
	it('accepts text, and names the field text for empty, NUL, lone surrogates and non-strings', () => {
		expect(snapshotTextProblems('Một đoạn văn.')).toEqual([]);
		for (const bad of ['', ' \n ', 'a\u0000b', 'a\ud800b', 42, null]) {
			expect(snapshotTextProblems(bad)).toEqual([
				expect.objectContaining({ field: 'text', message: expect.any(String) })
			]);
		}
	});
});

describe.each(engines())(
	'source snapshots and excerpt ranges on $name',
	{ timeout: 60_000 },
	(engine) => {
		let db: Db;
		let drop: () => Promise<void>;
		beforeAll(async () => {
			({ db, drop } = await engine.open());
		}, 120_000);
		afterAll(() => drop());
		beforeEach(async () => {
			await db.exec('truncate heads, records, revisions, statement_excerpts, source_snapshots');
			await applyDataset(db, seed, { author: 'system:seed' });
		});

		it('stores a snapshot with its SHA-256 and capture time, and gives back the newest', async () => {
			const before = Date.now();
			const first = await putSnapshot(db, SOURCE, {
				text: 'Bản thứ nhất.',
				origin: 'pasted',
				...editor
			});
			const second = await putSnapshot(db, SOURCE, { text: SNAPSHOT, origin: 'html', ...editor });
			expect(second).toMatchObject({
				sourceId: SOURCE,
				sha256: createHash('sha256').update(SNAPSHOT, 'utf8').digest('hex'),
				origin: 'html',
				author: 'user:ed-1',
				length: SNAPSHOT.length
			});
			expect(Date.parse(second.capturedAt)).toBeGreaterThanOrEqual(before - 5_000);
			expect(second.id).toBeGreaterThan(first.id);
			expect(await latestSnapshot(db, SOURCE)).toEqual({ ...second, text: SNAPSHOT });
			expect(await latestSnapshot(db, 'meduza-2020-11-23')).toBeNull();
		});

		it('refuses a snapshot of a source that does not exist', async () => {
			await expect(
				putSnapshot(db, 'no-such-source', { text: 'x', origin: 'pasted', ...editor })
			).rejects.toThrow(NoSuchSource);
		});

		it('keeps snapshots append-only: an update or a delete is refused by the database', async () => {
			await putSnapshot(db, SOURCE, { text: SNAPSHOT, origin: 'pasted', ...editor });
			await expect(db.query(`update source_snapshots set text = 'forged'`)).rejects.toThrow(
				/append-only/
			);
			await expect(db.query(`delete from source_snapshots`)).rejects.toThrow(/append-only/);
			expect((await latestSnapshot(db, SOURCE))!.text).toBe(SNAPSHOT);
		});

		it('saves a statement of a source without a snapshot as before, with no range', async () => {
			await saveVersion(
				db,
				'statement',
				'st-free',
				statement('st-free', 'Không có trong bài.'),
				null,
				editor
			);
			expect(await readExcerpt(db, 'st-free')).toBeNull();
		});

		it('refuses an excerpt that is not in the newest snapshot, naming quote.text, and saves nothing', async () => {
			await putSnapshot(db, SOURCE, { text: SNAPSHOT, origin: 'pasted', ...editor });
			const altered = QUOTE.replace('Nga', 'Mỹ');
			const error = await saveVersion(
				db,
				'statement',
				'st-bad',
				statement('st-bad', altered),
				null,
				editor
			).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(InvalidRecord);
			expect((error as InvalidRecord).problems).toEqual([
				expect.objectContaining({ field: 'quote.text', message: expect.stringContaining('sha256') })
			]);
			expect(await readLatest(db, 'statement', 'st-bad')).toBeNull();
			const edit = await saveVersion(
				db,
				'statement',
				shipped.id,
				statement(shipped.id, altered),
				1,
				editor
			).catch((e: unknown) => e);
			expect(edit).toBeInstanceOf(InvalidRecord);
			expect((await readLatest(db, 'statement', shipped.id))!.version).toBe(1);
		});

		it('stores the range of a verbatim excerpt whose whitespace differs, in UTF-16 code units', async () => {
			const snapshot = await putSnapshot(db, SOURCE, {
				text: SNAPSHOT,
				origin: 'pasted',
				...editor
			});
			const saved = await saveVersion(db, 'statement', 'st-ok', statement('st-ok'), null, editor);
			const excerpt = await readExcerpt(db, 'st-ok');
			const start = SNAPSHOT.indexOf(QUOTE.split(' ')[0]);
			expect(excerpt).toEqual({
				statementId: 'st-ok',
				version: saved.version,
				start,
				end: SNAPSHOT.indexOf('\nĐoạn sau'),
				text: SNAPSHOT.slice(start, SNAPSHOT.indexOf('\nĐoạn sau')),
				snapshot
			});
			expect(excerpt!.text.replace(/\s+/g, ' ')).toBe(QUOTE);
		});

		it('checks each new version against the newest snapshot; older ranges keep their snapshot', async () => {
			const old = await putSnapshot(db, SOURCE, { text: SNAPSHOT, origin: 'pasted', ...editor });
			await saveVersion(db, 'statement', 'st-v', statement('st-v'), null, editor);
			const newer = await putSnapshot(db, SOURCE, {
				text: `Lời mở đầu. ${QUOTE}`,
				origin: 'pasted',
				...editor
			});
			await saveVersion(db, 'statement', 'st-v', statement('st-v'), 1, editor);
			const [v1] = await db.query<{ snapshot_id: string }>(
				`select snapshot_id from statement_excerpts where statement_id = 'st-v' and version = 1`
			);
			expect(Number(v1.snapshot_id)).toBe(old.id);
			expect(await readExcerpt(db, 'st-v')).toMatchObject({
				version: 2,
				start: 'Lời mở đầu. '.length,
				snapshot: { id: newer.id, sha256: newer.sha256 }
			});
			await putSnapshot(db, SOURCE, { text: 'Một bản khác hẳn.', origin: 'pasted', ...editor });
			await expect(
				saveVersion(db, 'statement', 'st-v', statement('st-v'), 2, editor)
			).rejects.toThrow(/quote\.text/);
		});
	}
);
