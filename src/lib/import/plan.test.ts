import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAcled } from './acled';
import { parseCsv } from './csv';
import { mulberry32 } from '../../../scripts/synthetic/prng';
import type { DraftIncidentFeature, Organization } from '../data/schema';
import {
	BUCKET_DAYS,
	CandidateIndex,
	GRID_MAX_UNCERTAINTY_M,
	canonical,
	cellRange,
	ImportPlanner,
	candidateOf,
	checkExtent,
	findDuplicates,
	metres,
	ownKeys,
	planImport,
	type Existing
} from './plan';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
const empty = (): Existing => ({ bodies: new Map(), byExternalId: new Map(), candidates: [] });
const acled = parseAcled(fixture('acled.csv')).items;

/** What the database holds after `plan` was written. */
function stored(writes: { kind: string; id: string; body: unknown }[]): Existing {
	const existing = empty();
	for (const w of writes) {
		existing.bodies.set(`${w.kind}/${w.id}`, JSON.parse(JSON.stringify(w.body)));
		if (w.kind === 'incident') {
			const incident = w.body as Parameters<typeof candidateOf>[0];
			existing.candidates.push(candidateOf(incident));
			for (const [k, v] of Object.entries(incident.properties.external_ids ?? {}))
				existing.byExternalId.set(`${k}:${v}`, w.id);
		}
	}
	return existing;
}

describe('canonical', () => {
	/** The reference: `JSON.stringify` of a copy of the value with every object's keys sorted. */
	const sortedCopy = (value: unknown): string =>
		JSON.stringify(value, (_key, v) =>
			v && typeof v === 'object' && !Array.isArray(v)
				? Object.fromEntries(
						Object.keys(v)
							.sort()
							.map((k) => [k, v[k]])
					)
				: v
		);

	it("writes what JSON.stringify writes with every object's keys sorted", () => {
		const values: unknown[] = [
			{ b: 1, a: [3, { d: null, c: 'x"\\\u2028é' }], e: { g: true, f: false } },
			{ skip: undefined, fn: () => 1, keep: [undefined, () => 1, NaN, -0, 1e21, Infinity] },
			{ date: new Date(0), nested: { toJSON: () => ({ z: 1, y: 2 }) } },
			[],
			{},
			'text',
			3.5,
			null,
			...acled.flatMap((item) => [item.incident, ...item.sources, ...item.statements])
		];
		for (const value of values) expect(canonical(value)).toBe(sortedCopy(value));
	});

	it('is the same whatever order the keys were written in', () => {
		expect(canonical({ a: 1, b: { c: 2, d: 3 } })).toBe(canonical({ b: { d: 3, c: 2 }, a: 1 }));
		expect(canonical({ a: 1 })).not.toBe(canonical({ a: 2 }));
	});
});

