import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_CHECK_CASES } from '../../../tests/fixtures/data_check_cases';
import {
	fixtureDir,
	readBrokenCase,
	readDir,
	readExtraLayer
} from '../../../tests/fixtures/dataset_reader';
import { validateDataset, withListing } from './validate';

const incident = 'geodata/incidents.geojson: features[0] (2020-11-23-madagiz-mine)';
const statement0 = 'geodata/statements.json: [0] (st-2020-11-23-russian-mod-announcement)';

/** Each case in `tests/fixtures/broken/` and the exact lines it must produce (prefix `geodata/`). */
const BROKEN: Record<string, string[]> = {
	// The layer declarations (the `layer` member of each file under layers/).
	'layer-missing-declaration': ['geodata/layers/nkao-1923-1991.geojson: layer is missing'],
	'layer-name-missing-en': ['geodata/layers/nkao-1923-1991.geojson: layer.names.en is missing'],
	'layer-kind-geometry': [
		'geodata/layers/ceasefire-2020.geojson: features[0] (peacekeeping-zone): geometry.type Polygon is not allowed in this layer (expected LineString or MultiLineString)'
	],
	'layer-style-kind': [
		'geodata/layers/nkao-1923-1991.geojson: layer.style "front-line" does not suit a layer of kind "area" (allowed: historic-boundary, hatched-zone)'
	],
	'layer-unknown-style': [
		'geodata/layers/nkao-1923-1991.geojson: layer.kind Invalid option: expected one of "line"|"area"',
		'geodata/layers/nkao-1923-1991.geojson: layer.style Invalid option: expected one of "historic-boundary"|"front-line"|"hatched-zone"'
	],
	'layer-duplicate-id': [
		'geodata/layers/nkao-copy.geojson: layer.id "nkao-1923-1991" differs from the file name: layer "nkao-1923-1991" must be in layers/nkao-1923-1991.geojson',
		'geodata/layers/nkao-copy.geojson: layer.id "nkao-1923-1991" is a duplicate (first declared in geodata/layers/nkao-1923-1991.geojson)'
	],
	'layer-bad-dates': [
		'geodata/layers/nkao-1923-1991.geojson: layer.valid_from is not a real calendar date'
	],
	'layer-dates-order': [
		'geodata/layers/nkao-1923-1991.geojson: layer.valid_to 1920-01-01 is before layer.valid_from 1923-07-07'
	],
	'layer-id-not-file-name': [
		'geodata/layers/ceasefire-2020.geojson: layer.id "ceasefire" differs from the file name: layer "ceasefire" must be in layers/ceasefire.geojson'
	],
	'region-unknown-layer': [
		'geodata/meta.json: regions[0] (nagorno-karabakh): layer_id "nkao-1923" is not a declared layer (layers: ceasefire-2020, line-of-contact-1994-2020, nkao-1923-1991)'
	],
	'bad-json': ['geodata/statements.json: invalid JSON at line 10, column 3: comma expected'],
	'missing-id': ['geodata/statements.json: [1]: id is missing'],
	'duplicate-id': [
		'geodata/statements.json: [2] (st-2020-11-23-russian-mod-announcement): id "st-2020-11-23-russian-mod-announcement" is a duplicate (first used at index 0)'
	],
	'dangling-reference': [`${incident}: claims[0].statement_id "st-x" does not exist`],
	// An id-shaped actor naming no organisation (valid-min has no ru-peacekeeping-contingent).
	'actor-unknown-organization': [
		`${incident}: actors[0] "ru-peacekeeping-contingent" is not the id of an organisation in organizations.json (an entry of lower-case letters and digits joined by hyphens refers to one; write a name as the sources give it, with its capitals, or add the organisation)`
	],
	'position-out-of-range': [
		'geodata/places.geojson: features[0] (madagiz): geometry.coordinates[0] longitude above 180',
		'geodata/places.geojson: features[0] (madagiz): geometry.coordinates[1] latitude above 90'
	],
	'open-ring': [
		'geodata/layers/nkao-1923-1991.geojson: features[0] (nkao): geometry.coordinates[0] ring is not closed: first position [46.67, 40.37] differs from last [46.765, 40.415]'
	],
	'clockwise-ring': [
		'geodata/layers/nkao-1923-1991.geojson: features[0] (nkao): geometry.coordinates[0] exterior ring is clockwise; RFC 7946 requires counter-clockwise'
	],
	'counter-clockwise-hole': [
		'geodata/layers/ceasefire-2020.geojson: features[0] (peacekeeping-zone): geometry.coordinates[1] hole is counter-clockwise; RFC 7946 requires clockwise'
	],
	'self-intersection': [
		'geodata/layers/ceasefire-2020.geojson: features[0] (peacekeeping-zone): geometry.coordinates polygon self-intersects at [46.794512, 39.799936]'
	],
	'bad-date': [`${incident}: date must be an ISO date YYYY-MM-DD`],
	'date-end-before-date': [`${incident}: date_end 2020-11-22 is before date 2020-11-23`],
	'empty-quote': [`${statement0}: quote.text must not be empty`],
	'javascript-url': ['geodata/sources.json: [1] (meduza-2020-11-23): url must be an http(s) URL'],
	'wrong-layer-geometry': [
		'geodata/layers/line-of-contact-1994-2020.geojson: features[0] (line-of-contact): geometry.type Polygon is not allowed in this layer (expected LineString or MultiLineString)'
	],
	'claim-without-claimant': [`${incident}: claims[1].claimant is missing`],
	'statement-without-source': [
		'geodata/statements.json: [1] (st-2020-11-23-russian-mod-details): source_id is missing'
	],
	'statement-unknown-incident': [
		`${statement0}: incident_ids[0] "2020-11-32-nowhere" does not exist`
	],
	'incident-id-mismatch': [
		`${incident}: id "2020-11-23-madagiz" differs from properties.id "2020-11-23-madagiz-mine"`
	],
	'incident-without-source': [`${incident}: source_ids must list at least one source`],
	'statement-without-form': [`${statement0}: form is missing`],
	'statement-unknown-organization': [
		'geodata/statements.json: [1] (st-2020-11-23-russian-mod-details): speaker.organization_id "ru-ministry-of-defense" does not exist'
	],
	'organization-without-english-name': [
		'geodata/organizations.json: [1] (ru-ministry-of-defence): names.en is missing'
	],
	'organization-state-not-a-state': [
		'geodata/organizations.json: [2] (ru-general-staff): state "ru-ministry-of-defence" is a ministry, not an organisation of kind "state"'
	],
	// A feature dated outside its layer's declared validity (1994-05-12 to 2020-09-27), both ends.
	'layer-feature-outside-validity': [
		"geodata/layers/line-of-contact-1994-2020.geojson: features[0] (line-of-contact): valid_from 1991-12-10 is before layer.valid_from 1994-05-12: a feature's dates lie within its layer's",
		"geodata/layers/line-of-contact-1994-2020.geojson: features[0] (line-of-contact): valid_to 2020-11-10 is after layer.valid_to 2020-09-27: a feature's dates lie within its layer's"
	],
	'layer-valid-to-before-from': [
		'geodata/layers/ceasefire-2020.geojson: features[0] (peacekeeping-zone): valid_to 2020-11-09 is before valid_from 2020-11-10'
	],
	...Object.fromEntries(
		Object.entries(DATA_CHECK_CASES).map(([name, line]) => [name, [`geodata/${line}`]])
	)
};

