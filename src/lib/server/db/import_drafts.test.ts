import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/schema';
import { toGeoJSON } from '../../export/geojson';
import { parseImport } from '../../import/parse';
import type { ImportFormat } from '../../import/types';
import { loadDataset } from '../load';
import type { Db } from './db';
import {
	draftKeys,
	externalIdLookup,
	importDrafts,
	jsonPieces,
	publishDrafts
} from './import_drafts';
import {
	RecordRejected,
	applyDataset,
	datasetVersion,
	fullHistory,
	readPublishedDataset,
	saveDraft
} from './records';
import { engines } from './test_engines';

const seed = loadDataset('tests/fixtures/valid-min');
const author = 'cli:import';
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
const parse = (format: ImportFormat, name: string, map?: Record<string, string>) =>
	parseImport(format, fixture(name), { map });

describe('jsonPieces', () => {
	it('splits rows into JSON arrays of about the limit, each row once, in order', () => {
		const rows = Array.from({ length: 50 }, (_, i) => ({
			i,
			text: 'x'.repeat(i % 7 === 0 ? 300 : 20)
		}));
		const pieces = [...jsonPieces(rows, (r) => JSON.stringify(r), 100)];
		expect(pieces.length).toBeGreaterThan(10);
		expect(pieces.flatMap((p) => JSON.parse(p.json))).toEqual(rows);
		let next = 0;
		for (const { json, from, to } of pieces) {
			expect(from).toBe(next);
			expect(JSON.parse(json)).toEqual(rows.slice(from, to));
			// Within the limit, unless one row alone is longer.
			if (to - from > 1) expect(json.length).toBeLessThanOrEqual(100 + 2);
			next = to;
		}
		expect(next).toBe(rows.length);
		expect([...jsonPieces([], (r) => JSON.stringify(r), 100)]).toEqual([]);
		expect([...jsonPieces(rows, (r) => JSON.stringify(r), 1e6)]).toEqual([
			{ json: JSON.stringify(rows), from: 0, to: 50 }
		]);
	});
});

/** The dataset's GeoJSON export, with a fixed generation time so two exports compare. */
function exportOf(dataset: Dataset): string {
	return toGeoJSON(dataset.incidents.features, {
		statements: dataset.statements,
		sources: dataset.sources,
		places: dataset.places.features,
		organizations: dataset.organizations,
		meta: dataset.meta,
		filter: {},
		generatedAt: '2026-12-06T00:00:00Z'
	} as never);
}

async function revisionCount(db: Db): Promise<number> {
	const [row] = await db.query<{ n: number }>('select count(*)::int as n from revisions');
	return row.n;
}