describe('planImport', () => {
	it('writes every record of a new file, each row new', () => {
		const plan = planImport(acled, empty());
		expect(plan.results.map((r) => [r.row, r.status])).toEqual([
			[2, 'new'],
			[3, 'new'],
			[4, 'new']
		]);
		expect(plan.writes.filter((w) => w.kind === 'incident')).toHaveLength(3);
		expect(plan.writes.filter((w) => w.kind === 'source')).toHaveLength(3 + 2 + 1 + 1);
	});

	it('writes nothing for the same file again, whatever the key order stored', () => {
		const existing = stored(planImport(acled, empty()).writes);
		const again = planImport(acled, existing);
		expect(again.writes).toEqual([]);
		expect(again.results.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
	});

	it('updates only what an edited row changed', () => {
		const existing = stored(planImport(acled, empty()).writes);
		const edited = planImport(parseAcled(fixture('acled-edited.csv')).items, existing);
		expect(edited.results.map((r) => r.status)).toEqual(['updated', 'unchanged', 'unchanged']);
		expect(edited.writes.map((w) => `${w.kind}/${w.id}`)).toEqual(['incident/acled-aze90001']);
	});

	it('matches a row to the incident holding its external id, whatever that incident is called', () => {
		const existing = stored(planImport(acled, empty()).writes);
		const body = existing.bodies.get('incident/acled-aze90001');
		existing.bodies.delete('incident/acled-aze90001');
		existing.bodies.set('incident/2020-09-27-tartar', body);
		existing.byExternalId.set('acled:AZE90001', '2020-09-27-tartar');
		const plan = planImport(parseAcled(fixture('acled-edited.csv')).items, existing);
		expect(plan.results[0]).toMatchObject({ id: '2020-09-27-tartar', status: 'updated' });
		expect(plan.writes.find((w) => w.kind === 'incident')!.id).toBe('2020-09-27-tartar');
	});

	it('flags a nearby same-day row of the same type as a possible duplicate, and keeps it', () => {
		const existing = stored(planImport(acled, empty()).writes);
		const plan = planImport(parseCsv(fixture('spreadsheet.csv')).items, existing);
		expect(plan.results.map((r) => [r.row, r.status, r.duplicateOf])).toEqual([
			[2, 'new', ['acled-aze90001']],
			[3, 'new', []]
		]);
		const incident = plan.writes.find((w) => w.kind === 'incident')!.body as {
			properties: { possible_duplicate_of?: string[] };
		};
		expect(incident.properties.possible_duplicate_of).toEqual(['acled-aze90001']);
	});
});

describe('planImport and actor names', () => {
	const organizations: Pick<Organization, 'id' | 'names'>[] = [
		{
			id: 'am-armed-forces',
			names: { en: 'Military Forces of Armenia (2018-)', vi: 'Lực lượng vũ trang Armenia' }
		},
		{ id: 'az-civilians', names: { en: 'Civilians (Azerbaijan)' } }
	];
	const actorsOf = (plan: { writes: { kind: string; id: string; body: unknown }[] }, id: string) =>
		(plan.writes.find((w) => w.kind === 'incident' && w.id === id)!.body as DraftIncidentFeature)
			.properties.actors;

	it("writes the id of the target's organisation a name names, and other names as text", () => {
		const plan = planImport(acled, { ...empty(), organizations });
		expect(actorsOf(plan, 'acled-aze90001')).toEqual(['am-armed-forces', 'az-civilians']);
		expect(actorsOf(plan, 'acled-arm90002')).toEqual([
			'Military Forces of Azerbaijan (2003-)',
			'am-armed-forces',
			'Artsakh Defence Army'
		]);
		// The parser's items are left as read.
		expect(acled[0].incident.properties.actors).toEqual([
			'Military Forces of Armenia (2018-)',
			'Civilians (Azerbaijan)'
		]);
		// Without organisations, every name stays text.
		expect(actorsOf(planImport(acled, empty()), 'acled-aze90001')).toEqual(
			acled[0].incident.properties.actors
		);
	});

	it('finds the file unchanged when imported again', () => {
		const first = planImport(acled, { ...empty(), organizations });
		const again = planImport(acled, { ...stored(first.writes), organizations });
		expect(again.results.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
		expect(again.writes).toEqual([]);
	});

	it('keeps the content id of a row without an external id, whatever the organisations', () => {
		const csv = [
			'Date,Lat,Lon,Event type,Sub event type,Title,Source,Actors',
			'2020-09-27,40.3440,46.9340,Battles,Armed clash,A clash (test fixture),Test Fixture Gazette,Lực lượng vũ trang Armenia; Civilians (Azerbaijan)'
		].join('\n');
		const items = parseCsv(new TextEncoder().encode(csv)).items;
		expect(items).toHaveLength(1);
		const id = items[0].incident.properties.id;
		expect(id).toMatch(/^csv-[0-9a-f]{16}$/);
		const matched = planImport(items, { ...empty(), organizations });
		const plain = planImport(items, empty());
		expect(matched.results[0].id).toBe(id);
		expect(plain.results[0].id).toBe(id);
		expect(actorsOf(matched, id)).toEqual(['am-armed-forces', 'az-civilians']);
		expect(actorsOf(plain, id)).toEqual(['Lực lượng vũ trang Armenia', 'Civilians (Azerbaijan)']);
		const again = planImport(items, { ...stored(matched.writes), organizations });
		expect(again.results.map((r) => r.status)).toEqual(['unchanged']);
	});
});

describe('planImport and duplicates within one file', () => {
	it('finds the same duplicates when the file is imported again', () => {
		const text = readFileSync('tests/fixtures/import/spreadsheet.csv', 'utf8');
		// The first row twice, a second copy slightly moved: each is the other's possible duplicate.
		const lines = text.split('\n');
		const twice = [lines[0], lines[1], lines[1].replace('46.9340', '46.9345')].join('\n');
		const items = parseCsv(new TextEncoder().encode(twice)).items;
		const first = planImport(items, empty());
		expect(first.results.map((r) => r.duplicateOf.length)).toEqual([0, 1]);
		const again = planImport(items, stored(first.writes));
		expect(again.results.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
		expect(again.writes).toEqual([]);
	});
});

describe('findDuplicates', () => {
	const [tartar] = acled;
	const near = (over: Partial<ReturnType<typeof candidateOf>>) => ({
		...candidateOf(tartar.incident),
		id: 'other',
		external_ids: undefined,
		...over
	});

	it('needs the same type, overlapping dates and a point within the radius', () => {
		expect(findDuplicates(tartar.incident, [near({})])).toEqual(['other']);
		expect(findDuplicates(tartar.incident, [near({ type: 'Battles' })])).toEqual([]);
		expect(findDuplicates(tartar.incident, [near({ date: '2020-09-28' })])).toEqual([]);
		// A week-precise event may be on any day of its week.
		expect(
			findDuplicates(tartar.incident, [near({ date: '2020-09-30', date_precision: 'week' })])
		).toEqual(['other']);
		// 2 km is the fixture's ACLED radius (geo_precision 1): 2.5 km away is too far.
		expect(findDuplicates(tartar.incident, [near({ position: [46.96, 40.34] })])).toEqual([]);
		expect(metres([46.93, 40.34], [46.96, 40.34])).toBeGreaterThan(2000);
	});

	it('never calls the same record (by id or external id) a duplicate', () => {
		expect(findDuplicates(tartar.incident, [near({ id: 'acled-aze90001' })])).toEqual([]);
		expect(
			findDuplicates(tartar.incident, [near({ external_ids: { acled: 'AZE90001' } })])
		).toEqual([]);
	});
});

describe('checkExtent', () => {
	it('rejects a point outside the extent, and says when it looks swapped', () => {
		const swapped = parseCsv(
			new TextEncoder().encode(
				'date,latitude,longitude,type,sub_type,source\n2020-10-01,46.7519,39.8153,Battles,Armed clash,Test Fixture Gazette\n2020-10-01,10,10,Battles,Armed clash,Test Fixture Gazette\n'
			)
		);
		const { items, rejected } = checkExtent([...acled, ...swapped.items], [44, 38.3, 50.5, 41.5]);
		expect(items).toHaveLength(3);
		expect(rejected).toEqual([
			{
				row: 2,
				column: 'latitude, longitude',
				reason:
					"longitude 39.8153, latitude 46.7519 lies outside the dataset's extent [44, 38.3, 50.5, 41.5]: latitude and longitude look swapped"
			},
			{
				row: 3,
				column: 'latitude, longitude',
				reason: "longitude 10, latitude 10 lies outside the dataset's extent [44, 38.3, 50.5, 41.5]"
			}
		]);
	});
});

describe('CandidateIndex', () => {
	const [tartar] = acled;
	const c = (id: string, date: string, date_precision = 'day') => ({
		...candidateOf(tartar.incident),
		id,
		date,
		date_precision,
		external_ids: undefined
	});

	it('yields the candidates whose dates may overlap, each once, and not the others', () => {
		const index = new CandidateIndex([
			c('same-day', '2020-09-27'),
			c('that-week', '2020-10-02', 'week'),
			c('that-year', '2020-06-01', 'year'),
			c('next-month', '2020-10-27')
		]);
		index.add({ ...c('other-type', '2020-09-27'), type: 'Battles' });
		const near = index.near(tartar.incident).sort();
		expect(near).toEqual(['same-day', 'that-week', 'that-year']);
		expect(index.duplicates(tartar.incident)).toEqual(['same-day', 'that-week', 'that-year']);
	});
});

describe('CandidateIndex grid', () => {
	type C = ReturnType<typeof candidateOf>;
	const TYPES = ['Battles', 'Protests', 'Riots'];
	const incident = (c: C) =>
		({
			type: 'Feature',
			id: c.id,
			geometry: { type: 'Point', coordinates: c.position },
			properties: {
				id: c.id,
				date: c.date,
				...(c.date_end ? { date_end: c.date_end } : {}),
				date_precision: c.date_precision,
				type: c.type,
				uncertainty_m: c.uncertainty_m,
				...(c.external_ids ? { external_ids: c.external_ids } : {})
			}
		}) as unknown as DraftIncidentFeature;
	const day = (t: number) => new Date(t * 86_400_000).toISOString().slice(0, 10);
	const base = (over: Partial<C>): C => ({
		id: 'c',
		date: '2020-06-01',
		date_precision: 'day',
		type: 'Battles',
		position: [45, 40],
		uncertainty_m: 2_000,
		...over
	});
	/** What the index yields for `me`, checked to be each candidate at most once. */
	const near = (index: CandidateIndex, me: C) => {
		const ids = index.near(incident(me));
		expect(new Set(ids).size).toBe(ids.length);
		return ids.sort();
	};

	it('finds exactly what a scan of every candidate finds (seeded random rows)', () => {
		const random = mulberry32(13);
		const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
		const row = (i: number): C => {
			const region = pick(['caucasus', 'caucasus', 'antimeridian', 'pole', 'anywhere']);
			const [lon, lat] =
				region === 'caucasus'
					? [44 + random() * 2, 39 + random() * 2]
					: region === 'antimeridian'
						? [179.5 + random(), -1 + random() * 2]
						: region === 'pole'
							? [random() * 360 - 180, 89 + random() * (random() < 0.1 ? 1 : 0.99)]
							: [random() * 360 - 180, random() * 180 - 90];
			const first = 18_000 + Math.floor(random() * 400);
			return {
				id: `r${i}`,
				date: day(first),
				...(random() < 0.1 ? { date_end: day(first + Math.floor(random() * 60)) } : {}),
				date_precision: pick(['day', 'day', 'day', 'week', 'month', 'year']),
				type: pick(TYPES),
				position: [lon > 180 ? lon - 360 : lon, lat],
				uncertainty_m: pick([0, 1_000, 2_000, 10_000, 50_000, 50_001, 150_000, 3_000_000]),
				...(random() < 0.3 ? { external_ids: { acled: `X${Math.floor(random() * 50)}` } } : {})
			};
		};
		const all: C[] = [];
		const index = new CandidateIndex();
		let found = 0;
		for (let i = 0; i < 3000; i++) {
			const me = row(i);
			const expected = findDuplicates(incident(me), all);
			expect(index.duplicates(incident(me))).toEqual(expected);
			found += expected.length;
			all.push(me);
			index.add(me);
		}
		expect(found).toBeGreaterThan(300);
	});

	it('does not offer a candidate 100 km away, nor one of another type', () => {
		const index = new CandidateIndex([
			base({ id: 'here', position: [45.001, 40] }),
			base({ id: 'far', position: [45, 40.9] }),
			base({ id: 'far-east', position: [46.18, 40] }),
			base({ id: 'other-type', type: 'Riots' })
		]);
		// Enough candidates that the look-up uses the grid rather than a scan.
		for (let i = 0; i < 500; i++) index.add(base({ id: `elsewhere${i}`, position: [-60, 10] }));
		expect(metres([45, 40], [45, 40.9])).toBeGreaterThan(99_000);
		expect(metres([45, 40], [46.18, 40])).toBeGreaterThan(99_000);
		expect(near(index, base({ id: 'me' }))).toEqual(['here']);
	});

	it('looks across the antimeridian and around a pole', () => {
		const index = new CandidateIndex([
			base({ id: 'west', position: [-179.999, 0] }),
			base({ id: 'pole', position: [180, 89.99] }),
			base({ id: 'top', position: [0, 90] })
		]);
		for (let i = 0; i < 500; i++) index.add(base({ id: `elsewhere${i}`, position: [-60, 10] }));
		expect(near(index, base({ id: 'east', position: [179.999, 0] }))).toEqual(['west']);
		const polar = base({ id: 'me', position: [0, 89.99], uncertainty_m: 5_000 });
		expect(index.duplicates(incident(polar))).toEqual(['pole', 'top']);
		expect(cellRange([0, 89.99], 5_000).lons).toBe(360 / 0.25);
		expect(cellRange([179.99, 0], 1_000)).toMatchObject({ lon0: 360 / 0.25 - 2, lons: 3 });
	});

	it('reaches the widest uncertainty the grid holds, and the dates a precision widens to', () => {
		// 49.9 km apart: a duplicate when either states 50 km (the grid's limit) or more.
		const at = (id: string, uncertainty_m: number) =>
			base({ id, position: [45, 40 + 49_900 / 111_195], uncertainty_m });
		const index = new CandidateIndex([
			at('limit', GRID_MAX_UNCERTAINTY_M),
			at('beyond', GRID_MAX_UNCERTAINTY_M + 1),
			at('precise', 2_000),
			// A year-precise event on the first day of a bucket: its window reaches 365 days back.
			base({ id: 'year', date: day(1_200 * BUCKET_DAYS), date_precision: 'year' })
		]);
		for (let i = 0; i < 500; i++) index.add(base({ id: `elsewhere${i}`, position: [-60, 10] }));
		expect(index.duplicates(incident(base({ id: 'me' })))).toEqual(['beyond', 'limit']);
		const last = base({ id: 'me', date: day(1_200 * BUCKET_DAYS - 365) });
		const before = base({ id: 'me', date: day(1_200 * BUCKET_DAYS - 366) });
		expect(near(index, last)).toContain('year');
		expect(index.duplicates(incident(last))).toContain('year');
		expect(index.duplicates(incident(before))).not.toContain('year');
	});
});

describe('ImportPlanner', () => {
	it('plans a file a batch at a time exactly as all at once', () => {
		const text = readFileSync('tests/fixtures/import/spreadsheet.csv', 'utf8');
		const lines = text.split('\n');
		// Rows that repeat each other, so later batches find duplicates among earlier ones.
		const body = [lines[0], lines[1], lines[1].replace('46.9340', '46.9345'), ...lines.slice(2)];
		const items = parseCsv(new TextEncoder().encode(body.join('\n'))).items;
		const whole = planImport(items, empty());
		const planner = new ImportPlanner([], ownKeys(items));
		const batched = [0, 1, 2, 3].flatMap((i) => {
			const { results, writes } = planner.plan(items.slice(i, i + 1), empty());
			return [{ results, writes }];
		});
		expect(batched.flatMap((b) => b.results)).toEqual(whole.results);
		const plain = ({ kind, id, body }: { kind: string; id: string; body: unknown }) => ({
			kind,
			id,
			body
		});
		expect(batched.flatMap((b) => b.writes.map(plain))).toEqual(whole.writes);
		expect(planner.written).toBe(whole.writes.length);
	});

	it('writes a record a later row changes once, under its first number, with the last body', () => {
		const [first] = acled;
		const changed = structuredClone(first);
		changed.row = 9;
		changed.sources[0] = {
			...changed.sources[0],
			title: 'Another title'
		} as (typeof first.sources)[0];
		const planner = new ImportPlanner([], ownKeys([first, changed]));
		const a = planner.plan([first], empty());
		const b = planner.plan([changed], empty());
		const isSource = (w: { kind: string; id: string }) =>
			w.kind === 'source' && w.id === first.sources[0].id;
		const source = a.writes.find(isSource)!;
		const again = b.writes.find(isSource)!;
		expect(again).toMatchObject({ n: source.n, again: true });
		expect((again.body as { title: string }).title).toBe('Another title');
		// The whole-file plan keeps one write for it, in the first place, with the later body.
		const whole = planImport([first, changed], empty());
		const writes = whole.writes.filter(isSource);
		expect(writes).toHaveLength(1);
		expect((writes[0].body as { title: string }).title).toBe('Another title');
		expect(whole.writes.indexOf(writes[0])).toBe(source.n - 1);
	});
});
