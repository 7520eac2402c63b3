import { describe, expect, it } from 'vitest';
import { fixtureDir, readDir } from '../../../tests/fixtures/dataset_reader';
import { validateDataset, withListing } from './validate';
import { claimValue, draftIncidentFeature, incidentFeature, isCalendarDate } from './schema';

const base = readDir(fixtureDir('valid-min'));
const incidents = JSON.parse(base('incidents.geojson')!);
const sources = JSON.parse(base('sources.json')!);
const places = JSON.parse(base('places.geojson')!);
const incident = 'incidents.geojson: features[0] (2020-11-23-madagiz-mine)';

/** valid-min with one file replaced by `value`. */
function validateWith(path: string, value: unknown) {
	return validateDataset(withListing((p) => (p === path ? JSON.stringify(value) : base(p)), base))
		.errors;
}

function withFirstIncident(change: (p: Record<string, unknown>) => void) {
	const copy = structuredClone(incidents);
	change(copy.features[0].properties);
	return copy;
}

describe('claim values', () => {
	it('take a number, a lower bound, a range, and a range with a best estimate', () => {
		for (const value of [3, { low: 30 }, { low: 30, high: 35 }, { low: 20, best: 40, high: 60 }])
			expect(claimValue.safeParse(value).success).toBe(true);
		expect(claimValue.safeParse({ low: 20, best: 20 }).success).toBe(true);
	});

	it('refuse best above high or below low, naming the field', () => {
		const above = withFirstIncident((p) => {
			(p.claims as { value: unknown }[])[0].value = { low: 20, best: 70, high: 60 };
		});
		expect(validateWith('incidents.geojson', above)).toEqual([
			`${incident}: claims[0].value.best 70 is above high 60: must be low ≤ best ≤ high`
		]);
		const below = withFirstIncident((p) => {
			(p.claims as { value: unknown }[])[0].value = { low: 20, best: 10 };
		});
		expect(validateWith('incidents.geojson', below)).toEqual([
			`${incident}: claims[0].value.best 10 is below low 20: must be low ≤ best ≤ high`
		]);
	});
});

describe('external ids', () => {
	it('are accepted on incidents and places', () => {
		const withIds = withFirstIncident((p) => {
			p.external_ids = { acled: 'AZE1234', ucdp: '345678' };
		});
		expect(validateWith('incidents.geojson', withIds)).toEqual([]);
		const place = structuredClone(places);
		place.features[0].properties.external_ids = { geonames: '147425', wikidata: 'Q2042469' };
		expect(validateWith('places.geojson', place)).toEqual([]);
	});

	it('refuse a malformed Wikidata id and an unknown dataset', () => {
		const place = structuredClone(places);
		place.features[0].properties.external_ids = { wikidata: '2042469', osm: '1' };
		const errors = validateWith('places.geojson', place);
		expect(errors).toHaveLength(2);
		expect(errors.join('\n')).toMatch(
			/external_ids\.wikidata must be a Wikidata item id \(Q followed by digits\)/
		);
		expect(errors.join('\n')).toMatch(/external_ids has an id of an unknown dataset \(osm\)/);
	});
});

describe('sources without a URL', () => {
	const citation = {
		id: 'acled-arm1234-1',
		publisher: 'Armenpress',
		title: 'Armenpress, cited by ACLED for event ARM1234',
		published: '2020-11-23',
		language: 'und',
		kind: 'dataset citation'
	};

	it('are allowed for a dataset citation only', () => {
		expect(validateWith('sources.json', [...sources, citation])).toEqual([]);
		const errors = validateWith('sources.json', [
			...sources,
			{ ...citation, kind: 'news article' }
		]);
		expect(errors).toEqual([
			'sources.json: [2] (acled-arm1234-1): url is missing: only a source of kind "dataset citation" may have no URL'
		]);
	});

	it('still follow the citing rules when a dataset citation has a URL', () => {
		const errors = validateWith('sources.json', [
			...sources,
			{ ...citation, url: 'https://web.archive.org/web/2020/https://armenpress.am/' }
		]);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^sources\.json: \[2\] \(acled-arm1234-1\): url /);
	});
});