describe.each(engines())('import as drafts on $name', { timeout: 60_000 }, (engine) => {
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

	it('writes every row as drafts by cli:import, one revision per record, nothing public', async () => {
		const before = await revisionCount(db);
		const version = await datasetVersion(db);
		const report = await importDrafts(db, parse('acled', 'acled.csv'), { author });
		expect(report).toMatchObject({
			format: 'acled',
			rows: 3,
			new: 3,
			updated: 0,
			unchanged: 0,
			invalid: 0,
			duplicates: [],
			rejected: [],
			written: true
		});
		// 3 incidents, 3 ACLED row sources and 4 cited sources.
		expect(await revisionCount(db)).toBe(before + 10);
		const history = await fullHistory(db, 'incident', 'acled-aze90001');
		expect(history.map((r) => [r.version, r.status, r.author])).toEqual([[1, 'draft', author]]);
		expect(await datasetVersion(db)).toBe(version);
		expect((await readPublishedDataset(db)).dataset).toEqual(seed);
		expect(await draftKeys(db)).toHaveLength(10);
	});

	it('submits the incidents it wrote for review when asked: one more revision each, same author', async () => {
		const before = await revisionCount(db);
		const report = await importDrafts(db, parse('acled', 'acled.csv'), {
			author: 'user:u1',
			submit: true
		});
		expect(report).toMatchObject({ new: 3, written: true });
		// 10 draft revisions, then 3 incidents moved to review.
		expect(await revisionCount(db)).toBe(before + 13);
		const history = await fullHistory(db, 'incident', 'acled-aze90001');
		expect(history.map((r) => [r.version, r.status, r.author])).toEqual([
			[1, 'draft', 'user:u1'],
			[1, 'in_review', 'user:u1']
		]);
		const sources = await fullHistory(db, 'source', 'acled-aze90001');
		expect(sources.map((r) => r.status)).toEqual(['draft']);
		const [row] = await db.query<{ n: number }>(
			`select count(*)::int as n from records where status = 'in_review'`
		);
		expect(row.n).toBe(3);
	});

	it('is idempotent: the same file again makes no revision', async () => {
		await importDrafts(db, parse('acled', 'acled.csv'), { author });
		const before = await revisionCount(db);
		const again = await importDrafts(db, parse('acled', 'acled.csv'), { author });
		expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 3, written: false });
		expect(await revisionCount(db)).toBe(before);
	});

	it("looks a batch's external ids up by index probes, not by reading every incident", async () => {
		await importDrafts(db, parse('acled', 'acled.csv'), { author });
		for (const name of ['acled', 'ucdp'] as const) {
			const plan = await db.query<{ 'QUERY PLAN': string }>(`explain ${externalIdLookup(name)}`, [
				['AZE1', 'AZE2']
			]);
			const text = plan.map((row) => row['QUERY PLAN']).join('\n');
			expect(text).toContain(`Index Scan using records_incident_${name} on records`);
			expect(text).toMatch(/Function Scan on unnest k/);
		}
	});

	it('updates the draft of an edited row (matched by external id) with one revision', async () => {
		await importDrafts(db, parse('acled', 'acled.csv'), { author });
		const before = await revisionCount(db);
		const report = await importDrafts(db, parse('acled', 'acled-edited.csv'), { author });
		expect(report).toMatchObject({ new: 0, updated: 1, unchanged: 2 });
		expect(report.results[0]).toEqual({ row: 2, id: 'acled-aze90001', status: 'updated' });
		expect(await revisionCount(db)).toBe(before + 1);
		const history = await fullHistory(db, 'incident', 'acled-aze90001');
		expect(history.map((r) => r.version)).toEqual([1, 2]);
		const latest = history[1].body as { properties: { claims: { value: number }[] } };
		expect(latest.properties.claims[0].value).toBe(3);
	});

	it('matches a row to the incident holding its external id, whatever that incident is called', async () => {
		await importDrafts(db, parse('acled', 'acled.csv'), { author });
		// The incident of ACLED AZE90001 under another id (heads and records in one statement).
		await db.exec(`with h as (update heads set id = 'incident-renamed'
		    where kind = 'incident' and id = 'acled-aze90001')
		  update records set id = 'incident-renamed',
		    body = jsonb_set(jsonb_set(body::jsonb, '{id}', '"incident-renamed"'), '{properties,id}', '"incident-renamed"')::json
		  where kind = 'incident' and id = 'acled-aze90001'`);
		const before = await revisionCount(db);
		const again = await importDrafts(db, parse('acled', 'acled.csv'), { author });
		expect(again.results[0]).toEqual({ row: 2, id: 'incident-renamed', status: 'unchanged' });
		expect(again).toMatchObject({ new: 0, unchanged: 3, written: false });
		expect(await revisionCount(db)).toBe(before);
		const edited = await importDrafts(db, parse('acled', 'acled-edited.csv'), { author });
		expect(edited.results[0]).toEqual({ row: 2, id: 'incident-renamed', status: 'updated' });
		// Version 2 of the renamed record (its version 1 was logged under the old id).
		expect((await fullHistory(db, 'incident', 'incident-renamed')).map((r) => r.version)).toEqual([
			2
		]);
		const heads = await db.query<{ id: string }>(
			`select id from heads where kind = 'incident' and id in ('acled-aze90001', 'incident-renamed')`
		);
		expect(heads).toEqual([{ id: 'incident-renamed' }]);
	});

	it('writes nothing from a file with invalid rows, unless told to skip them', async () => {
		const before = await revisionCount(db);
		const refused = await importDrafts(db, parse('acled', 'acled-broken.csv'), { author });
		expect(refused).toMatchObject({ new: 3, invalid: 2, written: false });
		expect(refused.rejected.map((r) => [r.row, r.column])).toEqual([
			[5, 'event_date'],
			[5, 'fatalities'],
			[6, 'event_type'],
			[6, 'geo_precision']
		]);
		expect(await revisionCount(db)).toBe(before);
		const skipped = await importDrafts(db, parse('acled', 'acled-broken.csv'), {
			author,
			skipRejected: true
		});
		expect(skipped).toMatchObject({ new: 3, invalid: 2, written: true });
		expect(await revisionCount(db)).toBe(before + 10);
	});

	it('writes nothing on a dry run, and reports the same', async () => {
		const before = await revisionCount(db);
		const dry = await importDrafts(db, parse('ucdp', 'ucdp.csv'), { author, dryRun: true });
		expect(dry).toMatchObject({ new: 2, written: false, dry_run: true });
		expect(await revisionCount(db)).toBe(before);
		const real = await importDrafts(db, parse('ucdp', 'ucdp.csv'), { author });
		expect({ ...real, written: false, dry_run: true }).toEqual(dry);
	});

	it('rejects rows outside the dataset extent, saying when they look swapped', async () => {
		const swapped = new TextEncoder().encode(
			'date,latitude,longitude,type,sub_type,source\n2020-10-01,46.7519,39.8153,Battles,Armed clash,Test Fixture Gazette\n'
		);
		const report = await importDrafts(db, parseImport('csv', swapped), { author });
		expect(report.rejected).toEqual([
			{
				row: 2,
				column: 'latitude, longitude',
				reason:
					"longitude 39.8153, latitude 46.7519 lies outside the dataset's extent [44, 38.3, 50.5, 41.5]: latitude and longitude look swapped"
			}
		]);
		expect(report.written).toBe(false);
	});

	it('imports a possible duplicate as a draft flagged with the incident it may repeat', async () => {
		await importDrafts(db, parse('acled', 'acled.csv'), { author });
		const report = await importDrafts(db, parse('csv', 'spreadsheet.csv'), {
			author,
			skipRejected: true
		});
		expect(report.duplicates).toEqual([{ row: 2, of: 'acled-aze90001' }]);
		expect(report.new).toBe(2);
		expect(report.results[0]).toMatchObject({
			row: 2,
			status: 'possible-duplicate',
			imported_as: 'new',
			duplicate_of: ['acled-aze90001']
		});
		expect(report.results[2]).toEqual({ row: 4, status: 'invalid' });
		const [draft] = await fullHistory(db, 'incident', (report.results[0] as { id: string }).id);
		expect(draft.body).toMatchObject({
			properties: { possible_duplicate_of: ['acled-aze90001'] }
		});
	});

	it('leaves nothing behind when the transaction fails half-way', async () => {
		await db.exec(`create function fail_third() returns trigger language plpgsql as $$
			begin
				if new.id = 'acled-aze90003' and new.kind = 'incident' then
					raise exception 'simulated crash';
				end if;
				return new;
			end;
			$$;
			create trigger fail_third before insert on revisions for each row execute function fail_third();`);
		try {
			const before = await revisionCount(db);
			await expect(importDrafts(db, parse('acled', 'acled.csv'), { author })).rejects.toThrow(
				/simulated crash/
			);
			expect(await revisionCount(db)).toBe(before);
			const [{ n }] = await db.query<{ n: number }>(
				`select count(*)::int as n from records where id like 'acled-%'`
			);
			expect(n).toBe(0);
			expect(await draftKeys(db)).toEqual([]);
		} finally {
			await db.exec('drop trigger fail_third on revisions; drop function fail_third()');
		}
	});

	it('refuses to publish an imported incident until a reviewer adds its Vietnamese text', async () => {
		await importDrafts(db, parse('acled', 'acled.csv'), { author });
		const error = await publishDrafts(db, await draftKeys(db), { author: 'user:reviewer' }).catch(
			(e) => e
		);
		expect(error).toBeInstanceOf(RecordRejected);
		expect((error as RecordRejected).errors).toEqual(
			['acled-aze90001', 'acled-arm90002', 'acled-aze90003'].flatMap((id, i) => [
				`database:incidents.geojson: features[${i + 1}] (${id}): title.vi is missing`,
				`database:incidents.geojson: features[${i + 1}] (${id}): summary.vi is missing`
			])
		);
		expect(await draftKeys(db)).toHaveLength(10);
	});

	it('matches actor names to the organisations the import can see: drafts, not retracted ones', async () => {
		await saveDraft(
			db,
			'organization',
			'ru-peacekeeping-contingent',
			{
				id: 'ru-peacekeeping-contingent',
				kind: 'armed-force',
				state: 'russia',
				names: { en: 'Russian peacekeeping contingent', vi: 'Lực lượng gìn giữ hòa bình Nga' }
			},
			{ author: 'user:editor' }
		);
		await db.exec(
			`update records set status = 'retracted' where kind = 'organization' and id = 'ru-ministry-of-defence'`
		);
		const csv = new TextEncoder().encode(
			[
				'date,latitude,longitude,type,sub_type,source,actors',
				'2020-10-01,39.8153,46.7519,Battles,Armed clash,Test Fixture Gazette,"Liên bang Nga; lực lượng gìn giữ hòa bình nga; Ministry of Defence of the Russian Federation; Russian Federation (test fixture)"'
			].join('\n')
		);
		const report = await importDrafts(db, parseImport('csv', csv), { author });
		expect(report).toMatchObject({ new: 1, written: true });
		const id = (report.results[0] as { id: string }).id;
		expect(id).toBe(parseImport('csv', csv).items[0].incident.properties.id);
		const [draft] = await fullHistory(db, 'incident', id);
		expect((draft.body as { properties: { actors: string[] } }).properties.actors).toEqual([
			'russia',
			'ru-peacekeeping-contingent',
			'Ministry of Defence of the Russian Federation',
			'Russian Federation (test fixture)'
		]);
		const again = await importDrafts(db, parseImport('csv', csv), { author });
		expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 1, written: false });
	});

	it("round-trips the shipped dataset's actor ids through our GeoJSON export", async () => {
		const shipped = loadDataset('geodata');
		const actorIds = shipped.incidents.features.map((f) => f.properties.actors);
		expect(actorIds.flat().length).toBeGreaterThan(0);
		await db.exec('truncate heads, records, revisions');
		await applyDataset(
			db,
			{
				...structuredClone(shipped),
				incidents: { type: 'FeatureCollection', features: [] },
				statements: [],
				sources: []
			},
			{ author: 'system:seed' }
		);
		const exported = exportOf(shipped);
		// The export names organisations in English, as GIS users read them.
		expect(exported).toContain('"Armed Forces of Azerbaijan"');
		expect(exported).not.toContain('"az-armed-forces"');
		const report = await importDrafts(
			db,
			parseImport('geojson', new TextEncoder().encode(exported)),
			{ author }
		);
		expect(report).toMatchObject({ new: shipped.incidents.features.length, invalid: 0 });
		await publishDrafts(db, await draftKeys(db), { author: 'user:reviewer' });
		const { dataset } = await readPublishedDataset(db);
		expect(dataset.incidents.features.map((f) => f.properties.actors)).toEqual(actorIds);
		// The same records, but for the possible duplicates the import flags itself (the Talish
		// point lies on the line of contact, the same day and type).
		const own = (features: Dataset['incidents']['features']) =>
			features.map((f) => {
				const properties: Record<string, unknown> = { ...f.properties };
				delete properties.possible_duplicate_of;
				return { ...f, properties };
			});
		expect(own(dataset.incidents.features)).toEqual(own(shipped.incidents.features));
		const again = await importDrafts(
			db,
			parseImport('geojson', new TextEncoder().encode(exported)),
			{ author }
		);
		expect(again).toMatchObject({ new: 0, updated: 0, written: false });
	});

	it('round-trips our GeoJSON export: import into an empty dataset, publish all, export again', async () => {
		const bare: Dataset = {
			...structuredClone(seed),
			incidents: { type: 'FeatureCollection', features: [] },
			statements: [],
			sources: []
		};
		await db.exec('truncate heads, records, revisions');
		await applyDataset(db, bare, { author: 'system:seed' });
		const exported = exportOf(seed);
		const report = await importDrafts(
			db,
			parseImport('geojson', new TextEncoder().encode(exported)),
			{ author }
		);
		expect(report).toMatchObject({ rows: 1, new: 1, invalid: 0, written: true });
		await publishDrafts(db, await draftKeys(db), { author: 'user:reviewer' });
		const { dataset } = await readPublishedDataset(db);
		expect(exportOf(dataset)).toBe(exported);
		// Its actors are free text that names none of its organisations: kept as they were.
		expect(dataset.incidents.features.map((f) => f.properties.actors)).toEqual(
			seed.incidents.features.map((f) => f.properties.actors)
		);
		const again = await importDrafts(
			db,
			parseImport('geojson', new TextEncoder().encode(exported)),
			{ author }
		);
		expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 1, written: false });
	});
});
