import type { Claim, Dataset, IncidentFeature, LayerFeature, PlaceFeature } from '$lib/data/schema';
import { LAYER_DECLARATIONS } from '$lib/data/layer_fixtures';

/** Frozen, realistic test data: copies of real dataset entries, trimmed to what the map reads. */

function claim(metric: string, value: Claim['value'], claimant: string): Claim {
	return { metric, value, subject: 'soldiers', claimant, source_id: 'src-test' };
}

function incident(
	id: string,
	geometry: IncidentFeature['geometry'],
	type: IncidentFeature['properties']['type'],
	uncertainty_m: number,
	claims: Claim[]
): IncidentFeature {
	return {
		type: 'Feature',
		id,
		geometry,
		properties: {
			id,
			title: { en: id, vi: id },
			summary: { en: id, vi: id },
			date: id.slice(0, 10),
			date_precision: 'day',
			type,
			sub_type: 'Armed clash',
			actors: [],
			place_ids: [],
			location_precision: uncertainty_m > 2000 ? 3 : 2,
			uncertainty_m,
			claims,
			source_ids: ['src-test'],
			statement_ids: []
		}
	};
}

export const MADAGIZ_MINE = incident(
	'2020-11-23-madagiz-mine',
	{ type: 'Point', coordinates: [46.750222, 40.325861] },
	'Explosions/Remote violence',
	3000,
	[
		claim('wounded', 1, 'Ministry of Defence of Russia'),
		claim('wounded', 4, 'Ministry of Defence of Russia'),
		claim('killed', 1, 'Ministry of Defence of Russia')
	]
);

export const LOC_FIGHTING = incident(
	'2016-04-02-line-of-contact-fighting',
	{
		type: 'LineString',
		coordinates: [
			[46.74, 40.4],
			[46.8, 40.33],
			[46.98, 40.25],
			[47.06, 39.93]
		]
	},
	'Battles',
	5000,
	[
		claim('killed', 12, 'Ministry of Defence of Azerbaijan'),
		claim('positions_taken', { low: 2 }, 'Ministry of Defence of Azerbaijan'),
		claim('killed', { low: 30 }, 'AFP'),
		claim('killed', 18, 'Serzh Sargsyan, President of Armenia'),
		claim('wounded', { low: 30, high: 35 }, 'Serzh Sargsyan, President of Armenia')
	]
);

export const MI24 = incident(
	'2016-04-02-mi24-shot-down',
	{ type: 'Point', coordinates: [46.3, 40.28] },
	'Battles',
	25000,
	[claim('aircraft_lost', 1, 'Ministry of Defence of Azerbaijan')]
);

export const PLACES: PlaceFeature[] = [
	{
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [46.750222, 40.325861] },
		properties: {
			id: 'madagiz',
			name: 'Madagiz',
			label: 'Madagiz / Sugovushan',
			names: { en: 'Madagiz', vi: 'Madagiz', az: 'Suqovuşan', hy: 'Մատաղիս', ru: 'Мадагиз' },
			aliases: ['Madagiz', 'Sugovushan', 'Suqovuşan', 'Mataghis', 'Madaghis'],
			kind: 'village',
			admin: 'Tartar District',
			coord_source: 'https://de.wikipedia.org/wiki/Suqovu%C5%9Fan,_Tartar',
			confidence: 'medium'
		}
	},
	{
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [46.92889, 40.345] },
		properties: {
			id: 'tartar',
			name: 'Tartar',
			label: 'Terter / Tartar',
			names: { en: 'Tartar', vi: 'Terter', az: 'Tərtər', ru: 'Тертер' },
			aliases: ['Tartar', 'Terter', 'Tərtər', 'Mir-Bashir'],
			kind: 'city',
			admin: 'Tartar District',
			coord_source: 'https://en.wikipedia.org/wiki/T%C9%99rt%C9%99r',
			confidence: 'medium'
		}
	}
];

function layer(
	id: string,
	geometry: LayerFeature['geometry'],
	valid_from: string,
	valid_to: string | null,
	accuracy_m: number
): LayerFeature {
	return {
		type: 'Feature',
		geometry,
		properties: {
			id,
			name: id,
			valid_from,
			valid_to,
			accuracy_m,
			method: 'test',
			sources: ['https://example.org/source']
		}
	};
}

const square = (w: number, s: number, e: number, n: number): LayerFeature['geometry'] => ({
	type: 'Polygon',
	coordinates: [
		[
			[w, s],
			[e, s],
			[e, n],
			[w, n],
			[w, s]
		]
	]
});

export const NKAO = layer('nkao', square(46.3, 39.4, 47.2, 40.4), '1923-07-07', '1991-11-26', 5000);
export const LINE_OF_CONTACT = layer(
	'line-of-contact',
	{
		type: 'LineString',
		coordinates: [
			[46.2, 40.295],
			[46.8, 40.33],
			[47.27, 39.4]
		]
	},
	'1994-05-12',
	'2020-09-27',
	4000
);
export const PEACEKEEPING_ZONE = layer(
	'peacekeeping-zone',
	square(46.6, 39.7, 47.0, 40.3),
	'2020-11-10',
	'2023-09-20',
	6000
);
export const LACHIN_CORRIDOR = layer(
	'lachin-corridor',
	square(46.4, 39.6, 46.7, 39.7),
	'2020-11-10',
	'2022-08-26',
	3000
);

export function testDataset(
	incidents: IncidentFeature[] = [MADAGIZ_MINE, LOC_FIGHTING, MI24]
): Pick<Dataset, 'incidents' | 'places' | 'layers'> {
	return {
		incidents: { type: 'FeatureCollection', features: incidents },
		places: { type: 'FeatureCollection', features: PLACES },
		layers: {
			'nkao-1923-1991': {
				type: 'FeatureCollection',
				layer: LAYER_DECLARATIONS['nkao-1923-1991'],
				features: [NKAO]
			},
			'line-of-contact-1994-2020': {
				type: 'FeatureCollection',
				layer: LAYER_DECLARATIONS['line-of-contact-1994-2020'],
				features: [LINE_OF_CONTACT]
			},
			'ceasefire-2020': {
				type: 'FeatureCollection',
				layer: LAYER_DECLARATIONS['ceasefire-2020'],
				features: [PEACEKEEPING_ZONE, LACHIN_CORRIDOR]
			}
		}
	};
}
