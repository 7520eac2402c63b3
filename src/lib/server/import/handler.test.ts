import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/user';
import type { Db } from '../db/db';
import { applyDataset, fullHistory } from '../db/records';
import { engines } from '../db/test_engines';
import { loadDataset } from '../load';
import type { ImportAnswer } from '../../import/preview';
import { postImport, readImportRequest } from './handler';

const seed = loadDataset('tests/fixtures/valid-min');
const editor: SessionUser = { id: 'u7', email: 'editor@example.org', role: 'editor' };
const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`);

function upload(query: string, body: BodyInit | null, headers: Record<string, string> = {}) {
	const url = new URL(`http://localhost/api/import?${query}`);
	return {
		url,
		request: new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit)
	};
}

const json = (r: { body?: string }) => JSON.parse(r.body ?? 'null');

async function revisionCount(db: Db): Promise<number> {
	const [row] = await db.query<{ n: number }>('select count(*)::int as n from revisions');
	return row.n;
}

describe('readImportRequest', () => {
	it('reads format, name, flags and the CSV mapping', () => {
		const r = readImportRequest(
			new URLSearchParams('format=csv&name=a.csv&dry_run=1&submit=true&map.date=Day&map.title=')
		);
		expect(r).toEqual({
			ok: true,
			request: {
				format: 'csv',
				name: 'a.csv',
				dryRun: true,
				skipRejected: false,
				submit: true,
				map: { date: 'Day' }
			}
		});
		expect(readImportRequest(new URLSearchParams(''))).toMatchObject({
			ok: true,
			request: { format: 'auto', name: 'upload', dryRun: false }
		});
	});

	it('names the field that is wrong', () => {
		expect(readImportRequest(new URLSearchParams('format=xls'))).toMatchObject({
			ok: false,
			field: 'format'
		});
		expect(readImportRequest(new URLSearchParams('dry_run=yes'))).toMatchObject({
			ok: false,
			field: 'dry_run'
		});
		expect(readImportRequest(new URLSearchParams('map.colour=C'))).toMatchObject({
			ok: false,
			field: 'map.colour'
		});
	});
});