describe('validateDataset', () => {
	it('accepts the shipped geodata/', () => {
		const { dataset, errors } = validateDataset(readDir('geodata'), 'geodata/');
		expect(errors).toEqual([]);
		expect(dataset?.incidents.features.length).toBeGreaterThan(0);
		expect(dataset?.layers['nkao-1923-1991'].features).toHaveLength(1);
	});

	it('accepts the valid-min fixture', () => {
		const { dataset, errors } = validateDataset(readDir(fixtureDir('valid-min')), 'geodata/');
		expect(errors).toEqual([]);
		expect(dataset?.statements).toHaveLength(2);
	});

	it('takes any number of layers, each as its file declares it: a fourth needs no code', () => {
		const { dataset, errors } = validateDataset(readExtraLayer(), 'geodata/');
		expect(errors).toEqual([]);
		// In declared order; the declaration travels with the features.
		expect(Object.keys(dataset!.layers)).toEqual([
			'nkao-1923-1991',
			'line-of-contact-1994-2020',
			'ceasefire-2020',
			'test-extra-zone'
		]);
		expect(dataset!.layers['test-extra-zone'].layer).toMatchObject({
			kind: 'area',
			style: 'historic-boundary',
			names: { en: '[test only] Extra zone' }
		});
		expect(dataset!.layers['line-of-contact-1994-2020'].layer.names.en).toBe(
			'Line of contact, 1994–2020'
		);
	});

	it('has a test for every broken fixture, and at least 15 of them', () => {
		const onDisk = readdirSync(fixtureDir('broken')).sort();
		expect(onDisk).toEqual(Object.keys(BROKEN).sort());
		expect(onDisk.length).toBeGreaterThanOrEqual(15);
	});

	it.each(Object.entries(BROKEN))('reports the defect of broken/%s', (name, expected) => {
		const { dataset, errors } = validateDataset(readBrokenCase(name), 'geodata/');
		expect(errors).toEqual(expected);
		expect(dataset).toBeNull();
	});

	it('refuses a still-valid feature (valid_to null) in a layer that ends; an open layer takes one', () => {
		const base = readDir(fixtureDir('valid-min'));
		const file = 'layers/ceasefire-2020.geojson';
		const withLayer = (edit: (layer: Record<string, unknown>) => void) => {
			const json = JSON.parse(base(file)!);
			edit(json);
			return Object.assign((path: string) => (path === file ? JSON.stringify(json) : base(path)), {
				list: base.list
			});
		};
		const stillValid = withLayer((json) => {
			(json.features as { properties: { valid_to: string | null } }[])[0].properties.valid_to =
				null;
		});
		expect(validateDataset(stillValid, 'geodata/').errors).toEqual([
			"geodata/layers/ceasefire-2020.geojson: features[0] (peacekeeping-zone): valid_to null (still valid) is after layer.valid_to 2023-09-20: a feature's dates lie within its layer's"
		]);
		const open = withLayer((json) => {
			(json.layer as { valid_to: string | null }).valid_to = null;
			(json.features as { properties: { valid_to: string | null } }[])[0].properties.valid_to =
				null;
		});
		expect(validateDataset(open, 'geodata/').errors).toEqual([]);
		// A feature on the layer's first and last day is within it.
		expect(validateDataset(base, 'geodata/').errors).toEqual([]);
	});

	it('reports a missing file', () => {
		const base = readDir(fixtureDir('valid-min'));
		const { errors } = validateDataset(
			withListing((path) => (path === 'sources.json' ? undefined : base(path)), base),
			'geodata/'
		);
		expect(errors).toEqual(['geodata/sources.json: file is missing']);
	});

	it('validates the shipped basemap and refuses one whose features are not what the map draws', () => {
		const geodata = readDir('geodata');
		expect(geodata('basemap/countries.geojson')).toBeDefined();
		const countries = JSON.parse(geodata('basemap/countries.geojson')!);
		countries.features[1].geometry = { type: 'Point', coordinates: [45, 40] };
		delete countries.features[2].properties.name;
		const { errors } = validateDataset(
			withListing(
				(path) =>
					path === 'basemap/countries.geojson' ? JSON.stringify(countries) : geodata(path),
				geodata
			),
			'geodata/'
		);
		expect(errors).toEqual([
			"geodata/basemap/countries.geojson: features[1]: geometry.type Invalid discriminator value. Expected 'Polygon' | 'MultiPolygon'",
			'geodata/basemap/countries.geojson: features[2]: name is missing'
		]);
	});

	it('checks references across files only once every file parses', () => {
		const { errors } = validateDataset(readBrokenCase('bad-json'), 'geodata/');
		expect(errors.some((line) => line.includes('does not exist'))).toBe(false);
	});
});
