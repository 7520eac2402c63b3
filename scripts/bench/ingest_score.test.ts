import { describe, expect, it } from 'vitest';
import type { Proposals } from '../../src/lib/ingest/types';
import { locate, sameClaimant, score } from './ingest_score';

const empty: Proposals = { places: [], dates: [], claims: [], statements: [], incidents: [] };

describe('ingest scoring', () => {
	it('matches a statement on speaker and overlapping range, not on either alone', () => {
		const p: Proposals = {
			...empty,
			statements: [
				{
					start: 0,
					end: 10,
					speaker: 'John Kerry',
					organization: null,
					via: null,
					form: 'reported',
					text: ''
				},
				{
					start: 0,
					end: 10,
					speaker: 'Sergei Lavrov',
					organization: null,
					via: null,
					form: 'reported',
					text: ''
				},
				{
					start: 20,
					end: 30,
					speaker: 'John Kerry',
					organization: null,
					via: null,
					form: 'reported',
					text: ''
				}
			]
		};
		const s = score(p, {
			places: [],
			dates: [],
			claims: [],
			statements: [{ speaker: 'John Kerry', start: 5, end: 15 }]
		});
		expect(s.statements).toEqual({ correct: 1, proposed: 3, found: 1, gold: 1 });
	});

	it('matches a claim on metric, value and claimant', () => {
		const claim = { start: 0, end: 1, subject: 'x', statement: null, text: '' };
		const p: Proposals = {
			...empty,
			claims: [
				{ ...claim, metric: 'killed', value: { low: 30 }, claimant: 'AFP' },
				{ ...claim, metric: 'killed', value: 30, claimant: 'AFP' },
				{ ...claim, metric: 'wounded', value: 18, claimant: 'Serzh Sargsyan' }
			]
		};
		const gold = [
			{ metric: 'killed', value: { low: 30 }, claimant: 'AFP' },
			{ metric: 'wounded', value: 18, claimant: 'Serzh Sargsyan, President of Armenia' }
		];
		expect(score(p, { places: [], dates: [], claims: gold, statements: [] }).claims).toEqual({
			correct: 2,
			proposed: 3,
			found: 2,
			gold: 2
		});
		expect(sameClaimant('AFP', 'Ministry of Defence of Russia')).toBe(false);
	});

	it('locates a curated quote across a line break', () => {
		const text = 'Intro.\nFirst line.\nSecond  line. Outro.';
		const at = locate(text, 'First line. Second line.')!;
		expect(text.slice(at.start, at.end)).toBe('First line.\nSecond  line.');
		expect(locate(text, 'missing')).toBeNull();
	});
});
