import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { lineString, point } from '@turf/helpers';
import length from '@turf/length';
import lineIntersect from '@turf/line-intersect';
import pointToLineDistance from '@turf/point-to-line-distance';
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readDir } from '../../../tests/fixtures/dataset_reader';
import type { Dataset, LayerFeature } from './schema';
import { validateDataset } from './validate';

// The sanity facts of /work/shared/reference/facts.md, checked against the shipped geodata/.
const { dataset } = validateDataset(readDir('geodata'), 'geodata/');
if (!dataset) throw new Error('geodata/ does not validate; run npm run check:data');
const data: Dataset = dataset;

function place(id: string): Position {
	const feature = data.places.features.find((f) => f.properties.id === id);
	if (!feature) throw new Error(`place ${id} is missing from places.geojson`);
	return feature.geometry.coordinates;
}

function altPositions(id: string): Position[] {
	const feature = data.places.features.find((f) => f.properties.id === id);
	return (feature?.properties.alt_coordinates ?? []).map((a) => a.coordinates);
}

function layerFeature(layer: keyof Dataset['layers'], id: string): LayerFeature {
	const feature = data.layers[layer].features.find((f) => f.properties.id === id);
	if (!feature) throw new Error(`${layer} has no feature ${id}`);
	return feature;
}

const nkao = layerFeature('nkao-1923-1991', 'nkao');
const nkaoPolygon = nkao.geometry as Polygon | MultiPolygon;
const line = layerFeature('line-of-contact-1994-2020', 'line-of-contact').geometry as LineString;
const zone = layerFeature('ceasefire-2020', 'peacekeeping-zone').geometry as Polygon;
const corridor = layerFeature('ceasefire-2020', 'lachin-corridor').geometry as Polygon;

const inside = (p: Position, polygon: Polygon | MultiPolygon) =>
	booleanPointInPolygon(point(p), polygon);

/** "The line passes between A and B": the segment A–B crosses it. */
const passesBetween = (a: string, b: string) =>
	lineIntersect(lineString([place(a), place(b)]), line).features.length > 0;

describe('NKAO 1923–1991', () => {
	it('has an area of 4,400 km² ± 5%', () => {
		const km2 = area(nkaoPolygon) / 1e6;
		expect(km2).toBeGreaterThan(4400 * 0.95);
		expect(km2).toBeLessThan(4400 * 1.05);
	});

	it.each([
		'madagiz',
		'talish',
		'stepanakert',
		'shusha',
		'askeran',
		'martuni',
		'hadrut',
		'mardakert'
	])('contains %s', (id) => expect(inside(place(id), nkaoPolygon)).toBe(true));

	it.each(['tartar', 'aghdam', 'lachin', 'kalbajar', 'fuzuli', 'jabrayil', 'gulistan', 'dadivank'])(
		'does not contain %s',
		(id) => expect(inside(place(id), nkaoPolygon)).toBe(false)
	);

	it('keeps Madagiz inside and Tartar outside under every published position', () => {
		for (const p of altPositions('madagiz')) expect(inside(p, nkaoPolygon)).toBe(true);
		for (const p of altPositions('tartar')) expect(inside(p, nkaoPolygon)).toBe(false);
		expect(altPositions('madagiz').length).toBeGreaterThan(0);
		expect(altPositions('tartar').length).toBeGreaterThan(0);
	});
});

describe('Line of Contact 1994–2020', () => {
	it('is 180–200 km long', () => {
		const km = length(lineString(line.coordinates));
		expect(km).toBeGreaterThanOrEqual(180);
		expect(km).toBeLessThanOrEqual(200);
	});

	it('holds from the Bishkek ceasefire to the start of the 2020 war', () => {
		const { properties } = layerFeature('line-of-contact-1994-2020', 'line-of-contact');
		expect([properties.valid_from, properties.valid_to]).toEqual(['1994-05-12', '2020-09-27']);
	});

	it.each([
		['madagiz', 'tartar'],
		['talish', 'tap-qaraqoyunlu'],
		['fuzuli', 'horadiz']
	])('passes between %s and %s', (a, b) => expect(passesBetween(a, b)).toBe(true));

	it('does not pass between places held by the same side (Madagiz and Talish)', () => {
		expect(passesBetween('madagiz', 'talish')).toBe(false);
	});

	it('passes east of Aghdam, within 20 km', () => {
		const [lon, lat] = place('aghdam');
		const eastward = lineString([
			[lon, lat],
			[lon + 0.235, lat] // ~20 km at 40°N
		]);
		const westward = lineString([
			[lon, lat],
			[lon - 0.235, lat]
		]);
		expect(lineIntersect(eastward, line).features.length).toBeGreaterThan(0);
		expect(lineIntersect(westward, line).features).toHaveLength(0);
	});

	it.each(['omar-pass', 'murovdag'])('runs along the Murovdag crest, within 3 km of %s', (id) => {
		const ridge = [place(id), ...altPositions(id)];
		for (const p of ridge) {
			expect(pointToLineDistance(point(p), lineString(line.coordinates))).toBeLessThan(3);
		}
	});

	it('keeps Jojug Marjanli (held by Azerbaijan) east of the line and Lele Tepe west of it', () => {
		const lat = place('jojug-marjanli')[1];
		const crossing = lineIntersect(
			lineString([
				[47.0, lat],
				[47.5, lat]
			]),
			line
		).features[0].geometry.coordinates;
		expect(place('jojug-marjanli')[0]).toBeGreaterThan(crossing[0]);
		expect(place('lele-tepe')[0]).toBeLessThan(crossing[0]);
	});
});

describe('ceasefire of 10 November 2020', () => {
	it.each(['stepanakert', 'mardakert', 'askeran', 'martuni', 'chilaburt'])(
		'the peacekeeping zone contains %s',
		(id) => expect(inside(place(id), zone)).toBe(true)
	);

	it.each(['shusha', 'hadrut', 'madagiz', 'talish', 'aghdam', 'lachin'])(
		'the peacekeeping zone excludes %s',
		(id) => expect(inside(place(id), zone)).toBe(false)
	);

	it('lays the Lachin corridor about 2.5 km either side of Lachin, bypassing Shusha', () => {
		expect(inside(place('lachin'), corridor)).toBe(true);
		expect(inside(place('shusha'), corridor)).toBe(false);
		expect(inside(place('goris'), corridor)).toBe(false);
		const toEdge = pointToLineDistance(point(place('lachin')), lineString(corridor.coordinates[0]));
		expect(toEdge).toBeGreaterThan(2);
		expect(toEdge).toBeLessThan(3);
	});

	it('is marked approximate, with dates and an accuracy', () => {
		for (const f of data.layers['ceasefire-2020'].features) {
			expect(f.properties.valid_from).toBe('2020-11-10');
			expect(f.properties.valid_to).not.toBeNull();
			expect(f.properties.accuracy_m).toBeGreaterThanOrEqual(1000);
			expect(f.properties.name.toLowerCase()).toMatch(/approximate|5 km wide/);
		}
	});
});
