import type { LineString, MultiLineString, Point, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fixtureDir, readDir } from '../../../tests/fixtures/dataset_reader';
import { outsideMessage, outsidePositions, type Bounds } from './extent';
import type { FeatureCollectionOf, Meta, PlaceFeature } from './schema';
import { validateDataset, withListing } from './validate';

const NK: Bounds = [44, 38.3, 50.5, 41.5];

describe('outsidePositions', () => {
	it('is undefined when every position lies within, edges included', () => {
		expect(outsidePositions({ type: 'Point', coordinates: [46.75, 40.33] }, NK)).toBeUndefined();
		expect(
			outsidePositions(
				{
					type: 'LineString',
					coordinates: [
						[44, 38.3],
						[50.5, 41.5]
					]
				},
				NK
			)
		).toBeUndefined();
	});

	it('catches a swapped lat/lon that stays within ±90/±180', () => {
		expect(outsidePositions({ type: 'Point', coordinates: [40.33, 46.75] }, NK)).toEqual({
			path: 'coordinates',
			position: [40.33, 46.75],
			count: 1
		});
	});

	it('names the first position outside and counts the rest', () => {
		const found = outsidePositions(
			{
				type: 'Polygon',
				coordinates: [
					[
						[46, 40],
						[47, 40],
						[47, 42],
						[46, 42],
						[46, 40]
					]
				]
			},
			NK
		);
		expect(found).toEqual({ path: 'coordinates[0][2]', position: [47, 42], count: 2 });
		expect(outsideMessage(found!, NK)).toBe(
			'[47, 42] is outside the dataset extent [44, 38.3, 50.5, 41.5] (meta.json extent) (and 1 more positions)'
		);
	});
});

describe('the extent in validateDataset', () => {
	const base = readDir(fixtureDir('valid-min'));
	const withEdit = <T>(file: string, edit: (json: T) => void) => {
		const json = JSON.parse(base(file)!) as T;
		edit(json);
		return validateDataset(
			withListing((p) => (p === file ? JSON.stringify(json) : base(p)), base),
			'geodata/'
		).errors;
	};

	it('refuses an alternative position outside it', () => {
		expect(
			withEdit<FeatureCollectionOf<PlaceFeature>>('places.geojson', (fc) => {
				fc.features[0].properties.alt_coordinates![1].coordinates = [40.3275, 46.7522];
			})
		).toEqual([
			'geodata/places.geojson: features[0] (madagiz): alt_coordinates[1].coordinates [40.3275, 46.7522] is outside the dataset extent [44, 38.3, 50.5, 41.5] (meta.json extent)'
		]);
	});

	it('refuses an incident outside it', () => {
		expect(
			withEdit<FeatureCollectionOf<{ geometry: Point }>>('incidents.geojson', (fc) => {
				fc.features[0].geometry.coordinates = [40.32, 46.74];
			})
		).toEqual([
			'geodata/incidents.geojson: features[0] (2020-11-23-madagiz-mine): geometry.coordinates [40.32, 46.74] is outside the dataset extent [44, 38.3, 50.5, 41.5] (meta.json extent)'
		]);
	});

	it('refuses a layer vertex outside it', () => {
		const errors = withEdit<FeatureCollectionOf<{ geometry: LineString | MultiLineString }>>(
			'layers/line-of-contact-1994-2020.geojson',
			(fc) => {
				const geometry = fc.features[0].geometry;
				const coords: Position[] =
					geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates[0];
				coords[0] = [coords[0][0], 38.1];
			}
		);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(
			/^geodata\/layers\/line-of-contact-1994-2020\.geojson: features\[0\] \(line-of-contact\): geometry\.coordinates\[0\](\[0\])? \[[\d.]+, 38\.1\] is outside the dataset extent/
		);
	});

	it('refuses an extent whose minimum is above its maximum', () => {
		expect(
			withEdit<Meta>('meta.json', (meta) => {
				meta.extent = [50.5, 38.3, 44, 41.5];
			})
		).toEqual([
			'geodata/meta.json: extent must be [minLon, minLat, maxLon, maxLat] with each minimum below its maximum'
		]);
	});
});
