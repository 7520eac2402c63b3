import booleanClockwise from '@turf/boolean-clockwise';
import kinks from '@turf/kinks';
import { lineString } from '@turf/helpers';
import { describe, expect, it } from 'vitest';
import { DATASET_FILES, layerFile, type Dataset } from '../../src/lib/data/schema';
import { validateDataset } from '../../src/lib/data/validate';
import {
	FIRST_DATE,
	LAST_DATE,
	REGION_BBOX,
	UPDATED,
	generateSynthetic,
	placeholderLayers,
	syntheticCounts
} from './generate';

const small = generateSynthetic({ count: 200, seed: 1 });
const incidents = small.incidents.features;

/** The dataset as the files the CLI would write, read back through the app's validator. */
function validate(dataset: Dataset) {
	const files = new Map<string, string>([
		[DATASET_FILES.meta, JSON.stringify(dataset.meta)],
		[DATASET_FILES.places, JSON.stringify(dataset.places)],
		[DATASET_FILES.incidents, JSON.stringify(dataset.incidents)],
		[DATASET_FILES.statements, JSON.stringify(dataset.statements)],
		[DATASET_FILES.sources, JSON.stringify(dataset.sources)],
		[DATASET_FILES.organizations, JSON.stringify(dataset.organizations)],
		...Object.entries(dataset.layers).map(
			([id, layer]) => [layerFile(id), JSON.stringify(layer)] as const
		)
	]);
	const list = (dir: string) => [...files.keys()].filter((p) => p.startsWith(`${dir}/`));
	return validateDataset(
		Object.assign((path: string) => files.get(path), { list }),
		'synthetic/'
	);
}

