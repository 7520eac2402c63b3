import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollectionOf, IncidentFeature } from '$lib/data/schema';
import { incidentFeature } from '$lib/data/schema';
import {
	actorsOf,
	emptyForm,
	featureOfForm,
	fieldOfProblem,
	formOfFeature,
	problemsByField,
	roundedPoint,
	textOfForm,
	typedCoordinate,
	type IncidentForm
} from './incident_form';

const seed = JSON.parse(
	readFileSync('geodata/incidents.geojson', 'utf8')
) as FeatureCollectionOf<IncidentFeature>;
const incident = (id: string) => structuredClone(seed.features.find((f) => f.id === id)!);

const MINE = incident('2020-11-23-madagiz-mine');
const FRONT = incident('2016-04-02-line-of-contact-fighting');

/** A new incident as an editor fills it in: a shelling of Tartar reported by one source. */
const FILLED: IncidentForm = {
	...emptyForm(),
	titleEn: 'Shelling of Tartar',
	titleVi: 'Pháo kích vào Tartar',
	summaryEn: 'Artillery fire hit the centre of Tartar.',
	summaryVi: 'Pháo binh bắn trúng trung tâm Tartar.',
	date: '2020-10-04',
	datePrecision: 'day',
	type: 'Explosions/Remote violence',
	subType: 'Shelling/artillery/missile attack',
	actors: ' Armed Forces of Armenia \n\nCivilians (Azerbaijan)\n',
	point: [47.1167, 40.3439],
	placeIds: ['tartar'],
	locationPrecision: 2,
	uncertaintyM: 2000,
	sourceIds: ['turan-2016-04-02']
};

describe('featureOfForm', () => {
	it('makes a new incident the schema accepts once it has an id, with no claims or statements', () => {
		const body = featureOfForm(FILLED) as IncidentFeature;
		expect(body).toEqual({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [47.1167, 40.3439] },
			properties: {
				claims: [],
				statement_ids: [],
				title: { en: 'Shelling of Tartar', vi: 'Pháo kích vào Tartar' },
				summary: {
					en: 'Artillery fire hit the centre of Tartar.',
					vi: 'Pháo binh bắn trúng trung tâm Tartar.'
				},
				date: '2020-10-04',
				date_precision: 'day',
				type: 'Explosions/Remote violence',
				sub_type: 'Shelling/artillery/missile attack',
				actors: ['Armed Forces of Armenia', 'Civilians (Azerbaijan)'],
				place_ids: ['tartar'],
				location_precision: 2,
				uncertainty_m: 2000,
				source_ids: ['turan-2016-04-02']
			}
		});
		const withId = { ...body, id: 'x', properties: { ...body.properties, id: 'x' } };
		expect(incidentFeature.safeParse(withId).success).toBe(true);
	});

	it('round-trips every seed incident unchanged, claims, statements and lines included', () => {
		for (const feature of seed.features) {
			expect(featureOfForm(formOfFeature(feature), feature)).toEqual(feature);
		}
	});

	it('keeps what the form does not edit (claims, statement ids) and drops cleared optional fields', () => {
		const form = { ...formOfFeature(MINE), locationNote: '  ', dateEnd: '' };
		const body = featureOfForm(form, {
			...MINE,
			properties: { ...MINE.properties, date_end: '2020-11-24' }
		}) as IncidentFeature;
		expect(body.properties.claims).toEqual(MINE.properties.claims);
		expect(body.properties.statement_ids).toEqual(MINE.properties.statement_ids);
		expect(body.properties).not.toHaveProperty('date_end');
		expect(body.properties).not.toHaveProperty('location_note');
		expect(body.id).toBe(MINE.id);
	});

	it('keeps the languages the form does not edit (a Russian title stays)', () => {
		const withRussian = {
			...MINE,
			properties: {
				...MINE.properties,
				title: { ...MINE.properties.title, ru: 'Взрыв мины у Мадагиза' },
				summary: { ...MINE.properties.summary, hy: 'Ամփոփում' }
			}
		};
		const form = { ...formOfFeature(withRussian), titleEn: 'Mine blast near Madagiz' };
		const body = featureOfForm(form, withRussian) as IncidentFeature;
		expect(body.properties.title).toEqual({
			en: 'Mine blast near Madagiz',
			vi: MINE.properties.title.vi,
			ru: 'Взрыв мины у Мадагиза'
		});
		expect(body.properties.summary).toEqual(withRussian.properties.summary);
	});

	it('leaves an empty Vietnamese box out, so a draft can be saved in English only', () => {
		const body = featureOfForm({ ...FILLED, titleVi: '', summaryVi: '  ' }) as IncidentFeature;
		expect(body.properties.title).toEqual({ en: 'Shelling of Tartar' });
		expect(body.properties.summary).toEqual({ en: 'Artillery fire hit the centre of Tartar.' });
		expect(
			incidentFeature.safeParse({ ...body, id: 'x', properties: { ...body.properties, id: 'x' } })
				.success
		).toBe(true);
	});

	it('removes a Vietnamese text the editor cleared, keeping the other languages', () => {
		const withRussian = {
			...MINE,
			properties: {
				...MINE.properties,
				title: { ...MINE.properties.title, ru: 'Взрыв мины у Мадагиза' }
			}
		};
		const form = { ...formOfFeature(withRussian), titleVi: '' };
		const body = featureOfForm(form, withRussian) as IncidentFeature;
		expect(body.properties.title).toEqual({
			en: MINE.properties.title.en,
			ru: 'Взрыв мины у Мадагиза'
		});
		expect(textOfForm(undefined, '', '')).toEqual({ en: '' });
	});

	it('keeps a line until a point is placed, which then replaces it', () => {
		const form = formOfFeature(FRONT);
		expect(form.point).toBeNull();
		expect((featureOfForm(form, FRONT) as IncidentFeature).geometry).toEqual(FRONT.geometry);
		const placed = featureOfForm({ ...form, point: [46.9, 39.8] }, FRONT) as IncidentFeature;
		expect(placed.geometry).toEqual({ type: 'Point', coordinates: [46.9, 39.8] });
	});

	it('sends a new incident without a point as geometry null, for the server to refuse by name', () => {
		expect((featureOfForm(emptyForm()) as { geometry: unknown }).geometry).toBeNull();
	});

	it('sends an empty uncertainty as null rather than inventing a value', () => {
		const body = featureOfForm({ ...FILLED, uncertaintyM: null }) as IncidentFeature;
		expect(body.properties.uncertainty_m).toBeNull();
	});
});

