import { beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '$lib/data/schema';
import { loadMessages } from '$lib/i18n';
import { claimMax, formatClaimValue, groupClaims } from './claims';

beforeAll(() => loadMessages('vi'));

const claim = (over: Partial<Claim>): Claim => ({
	metric: 'killed',
	value: 1,
	subject: 'Azerbaijani servicemen',
	claimant: 'Ministry of Defence of Russia',
	source_id: 'src-meduza-2020-11-23',
	...over
});

describe('formatClaimValue', () => {
	it('writes exact figures, lower bounds and ranges', () => {
		expect(formatClaimValue(12, 'en')).toBe('12');
		expect(formatClaimValue({ low: 30 }, 'en')).toBe('at least 30');
		expect(formatClaimValue({ low: 30 }, 'vi')).toBe('ít nhất 30');
		expect(formatClaimValue({ low: 30, high: 35 }, 'en')).toBe('30–35');
		expect(formatClaimValue({ low: 4, high: 4 }, 'en')).toBe('4');
	});

	it('puts a best estimate before its range (UCDP low/best/high)', () => {
		expect(formatClaimValue({ low: 20, best: 40, high: 60 }, 'en')).toBe('40 (20–60)');
		expect(formatClaimValue({ low: 20, best: 40 }, 'en')).toBe('40 (at least 20)');
		expect(formatClaimValue({ low: 5, best: 5, high: 5 }, 'en')).toBe('5');
	});

	it('groups thousands as each language does', () => {
		expect(formatClaimValue(1200, 'en')).toBe('1,200');
		expect(formatClaimValue(1200, 'vi')).toBe('1.200');
	});

	it('takes the upper bound as the largest figure', () => {
		expect(claimMax(3)).toBe(3);
		expect(claimMax({ low: 30 })).toBe(30);
		expect(claimMax({ low: 30, high: 35 })).toBe(35);
	});
});

describe('groupClaims', () => {
	it('is empty for no claims', () => {
		expect(groupClaims([])).toEqual([]);
	});

	it('puts the claims of one metric together, keeping the first-seen metric order', () => {
		const groups = groupClaims([
			claim({ metric: 'wounded', subject: 'Russian peacekeepers' }),
			claim({ metric: 'killed' }),
			claim({ metric: 'wounded', subject: 'NK emergency-service workers', value: 4 })
		]);
		expect(groups.map((g) => g.metric)).toEqual(['wounded', 'killed']);
		expect(groups[0].claims.map((c) => c.subject)).toEqual([
			'NK emergency-service workers',
			'Russian peacekeepers'
		]);
		expect(groups.every((g) => !g.differ)).toBe(true);
	});

	it('marks a group where claimants disagree about the same subject', () => {
		const [group] = groupClaims([
			claim({ subject: 'Armenian servicemen', claimant: 'President of Armenia', value: 18 }),
			claim({
				subject: 'Armenian servicemen',
				claimant: 'Ministry of Defence of Azerbaijan',
				value: { low: 100 }
			})
		]);
		expect(group.differ).toBe(true);
		expect(group.claims.map((c) => c.claimant)).toEqual([
			'Ministry of Defence of Azerbaijan',
			'President of Armenia'
		]);
	});

	it('does not call different subjects a disagreement', () => {
		const [group] = groupClaims([
			claim({ subject: 'Azerbaijani servicemen', value: 12 }),
			claim({ subject: 'people on both sides', claimant: 'AFP', value: { low: 30 } })
		]);
		expect(group.differ).toBe(false);
	});

	it('treats "at least 30" and exactly 30 as different claims', () => {
		const [group] = groupClaims([
			claim({ value: 30 }),
			claim({ claimant: 'AFP', value: { low: 30 } })
		]);
		expect(group.differ).toBe(true);
	});
});