describe('texts in several languages', () => {
	const meta = JSON.parse(base('meta.json')!);

	it('need English only; the dataset names the languages a published incident must also have', () => {
		const draft = structuredClone(incidents.features[0]);
		delete draft.properties.title.vi;
		delete draft.properties.summary.vi;
		expect(draftIncidentFeature.safeParse(draft).success).toBe(true);
		expect(incidentFeature.safeParse(draft).success).toBe(true);
		const copy = structuredClone(incidents);
		copy.features[0] = draft;
		expect(meta.languages).toEqual(['en', 'vi']);
		expect(validateWith('incidents.geojson', copy)).toEqual([
			`${incident}: title.vi is missing`,
			`${incident}: summary.vi is missing`
		]);
		// A dataset published in English alone takes it.
		const english = validateDataset(
			withListing(
				(p) =>
					p === 'incidents.geojson'
						? JSON.stringify(copy)
						: p === 'meta.json'
							? JSON.stringify({ ...meta, languages: ['en'] })
							: base(p),
				base
			)
		);
		expect(english.errors).toEqual([]);
		// The editing API checks a draft without the languages rule; the rest still applies.
		const asDraft = (files: unknown) =>
			validateDataset(
				withListing((p) => (p === 'incidents.geojson' ? JSON.stringify(files) : base(p)), base),
				'',
				{ requireLanguages: false }
			).errors;
		expect(asDraft(copy)).toEqual([]);
		delete copy.features[0].properties.title.en;
		expect(asDraft(copy)).toEqual([`${incident}: title.en is missing`]);
		expect(validateWith('incidents.geojson', copy)).toContain(`${incident}: title.en is missing`);
	});

	it('keep every language given, keyed by language tag, and refuse a key that is not one', () => {
		const title = { ...incidents.features[0].properties.title, ru: 'Взрыв мины у Мадагиза' };
		const parsed = incidentFeature.parse(withFirstIncident((p) => (p.title = title)).features[0]);
		expect(parsed.properties.title).toEqual(title);
		expect(
			validateWith(
				'incidents.geojson',
				withFirstIncident((p) => (p.summary = { ...(p.summary as object), Russian: 'x', ru: '' }))
			)
		).toEqual([
			`${incident}: summary.ru must not be empty`,
			`${incident}: summary.Russian is not a language tag: a text's languages are BCP 47 tags such as "en", "vi", "ru"`
		]);
		expect(validateWith('meta.json', { ...meta, languages: ['en', 'Vietnamese'] })).toEqual([
			'meta.json: languages[1] must be a language tag (BCP 47)'
		]);
	});
});

describe('isCalendarDate', () => {
	/** The round trip through `Date` it stands for. */
	const byDate = (s: string) => {
		const d = new Date(`${s}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
	};
	const pad = (n: number, width: number) => String(n).padStart(width, '0');

	it('agrees with the Date round trip on every month and day of leap and common years', () => {
		const years = [0, 1, 4, 100, 200, 400, 1600, 1900, 1994, 2000, 2001, 2023, 2024, 2100, 9999];
		// Forty more, spread over 0000–9999 (a fixed stride, so the test is the same each run).
		for (let i = 0; i < 40; i++) years.push((i * 2477 + 13) % 10000);
		for (const year of years)
			for (let month = 0; month <= 13; month++)
				for (let day = 0; day <= 32; day++) {
					const s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
					expect(isCalendarDate(s), s).toBe(byDate(s));
				}
	});

	it('asks Date about any other string', () => {
		for (const s of ['', '2023-2-01', '20230201', '+02023-02-01', '2023-02-01T00:00', 'x'])
			expect(isCalendarDate(s), s).toBe(byDate(s));
	});
});