describe('formOfFeature', () => {
	it('reads a point incident into the inputs, actors one per line', () => {
		const form = formOfFeature(MINE);
		expect(form.point).toEqual(MINE.geometry.coordinates);
		expect(form.actors.split('\n')).toEqual(MINE.properties.actors);
		expect(form.titleVi).toBe(MINE.properties.title.vi);
		expect(form.uncertaintyM).toBe(MINE.properties.uncertainty_m);
	});

	it('copies the lists, so editing the form never changes the feature it came from', () => {
		const form = formOfFeature(MINE);
		form.placeIds.push('baku-2');
		form.sourceIds.length = 0;
		expect(MINE.properties.place_ids).not.toContain('baku-2');
		expect(MINE.properties.source_ids.length).toBeGreaterThan(0);
	});
});

describe('actorsOf', () => {
	it('is empty for an empty textarea and keeps commas inside a name', () => {
		expect(actorsOf('')).toEqual([]);
		expect(actorsOf('\n  \n')).toEqual([]);
		expect(actorsOf('Police (Armenia, Syunik)')).toEqual(['Police (Armenia, Syunik)']);
	});
});

describe('fieldOfProblem', () => {
	it('puts each API field beside its input', () => {
		expect(
			[
				'title.en',
				'title.vi',
				'title',
				'summary.vi',
				'date',
				'date_end',
				'geometry',
				'geometry.coordinates[1]',
				'source_ids',
				'source_ids[0]',
				'actors[2]',
				'uncertainty_m',
				'sub_type',
				'statement_ids[0]'
			].map(fieldOfProblem)
		).toEqual([
			'titleEn',
			'titleVi',
			'titleEn',
			'summaryVi',
			'date',
			'dateEnd',
			'location',
			'location',
			'sourceIds',
			'sourceIds',
			'actors',
			'uncertaintyM',
			'subType',
			'statementIds'
		]);
	});

	it('shows a problem with no field of the form (the id, the body) at the top of the form', () => {
		expect(fieldOfProblem('id')).toBe('form');
		expect(fieldOfProblem('')).toBe('form');
	});
});

describe('problemsByField', () => {
	it('groups messages by input; one for the whole form keeps its field name', () => {
		expect(
			problemsByField([
				{ field: 'summary.vi', message: 'must not be empty' },
				{ field: 'summary.vi', message: 'contains the bidirectional control character U+202E' },
				{ field: 'id', message: 'differs from the record’s id "a"' },
				{ field: 'date', message: 'is not a real calendar date' }
			])
		).toEqual({
			summaryVi: ['must not be empty', 'contains the bidirectional control character U+202E'],
			form: ['id: differs from the record’s id "a"'],
			date: ['is not a real calendar date']
		});
	});
});

describe('roundedPoint', () => {
	it('rounds a click to 6 decimals', () => {
		expect(roundedPoint(46.750222449, 40.3258614999)).toEqual([46.750222, 40.325861]);
	});
});

describe('typedCoordinate', () => {
	it('waits for both coordinates before making a point, inventing neither', () => {
		const first = typedCoordinate(null, [null, null], 0, 46.9);
		expect(first).toEqual({ point: null, pending: [46.9, null] });
		expect(typedCoordinate(first.point, first.pending, 1, 39.8)).toEqual({
			point: [46.9, 39.8],
			pending: [null, null]
		});
	});

	it('changes one coordinate of a placed point; clearing one takes the point away', () => {
		expect(typedCoordinate([46.9, 39.8], [null, null], 1, 40.1).point).toEqual([46.9, 40.1]);
		expect(typedCoordinate([46.9, 39.8], [null, null], 0, Number.NaN)).toEqual({
			point: null,
			pending: [null, 39.8]
		});
	});
});