describe('generateSynthetic', () => {
	it('is deterministic: the same seed gives an identical dataset', () => {
		expect(JSON.stringify(generateSynthetic({ count: 200, seed: 1 }))).toBe(JSON.stringify(small));
	});

	it('gives a different dataset for another seed', () => {
		const other = generateSynthetic({ count: 200, seed: 2 });
		expect(other.incidents.features.map((f) => f.geometry)).not.toEqual(
			incidents.map((f) => f.geometry)
		);
	});

	it('produces the requested number of incidents, and about N/5 statements and N/50 sources', () => {
		expect(incidents).toHaveLength(200);
		expect(small.statements).toHaveLength(40);
		expect(small.sources).toHaveLength(4);
		expect(small.places.features.length).toBeGreaterThanOrEqual(10);
		expect(syntheticCounts(10_000)).toEqual({
			incidents: 10_000,
			statements: 2000,
			sources: 200,
			places: 300
		});
	});

	it('works for a single incident', () => {
		const one = generateSynthetic({ count: 1, seed: 1 });
		expect(one.incidents.features).toHaveLength(1);
		expect(validate(one).errors).toEqual([]);
	});

	it('marks every incident, statement and source as synthetic, and the meta too', () => {
		expect(small.meta.synthetic).toBe(true);
		expect(small.meta.name).toMatch(/SYNTHETIC/);
		for (const f of incidents) {
			expect(f.properties.synthetic).toBe(true);
			expect(f.properties.title.en.startsWith('[synthetic] ')).toBe(true);
			expect(f.properties.title.vi.startsWith('[synthetic] ')).toBe(true);
		}
		for (const s of small.statements) {
			expect(s.synthetic).toBe(true);
			expect(s.quote.text.startsWith('[synthetic] ')).toBe(true);
		}
		for (const s of small.sources) {
			expect(s.synthetic).toBe(true);
			expect(s.title.startsWith('[synthetic] ')).toBe(true);
			expect(s.url).toMatch(/^https:\/\/example\.invalid\//);
		}
	});

	it('passes the dataset validator', () => {
		const { dataset, errors } = validate(small);
		expect(errors).toEqual([]);
		expect(dataset).not.toBeNull();
	});

	it('covers every ACLED type, location precision, date precision and both geometry types', () => {
		expect(new Set(incidents.map((f) => f.properties.type))).toEqual(
			new Set([
				'Battles',
				'Explosions/Remote violence',
				'Violence against civilians',
				'Protests',
				'Riots',
				'Strategic developments'
			])
		);
		expect(new Set(incidents.map((f) => f.properties.location_precision))).toEqual(
			new Set([1, 2, 3])
		);
		expect(new Set(incidents.map((f) => f.properties.date_precision))).toEqual(
			new Set(['day', 'week', 'month', 'year'])
		);
		const lines = incidents.filter((f) => f.geometry.type === 'LineString').length;
		expect(lines).toBeGreaterThan(0);
		expect(lines).toBeLessThan(incidents.length / 4);
		expect(incidents.some((f) => f.properties.date_end)).toBe(true);
		expect(incidents.some((f) => f.properties.claims.length > 0)).toBe(true);
	});

	it('keeps every coordinate inside the region bbox', () => {
		const [w, s, e, n] = REGION_BBOX;
		const positions = [
			...incidents.flatMap((f) =>
				f.geometry.type === 'Point'
					? [f.geometry.coordinates]
					: f.geometry.type === 'LineString'
						? f.geometry.coordinates
						: f.geometry.coordinates.flat()
			),
			...small.places.features.map((f) => f.geometry.coordinates)
		];
		for (const [lon, lat] of positions) {
			expect(lon >= w && lon <= e && lat >= s && lat <= n, `${lon},${lat}`).toBe(true);
		}
	});

	it('draws lines that never cross themselves', () => {
		const many = generateSynthetic({ count: 3000, seed: 5 }).incidents.features;
		for (const f of many) {
			if (f.geometry.type !== 'LineString') continue;
			expect(kinks(lineString(f.geometry.coordinates)).features, f.id).toHaveLength(0);
		}
	});

	it('dates incidents within 1994–2023, ends after starts, and sources after what they report', () => {
		const published = new Map(small.sources.map((s) => [s.id, s.published]));
		const statements = new Map(small.statements.map((s) => [s.id, s]));
		for (const f of incidents) {
			const p = f.properties;
			expect(p.date >= FIRST_DATE && p.date <= LAST_DATE, p.date).toBe(true);
			if (p.date_end) expect(p.date_end >= p.date && p.date_end <= LAST_DATE).toBe(true);
			for (const id of p.source_ids) expect(published.get(id)! >= p.date).toBe(true);
			for (const id of p.statement_ids) expect(statements.get(id)!.said_on >= p.date).toBe(true);
		}
		for (const s of small.statements) {
			expect(published.get(s.source_id)! >= s.said_on).toBe(true);
			expect(s.said_on <= UPDATED).toBe(true);
		}
	});

	it('has no dangling references and links statements and incidents both ways', () => {
		const incidentIds = new Set(incidents.map((f) => f.id));
		const statementIds = new Set(small.statements.map((s) => s.id));
		const sourceIds = new Set(small.sources.map((s) => s.id));
		const placeIds = new Set(small.places.features.map((f) => f.properties.id));
		expect(incidentIds.size).toBe(incidents.length);
		for (const f of incidents) {
			const p = f.properties;
			expect(f.id).toBe(p.id);
			for (const id of p.place_ids) expect(placeIds.has(id)).toBe(true);
			for (const id of p.source_ids) expect(sourceIds.has(id)).toBe(true);
			for (const id of p.statement_ids) expect(statementIds.has(id)).toBe(true);
			for (const c of p.claims) {
				expect(sourceIds.has(c.source_id)).toBe(true);
				if (c.statement_id) expect(p.statement_ids).toContain(c.statement_id);
			}
		}
		for (const s of small.statements) {
			expect(sourceIds.has(s.source_id)).toBe(true);
			for (const id of s.incident_ids) {
				expect(incidents.find((f) => f.id === id)!.properties.statement_ids).toContain(s.id);
			}
		}
	});

	it('reuses the real layers when given and says so in meta', () => {
		const layers = placeholderLayers();
		const withReal = generateSynthetic({ count: 10, seed: 1, layers });
		expect(withReal.layers).toBe(layers);
		expect(withReal.meta.attribution).toMatch(/copied from the real dataset/);
		expect(generateSynthetic({ count: 10, seed: 1 }).meta.attribution).toMatch(/placeholder/);
	});

	it('rejects a count that is not a positive integer', () => {
		expect(() => generateSynthetic({ count: 0, seed: 1 })).toThrow(/count/);
		expect(() => generateSynthetic({ count: 2.5, seed: 1 })).toThrow(/count/);
	});
});

describe('placeholderLayers', () => {
	it('has one feature per layer, marked synthetic, with counter-clockwise closed rings', () => {
		const layers = placeholderLayers();
		expect(Object.keys(layers)).toHaveLength(3);
		for (const [id, layer] of Object.entries(layers)) {
			// Declared like a real layer file, and named so no one mistakes it for one.
			expect(layer.layer.id).toBe(id);
			expect(layer.layer.names.en).toMatch(/^\[synthetic\]/);
			const [feature] = layer.features;
			expect(feature.properties.name).toMatch(/^\[synthetic\]/);
			if (feature.geometry.type === 'Polygon') {
				const ring = feature.geometry.coordinates[0];
				expect(ring[0]).toEqual(ring[ring.length - 1]);
				expect(booleanClockwise(ring)).toBe(false);
			}
		}
		expect(layers['nkao-1923-1991'].features[0].geometry.type).toBe('Polygon');
		expect(layers['line-of-contact-1994-2020'].features[0].geometry.type).toBe('LineString');
	});
});
