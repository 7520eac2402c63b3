import { describe, expect, it } from 'vitest';
import { exportLookups } from '$lib/export/context';
import { incidentExportFeature } from '$lib/export/geojson';
import { fixtureDataset } from '$lib/export/test_fixtures';
import { ringSignedArea } from '$lib/geo/rfc7946';
import { buildSearchIndex } from '$lib/geo/search';
import { buildOgcIndex } from './collections';

describe('buildOgcIndex', () => {
	const dataset = fixtureDataset();
	const index = buildOgcIndex(dataset, buildSearchIndex(dataset));

	it('has the five collections in order', () => {
		expect(index.collections.map((c) => c.id)).toEqual([
			'incidents',
			'places',
			'nkao-1923-1991',
			'line-of-contact-1994-2020',
			'ceasefire-2020'
		]);
	});

	it('titles and describes each layer collection from its declaration, in declared order', () => {
		const loc = index.byId.get('line-of-contact-1994-2020')!;
		expect(loc.title).toBe('Line of contact, 1994–2020');
		expect(loc.description).toMatch(/^The line of contact between Armenian and Azerbaijani/);
		const extra = structuredClone(dataset.layers['nkao-1923-1991']);
		extra.layer = {
			...extra.layer,
			id: 'test-extra-zone',
			names: { en: '[test only] Extra zone' },
			description: undefined,
			order: 0
		};
		const more = buildOgcIndex({
			...dataset,
			layers: { ...dataset.layers, 'test-extra-zone': extra }
		});
		expect(more.collections.map((c) => c.id).slice(2)).toEqual([
			'test-extra-zone',
			'nkao-1923-1991',
			'line-of-contact-1994-2020',
			'ceasefire-2020'
		]);
		// No description: the name stands in.
		expect(more.byId.get('test-extra-zone')).toMatchObject({
			title: '[test only] Extra zone',
			description: '[test only] Extra zone'
		});
	});

	it('computes spatial and temporal extents', () => {
		const incidents = index.byId.get('incidents')!;
		expect(incidents.extent.bbox).toEqual([46.45, 39.93, 47.06, 40.39]);
		expect(incidents.extent.interval).toEqual(['2016-04-02T00:00:00Z', '2020-11-23T23:59:59.999Z']);
		expect(index.byId.get('places')!.extent.interval).toBeNull();
		// A layer still valid today has an open end.
		expect(index.byId.get('ceasefire-2020')!.extent.interval).toEqual([
			'2020-11-10T00:00:00Z',
			null
		]);
		expect(index.byId.get('nkao-1923-1991')!.extent.interval).toEqual([
			'1923-07-07T00:00:00Z',
			'1991-11-26T23:59:59.999Z'
		]);
	});

	it("takes a layer's temporal extent from its declaration, not its features", () => {
		const narrow = structuredClone(dataset.layers['nkao-1923-1991']);
		narrow.features[0].properties.valid_from = '1950-01-01';
		narrow.features[0].properties.valid_to = '1960-12-31';
		const empty = { ...structuredClone(dataset.layers['line-of-contact-1994-2020']), features: [] };
		const more = buildOgcIndex({
			...dataset,
			layers: {
				...dataset.layers,
				'nkao-1923-1991': narrow,
				'line-of-contact-1994-2020': empty
			}
		});
		expect(more.byId.get('nkao-1923-1991')!.extent.interval).toEqual([
			'1923-07-07T00:00:00Z',
			'1991-11-26T23:59:59.999Z'
		]);
		// The features keep their own spans, which the datetime parameter filters on.
		const nkao = more.byId.get('nkao-1923-1991')!;
		expect(nkao.starts[0]).toBe(Date.parse('1950-01-01T00:00:00Z'));
		expect(more.byId.get('line-of-contact-1994-2020')!.extent.interval).toEqual([
			'1994-05-12T00:00:00Z',
			'2020-09-27T23:59:59.999Z'
		]);
	});

	it('keeps per-feature boxes and spans in typed arrays', () => {
		const incidents = index.byId.get('incidents')!;
		const i = incidents.position.get('2020-11-23-madagiz-mine')!;
		expect(i).toBe(2);
		expect([...incidents.bboxes.slice(i * 4, i * 4 + 4)]).toEqual([
			46.7502224, 40.32586149, 46.7502224, 40.32586149
		]);
		expect(incidents.starts[i]).toBe(Date.parse('2020-11-23T00:00:00Z'));
		expect(incidents.ends[i]).toBe(Date.parse('2020-11-23T23:59:59.999Z'));
		expect(Number.isNaN(index.byId.get('places')!.starts[0])).toBe(true);
	});

	it('serialises incidents as the stand-alone export features, and places and layers as RFC 7946', () => {
		const incident = JSON.parse(index.byId.get('incidents')!.featureJSON(2));
		expect(incident.id).toBe('2020-11-23-madagiz-mine');
		expect(incident.geometry.coordinates).toEqual([46.750222, 40.325861]);
		expect(incident.properties.statements[0].id).toBe('st-2020-11-23-russian-mod');
		const place = JSON.parse(index.byId.get('places')!.featureJSON(0));
		expect(place).toMatchObject({
			type: 'Feature',
			id: 'madagiz',
			properties: { label: 'Madagiz / Sugovushan' }
		});
		const nkao = JSON.parse(index.byId.get('nkao-1923-1991')!.featureJSON(0));
		expect(nkao.id).toBe('nkao');
		expect(ringSignedArea(nkao.geometry.coordinates[0])).toBeGreaterThan(0);
	});

	it('stores each feature as the JSON of its export feature, in UTF-8', () => {
		const c = index.byId.get('incidents')!;
		const lookups = exportLookups({
			statements: dataset.statements,
			sources: dataset.sources,
			places: dataset.places.features,
			organizations: dataset.organizations
		});
		expect(c.count).toBe(3);
		for (let i = 0; i < c.count; i++) {
			const json = JSON.stringify(incidentExportFeature(dataset.incidents.features[i], lookups));
			expect(c.featureJSON(i)).toBe(json);
			const { chunks, chunkOf, starts, ends } = c.features;
			expect(chunks[chunkOf[i] - 1].subarray(starts[i], ends[i]).equals(Buffer.from(json))).toBe(
				true
			);
		}
	});

	it('filters incidents by type, actor and q through the search index', () => {
		const c = index.byId.get('incidents')!;
		const hits = (filter: object) => c.ids.filter((_, i) => c.matches!(i, filter));
		expect(hits({ q: 'Suqovuşan' })).toEqual([
			'2016-04-02-line-of-contact',
			'2020-11-23-madagiz-mine'
		]);
		expect(hits({ types: ['Explosions/Remote violence'] })).toEqual(['2020-11-23-madagiz-mine']);
		expect(hits({ actors: ['Military Forces of Armenia (1991-)'] })).toEqual([
			'2016-04-02-line-of-contact'
		]);
	});
});