describe.each(engines())('POST /api/import on $name', { timeout: 60_000 }, (engine) => {
	let db: Db;
	let drop: () => Promise<void>;
	beforeAll(async () => {
		({ db, drop } = await engine.open());
	}, 120_000);
	afterAll(() => drop());
	beforeEach(async () => {
		await db.exec('truncate heads, records, revisions');
		await applyDataset(db, seed, { author: 'system:seed' });
	});

	it('refuses a reader with 401 and writes nothing', async () => {
		const before = await revisionCount(db);
		const { request, url } = upload('name=acled.csv', fixture('acled.csv'));
		const r = await postImport({ db, user: null }, request, url);
		expect(r.status).toBe(401);
		expect(await revisionCount(db)).toBe(before);
	});

	it('a dry run detects ACLED, previews the first rows and writes nothing', async () => {
		const before = await revisionCount(db);
		const { request, url } = upload('name=acled.csv&dry_run=1', fixture('acled.csv'));
		const r = await postImport({ db, user: editor }, request, url);
		expect(r.status).toBe(200);
		expect(r.headers['cache-control']).toBe('private, no-store');
		const answer = json(r) as ImportAnswer;
		expect(answer.format).toBe('acled');
		expect(answer.report).toMatchObject({ rows: 3, new: 3, written: false, dry_run: true });
		expect(answer.report).not.toHaveProperty('results');
		expect(answer.preview.columns).toContain('event_id_cnty');
		expect(answer.preview.rows.map((p) => p.id)).toEqual([
			'acled-aze90001',
			'acled-arm90002',
			'acled-aze90003'
		]);
		expect(answer.preview.rows[0].sources).toEqual([
			'ACLED (Armed Conflict Location & Event Data Project)',
			'Armenpress',
			'Report.az'
		]);
		expect(await revisionCount(db)).toBe(before);
	});

	it('imports as drafts by the signed-in editor', async () => {
		const { request, url } = upload('name=acled.csv&format=acled', fixture('acled.csv'));
		const r = await postImport({ db, user: editor }, request, url);
		expect(r.status).toBe(200);
		expect(json(r).report).toMatchObject({ new: 3, written: true });
		const history = await fullHistory(db, 'incident', 'acled-aze90001');
		expect(history.map((h) => [h.status, h.author])).toEqual([['draft', 'user:u7']]);
		expect(history[0].reason).toBe('import of acled.csv (acled) in the browser');
	});

	it('a file with rejected rows: 422 with the rows and columns, nothing written', async () => {
		const before = await revisionCount(db);
		const { request, url } = upload('name=acled-broken.csv', fixture('acled-broken.csv'));
		const r = await postImport({ db, user: editor }, request, url);
		expect(r.status).toBe(422);
		const { report } = json(r) as ImportAnswer;
		expect(report.written).toBe(false);
		expect(report.rejected.map((x) => [x.row, x.column])).toEqual([
			[5, 'event_date'],
			[5, 'fatalities'],
			[6, 'event_type'],
			[6, 'geo_precision']
		]);
		expect(await revisionCount(db)).toBe(before);
	});

	it('a file that is not UTF-8, or not the format asked for, gets a report, not a stack trace', async () => {
		const latin1 = new Uint8Array([...Buffer.from('title,date\nCaf'), 0xe9, 10]);
		const a = await postImport({ db, user: editor }, ...swap(upload('name=a.csv', latin1)));
		expect(a.status).toBe(422);
		expect(json(a).report.rejected[0]).toMatchObject({ row: 0 });
		expect(json(a).report.rejected[0].reason).toMatch(/not UTF-8/);
		const b = await postImport(
			{ db, user: editor },
			...swap(upload('name=x.kml&format=kml', 'not xml <<<'))
		);
		expect(b.status).toBe(422);
		expect(b.body).not.toMatch(/\bat .*\.ts:\d+/);
		const empty = await postImport({ db, user: editor }, ...swap(upload('name=e.csv', '')));
		expect(json(empty).report.rejected[0].reason).toBe('the file is empty');
	});

	it('counts the body as it streams in: 413 past the limit, nothing written', async () => {
		const before = await revisionCount(db);
		const { request, url } = upload('name=acled.csv', fixture('acled.csv'));
		const r = await postImport({ db, user: editor, limit: 100 }, request, url);
		expect(r.status).toBe(413);
		const declared = upload('name=acled.csv', 'x', { 'content-length': '101' });
		expect((await postImport({ db, user: editor, limit: 100 }, ...swap(declared))).status).toBe(
			413
		);
		expect(await revisionCount(db)).toBe(before);
	});

	it('a CSV mapping override changes which column is read', async () => {
		const csv =
			'Headline,Day,Lat,Lon,Event type,Sub event type,Source\n' +
			'Clash near Shusha (test fixture),2020-10-10,39.7583,46.7489,Battles,Armed clash,Test Fixture Gazette\n';
		const plain = await postImport(
			{ db, user: editor },
			...swap(upload('name=s.csv&dry_run=1', csv))
		);
		expect(json(plain).report.rejected.map((x: { column: string }) => x.column)).toContain('date');
		const mapped = await postImport(
			{ db, user: editor },
			...swap(upload('name=s.csv&dry_run=1&map.date=Day&map.title=Headline', csv))
		);
		const answer = json(mapped) as ImportAnswer;
		expect(answer.preview.mapping.date).toEqual(['Day']);
		expect(answer.report.rejected).toEqual([]);
		expect(answer.preview.rows[0]).toMatchObject({
			date: '2020-10-10',
			title: 'Clash near Shusha (test fixture)'
		});
	});
});

/** `upload(…)` as the arguments `postImport` takes after the context. */
function swap(u: { url: URL; request: Request }): [Request, URL] {
	return [u.request, u.url];
}
