import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	claim as claimSchema,
	type FeatureCollectionOf,
	type IncidentFeature
} from '$lib/data/schema';
import {
	claimFormOf,
	claimOfForm,
	emptyClaim,
	splitClaimProblems,
	withClaimsAndStatements
} from './claims_form';

const seed = JSON.parse(
	readFileSync('geodata/incidents.geojson', 'utf8')
) as FeatureCollectionOf<IncidentFeature>;
const seedClaims = seed.features.flatMap((f) => f.properties.claims);

describe('claimOfForm', () => {
	it('gives back every claim of the dataset as it was', () => {
		expect(seedClaims.length).toBeGreaterThan(5);
		for (const claim of seedClaims) expect(claimOfForm(claimFormOf(claim))).toEqual(claim);
	});

	it('makes a single figure, with the source of the statement it comes from', () => {
		const body = claimOfForm(
			{
				...emptyClaim(),
				metric: ' wounded ',
				single: 5,
				subject: 'Russian peacekeeper and emergency workers',
				claimant: 'Ministry of Defence of Russia',
				statementId: 'st-1',
				sourceId: 'ignored-when-the-statement-has-one'
			},
			(id) => (id === 'st-1' ? 'thoidai-2020-11-24' : undefined)
		);
		expect(body).toEqual({
			metric: 'wounded',
			value: 5,
			subject: 'Russian peacekeeper and emergency workers',
			claimant: 'Ministry of Defence of Russia',
			statement_id: 'st-1',
			source_id: 'thoidai-2020-11-24'
		});
		expect(claimSchema.safeParse(body).success).toBe(true);
	});

	it('makes a low/best/high range, leaving out an empty best or high', () => {
		const form = { ...emptyClaim(), shape: 'range' as const, low: 30, best: 45, high: 60 };
		expect(claimOfForm(form).value).toEqual({ low: 30, best: 45, high: 60 });
		expect(claimOfForm({ ...form, best: null, high: null }).value).toEqual({ low: 30 });
		expect(claimOfForm({ ...emptyClaim(), sourceId: 'src' })).toMatchObject({ source_id: 'src' });
	});

	it('sends an empty figure as null, for the API to name it', () => {
		expect(claimOfForm(emptyClaim()).value).toBeNull();
		expect(claimOfForm({ ...emptyClaim(), shape: 'range' }).value).toEqual({ low: null });
		expect(claimSchema.safeParse(claimOfForm(emptyClaim())).success).toBe(false);
	});
});

describe('splitClaimProblems', () => {
	it('places each claim problem at its claim and field, and leaves the others', () => {
		const { claims, rest } = splitClaimProblems([
			{ field: 'claims[1].value.best', message: '60 is above high 50: must be low ≤ best ≤ high' },
			{ field: 'claims[0].value', message: 'Invalid input' },
			{ field: 'claims[0].metric', message: 'must not be empty' },
			{ field: 'claims[0].statement_id', message: '"st-x" does not exist' },
			{ field: 'claims[2]', message: 'is missing' },
			{ field: 'title.vi', message: 'must not be empty' }
		]);
		expect(claims).toEqual({
			0: {
				value: ['Invalid input'],
				metric: ['must not be empty'],
				statement_id: ['"st-x" does not exist']
			},
			1: { 'value.best': ['60 is above high 50: must be low ≤ best ≤ high'] },
			2: { metric: ['claims[2]: is missing'] }
		});
		expect(rest).toEqual([{ field: 'title.vi', message: 'must not be empty' }]);
	});
});

describe('withClaimsAndStatements', () => {
	it('replaces the claims and statements of the body, nothing else', () => {
		const body = {
			type: 'Feature',
			properties: { id: 'x', claims: [{ a: 1 }], statement_ids: ['s'] }
		};
		expect(withClaimsAndStatements(body, [{ b: 2 }], ['t'])).toEqual({
			type: 'Feature',
			properties: { id: 'x', claims: [{ b: 2 }], statement_ids: ['t'] }
		});
		expect(body.properties.claims).toEqual([{ a: 1 }]);
	});
});
