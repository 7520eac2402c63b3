import { describe, expect, it } from 'vitest';
import type { Organization, Statement } from '../data/schema';
import { attributionText, groupOrganizations, organizationName } from './speech';

const org = (
	id: string,
	kind: Organization['kind'],
	en: string,
	extra: Partial<Organization> = {}
) => ({ id, kind, names: { en }, ...extra }) as Organization;

const ORGS = [
	org('russia', 'state', 'Russian Federation', {
		names: { en: 'Russian Federation', vi: 'Liên bang Nga' }
	}),
	org('ru-government', 'government', 'Government of the Russian Federation', { state: 'russia' }),
	org('ru-ministry-of-defence', 'ministry', 'Ministry of Defence of the Russian Federation', {
		state: 'russia'
	}),
	org('azerbaijan', 'state', 'Republic of Azerbaijan'),
	org('az-ministry-of-defence', 'ministry', 'Ministry of Defence of the Republic of Azerbaijan', {
		state: 'azerbaijan'
	}),
	org('un', 'international', 'United Nations', {
		names: { en: 'United Nations', vi: 'Liên hợp quốc' }
	}),
	org('eu', 'international', 'European Union')
];
const ALL = new Map(ORGS.map((o) => [o.id, o]));
const ids = (groups: ReturnType<typeof groupOrganizations>) =>
	groups.map((g) => [g.state?.id ?? null, g.members.map((m) => m.id)]);

describe('organizationName', () => {
	it('gives the name in the language asked for, else English, else the id', () => {
		expect(organizationName(ALL, 'un', 'vi')).toBe('Liên hợp quốc');
		expect(organizationName(ALL, 'eu', 'vi')).toBe('European Union');
		expect(organizationName(ALL, 'un')).toBe('United Nations');
		expect(organizationName(ALL, 'nobody', 'en')).toBe('nobody');
	});
});

describe('groupOrganizations', () => {
	it('lists each organisation once, under its state, the state first, no-state group last', () => {
		const listed = [ALL.get('un')!, ...ORGS, ALL.get('ru-government')!];
		expect(ids(groupOrganizations(listed, ALL))).toEqual([
			['azerbaijan', ['azerbaijan', 'az-ministry-of-defence']],
			['russia', ['russia', 'ru-government', 'ru-ministry-of-defence']],
			[null, ['eu', 'un']]
		]);
	});

	it('names a group by its state even where the state itself never speaks', () => {
		const listed = [ALL.get('ru-ministry-of-defence')!, ALL.get('ru-government')!];
		const [group] = groupOrganizations(listed, ALL);
		expect(group.state?.id).toBe('russia');
		expect(group.members.map((m) => m.id)).toEqual(['ru-government', 'ru-ministry-of-defence']);
	});

	it('is empty for no organisations', () => {
		expect(groupOrganizations([], ALL)).toEqual([]);
	});
});

describe('attributionText', () => {
	const statement = (form: Statement['form']) =>
		({
			id: 'st',
			form,
			speaker: { name: 'John Kerry', role: 'Secretary of State', organization_id: 'x' },
			source_id: 'dantocmiennui-2016-04'
		}) as Statement;

	it('puts "As reported by <publisher>" before reported speech, the speaker as its subject', () => {
		expect(
			attributionText(statement('reported'), 'Dân tộc & Miền núi', 'US Department of State')
		).toBe(
			"As reported by Dân tộc & Miền núi: John Kerry (Secretary of State, US Department of State), in the outlet's words, not the speaker's"
		);
	});

	it('gives direct speech as the speaker’s words, never "As reported by"', () => {
		const text = attributionText(
			statement('direct'),
			'Dân tộc & Miền núi',
			'US Department of State'
		);
		expect(text).toBe(
			"John Kerry (Secretary of State, US Department of State), in the speaker's words as quoted by Dân tộc & Miền núi"
		);
		expect(text).not.toContain('As reported by');
	});

	it('names the source by id where its record is missing', () => {
		expect(attributionText(statement('reported'), undefined, 'X')).toMatch(
			/^As reported by source dantocmiennui-2016-04:/
		);
	});
});
