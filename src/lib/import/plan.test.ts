import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAcled } from './acled';
import { parseCsv } from './csv';
import {
	CandidateIndex,
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
		const near = [...index.near(tartar.incident)].map((x) => x.id).sort();
		expect(near).toEqual(['same-day', 'that-week', 'that-year']);
		expect(findDuplicates(tartar.incident, index.near(tartar.incident))).toEqual([
			'same-day',
			'that-week',
			'that-year'
		]);
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
