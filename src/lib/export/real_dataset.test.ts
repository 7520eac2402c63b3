import { existsSync } from 'node:fs';
import { check } from '@placemarkio/check-geojson';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { filterIncidents } from '$lib/atlas/query';
import { rfc7946Issues } from '$lib/geo/rfc7946';
import { buildSearchIndex } from '$lib/geo/search';
import { loadDataset } from '$lib/server/load';
import { buildOgcIndex } from '$lib/server/ogc/collections';
import { handleOgcRequest } from '$lib/server/ogc/handler';
import type { ExportContext } from './context';
import { toIncidentsCSV, toStatementsCSV } from './csv';
import { toGeoJSON } from './geojson';
import { toKML } from './kml';

const present = existsSync('geodata/incidents.geojson');
if (!present) console.warn('real_dataset.test.ts: geodata/ is not there yet; skipping');

describe.skipIf(!present)('the shipped dataset (geodata/)', () => {
	const dataset = present ? loadDataset('geodata') : (null as never);
	const index = present ? buildSearchIndex(dataset) : (null as never);
	const all = present ? dataset.incidents.features : [];
	const ctx: ExportContext = present
		? {
				statements: dataset.statements,
				sources: dataset.sources,
				places: dataset.places.features,
				organizations: dataset.organizations,
				meta: dataset.meta,
				filter: {},
				generatedAt: '2024-05-01T12:00:00.000Z'
			}
		: (null as never);
	const placeIds = (q: string) =>
		filterIncidents(all, { q }, index).flatMap((f) => f.properties.place_ids);

	it('finds the Madagiz / Sugovushan incidents under every spelling', () => {
		for (const q of ['madagiz', 'Sugovushan', 'Suqovuşan', 'mataghis']) {
			const found = filterIncidents(all, { q }, index);
			expect(found.length, q).toBeGreaterThan(0);
			expect(
				found.every((f) => index.text.get(f.id)!.includes('madagiz')),
				q
			).toBe(true);
		}
		expect(placeIds('madagiz')).toContain('madagiz');
	});

	it('finds "Terter" and "Tərtər" alike', () => {
		const terter = filterIncidents(all, { q: 'Terter' }, index).map((f) => f.id);
		expect(terter.length).toBeGreaterThan(0);
		expect(filterIncidents(all, { q: 'Tərtər' }, index).map((f) => f.id)).toEqual(terter);
	});

	it('filters by an actor given by its id, its English name or its Vietnamese name', () => {
		const organizations = new Map(dataset.organizations.map((o) => [o.id, o]));
		const byActor = (actor: string) =>
			filterIncidents(all, { actors: [actor] }, undefined, organizations).map((f) => f.id);
		const expected = all
			.filter((f) => f.properties.actors.includes('nk-defence-army'))
			.map((f) => f.id);
		expect(expected.length).toBeGreaterThan(1);
		expect(expected.length).toBeLessThan(all.length);
		for (const actor of [
			'nk-defence-army',
			'Nagorno-Karabakh Defence Army',
			'Quân đội phòng vệ Nagorno-Karabakh'
		])
			expect(byActor(actor), actor).toEqual(expected);
		expect(byActor('Nagorno-Karabakh Defence Arm')).toEqual([]);
	});

	it('finds an actor by its words in English and in Vietnamese', () => {
		const ids = (q: string) => filterIncidents(all, { q }, index).map((f) => f.id);
		const civilians = all
			.filter((f) => f.properties.actors.includes('nk-civilians'))
			.map((f) => f.id);
		expect(civilians.length).toBeGreaterThan(0);
		const army = all
			.filter((f) => f.properties.actors.includes('nk-defence-army'))
			.map((f) => f.id);
		expect(ids('Quân đội phòng vệ')).toEqual(expect.arrayContaining(army));
		expect(ids('Defence Army')).toEqual(expect.arrayContaining(army));
		expect(ids('Dân thường Nagorno')).toEqual(expect.arrayContaining(civilians));
	});

	it('writes actors by their English names in every GIS export, never by id', () => {
		const madagiz = all.filter((f) => f.id === '2020-11-23-madagiz-mine');
		const names = [
			'Russian peacekeeping contingent',
			'Armed Forces of Azerbaijan',
			'Nagorno-Karabakh State Service for Emergency Situations',
			'International Committee of the Red Cross'
		];
		expect(madagiz[0].properties.actors).toEqual([
			'ru-peacekeeping-contingent',
			'az-armed-forces',
			'nk-emergency-service',
			'icrc'
		]);
		expect(JSON.parse(toGeoJSON(madagiz, ctx)).features[0].properties.actors).toEqual(names);
		const [row] = csvParse(toIncidentsCSV(madagiz, ctx));
		expect([row.actor1, row.actor2]).toEqual(names.slice(0, 2));
		expect(row.notes).toContain(`Other actors: ${names.slice(2).join('; ')}.`);
		expect(toKML(madagiz, ctx)).toContain(names.join('\n'));
		expect(toKML(madagiz, ctx)).not.toContain('az-armed-forces');
	});

	it('exports every incident as valid RFC 7946 GeoJSON', () => {
		const text = toGeoJSON(all, ctx);
		expect(() => check(text)).not.toThrow();
		const fc = JSON.parse(text);
		expect(rfc7946Issues(fc)).toEqual([]);
		expect(fc.features).toHaveLength(all.length);
	});

	it('exports one CSV row per incident and per linked statement, and one placemark per incident', () => {
		expect(csvParse(toIncidentsCSV(all, ctx).slice(1))).toHaveLength(all.length);
		const linked = new Set([
			...all.flatMap((f) => f.properties.statement_ids),
			...dataset.statements.filter((s) => s.incident_ids.length > 0).map((s) => s.id)
		]);
		expect(csvParse(toStatementsCSV(all, ctx).slice(1))).toHaveLength(linked.size);
		expect(toKML(all, ctx).match(/<Placemark>/g)).toHaveLength(all.length);
	});

	it('serves every OGC collection as valid RFC 7946 GeoJSON (layers rewound)', () => {
		const ogc = buildOgcIndex(dataset, index);
		for (const c of ogc.collections) {
			const r = handleOgcRequest(
				{ url: new URL(`http://x/ogc/collections/${c.id}/items?limit=10000`) },
				ogc,
				'2024-05-01T12:00:00Z'
			);
			expect(r.status, c.id).toBe(200);
			expect(() => check(r.body), c.id).not.toThrow();
			const fc = JSON.parse(r.body);
			expect(rfc7946Issues(fc), c.id).toEqual([]);
			expect(fc.numberReturned, c.id).toBe(c.count);
		}
	});
});
