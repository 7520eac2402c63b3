import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IncidentFeature, Organization } from '../data/schema';
import {
	ACTOR_ID_SHAPE,
	ActorMatcher,
	actorNameKey,
	actorEnglishName,
	actorName,
	actorNames,
	actorOrganization,
	actorProblem,
	actorSelection,
	knownActor
} from './actors';

const ORGANIZATIONS: Organization[] = [
	{
		id: 'azerbaijan',
		kind: 'state',
		names: { en: 'Republic of Azerbaijan', vi: 'Cộng hòa Azerbaijan' }
	},
	{
		id: 'az-armed-forces',
		kind: 'armed-force',
		state: 'azerbaijan',
		names: { en: 'Armed Forces of Azerbaijan', vi: 'Lực lượng vũ trang Azerbaijan' }
	},
	{ id: 'nk-defence-army', kind: 'armed-force', names: { en: 'Nagorno-Karabakh Defence Army' } }
];
const byId = new Map(ORGANIZATIONS.map((o) => [o.id, o]));
const ids = new Set(byId.keys());

describe('actor resolution', () => {
	it('resolves an id to its organisation, and leaves a free-text name unresolved', () => {
		expect(actorOrganization('az-armed-forces', byId)?.kind).toBe('armed-force');
		expect(actorOrganization('Military Forces of Armenia (2018-)', byId)).toBeUndefined();
		expect(actorNames('Military Forces of Armenia (2018-)', byId)).toEqual({
			en: 'Military Forces of Armenia (2018-)'
		});
	});

	it('shows an organisation by its Vietnamese name on a Vietnamese page', () => {
		expect(actorName('az-armed-forces', byId, 'vi')).toEqual({
			text: 'Lực lượng vũ trang Azerbaijan',
			lang: undefined
		});
		expect(actorName('az-armed-forces', byId, 'en')).toEqual({
			text: 'Armed Forces of Azerbaijan',
			lang: undefined
		});
	});

	it('falls back to the English, marked as English, where the record or the entry has no Vietnamese', () => {
		expect(actorName('nk-defence-army', byId, 'vi')).toEqual({
			text: 'Nagorno-Karabakh Defence Army',
			lang: 'en'
		});
		expect(actorName('Civilians (Azerbaijan)', byId, 'vi')).toEqual({
			text: 'Civilians (Azerbaijan)',
			lang: 'en'
		});
		expect(actorName('Civilians (Azerbaijan)', byId, 'en').lang).toBeUndefined();
	});

	it('writes the English name for the exports, the free text as it is', () => {
		expect(actorEnglishName('az-armed-forces', byId)).toBe('Armed Forces of Azerbaijan');
		expect(actorEnglishName('Unidentified Armed Group (Azerbaijan)', byId)).toBe(
			'Unidentified Armed Group (Azerbaijan)'
		);
	});
});

describe('actorProblem', () => {
	it('allows an organisation id and any entry that is not shaped like one', () => {
		for (const entry of [
			'az-armed-forces',
			'Military Forces of Azerbaijan (2003-)',
			'Civilians (Nagorno-Karabakh)',
			'Hamas',
			'police forces',
			'12th Motor Rifle Brigade'
		])
			expect(actorProblem(entry, ids), entry).toBeNull();
	});

	it('refuses an id-shaped entry that names no organisation', () => {
		expect(actorProblem('az-armed-force', ids)).toMatch(
			/^"az-armed-force" is not the id of an organisation in organizations.json/
		);
		expect(actorProblem('police', ids)).not.toBeNull();
	});

	it('calls id-shaped exactly the lower-case letters and digits joined by single hyphens', () => {
		for (const entry of ['un', 'az-armed-forces', 'unit-2', '2nd-corps'])
			expect(ACTOR_ID_SHAPE.test(entry), entry).toBe(true);
		for (const entry of ['UN', 'az--army', '-az', 'az-', 'az army', 'quân-đội', 'az_army', ''])
			expect(ACTOR_ID_SHAPE.test(entry), entry).toBe(false);
	});
});

describe('actorSelection', () => {
	it('selects an organisation by its id, its English name and its Vietnamese name', () => {
		for (const value of [
			'az-armed-forces',
			'Armed Forces of Azerbaijan',
			'Lực lượng vũ trang Azerbaijan'
		])
			expect(actorSelection([value], ORGANIZATIONS).has('az-armed-forces'), value).toBe(true);
	});

	it('selects a free-text actor by its text only', () => {
		const selected = actorSelection(['Civilians (Azerbaijan)'], ORGANIZATIONS);
		expect([...selected]).toEqual(['Civilians (Azerbaijan)']);
	});
});

describe('knownActor', () => {
	const entries = ['az-armed-forces', 'Civilians (Azerbaijan)'];
	it('reads a URL value as the entry it names, by id, by any name, or as free text', () => {
		expect(knownActor('az-armed-forces', entries, byId)).toBe('az-armed-forces');
		expect(knownActor('Armed Forces of Azerbaijan', entries, byId)).toBe('az-armed-forces');
		expect(knownActor('Lực lượng vũ trang Azerbaijan', entries, byId)).toBe('az-armed-forces');
		expect(knownActor('Civilians (Azerbaijan)', entries, byId)).toBe('Civilians (Azerbaijan)');
		expect(knownActor('Nagorno-Karabakh Defence Army', entries, byId)).toBeUndefined();
	});
});

describe('ActorMatcher (an import matching names to organisations)', () => {
	const matcher = new ActorMatcher(ORGANIZATIONS);

	it('turns a name, in English or in Vietnamese, into the id of its organisation', () => {
		expect(matcher.match('Armed Forces of Azerbaijan')).toBe('az-armed-forces');
		expect(matcher.match('Lực lượng vũ trang Azerbaijan')).toBe('az-armed-forces');
		expect(matcher.match('Republic of Azerbaijan')).toBe('azerbaijan');
		expect(matcher.match('az-armed-forces')).toBe('az-armed-forces');
	});

	it('compares after NFC, trimming, collapsing white space and ignoring case', () => {
		// The Vietnamese name decomposed (NFD), as macOS file names and some exports write it.
		const decomposed = 'Lực lượng vũ trang Azerbaijan'.normalize('NFD');
		expect(decomposed).not.toBe('Lực lượng vũ trang Azerbaijan');
		expect(matcher.match(decomposed)).toBe('az-armed-forces');
		expect(matcher.match('  armed\u00a0FORCES \t of  azerbaijan ')).toBe('az-armed-forces');
		expect(matcher.match('LỰC LƯỢNG VŨ TRANG AZERBAIJAN')).toBe('az-armed-forces');
		expect(actorNameKey(' A\u0301  b ')).toBe('á b');
	});

	it('keeps a near miss as the free text it was', () => {
		for (const name of [
			'Armed Forces of Azerbaijan (2003-)',
			'Military Forces of Azerbaijan (2003-)',
			'Armed Forces of Azerbaijan.',
			'Armed Forces of Azerbaijn',
			'Luc luong vu trang Azerbaijan',
			'az-armed-force',
			''
		])
			expect(matcher.match(name), name).toBe(name);
	});

	it('keeps a name two organisations share as free text, whatever their order', () => {
		const shared: Organization[] = [
			...ORGANIZATIONS,
			{
				id: 'az-army',
				kind: 'armed-force',
				names: { en: 'Azerbaijani Land Forces', vi: 'Lực lượng vũ trang Azerbaijan' }
			}
		];
		for (const list of [shared, [...shared].reverse()]) {
			const m = new ActorMatcher(list);
			expect(m.match('Lực lượng vũ trang Azerbaijan')).toBe('Lực lượng vũ trang Azerbaijan');
			// Each one's other names still name it.
			expect(m.match('Armed Forces of Azerbaijan')).toBe('az-armed-forces');
			expect(m.match('Azerbaijani Land Forces')).toBe('az-army');
		}
		// One organisation giving the same name in two languages is not ambiguous.
		const same = new ActorMatcher([
			{ id: 'icrc', names: { en: 'ICRC', vi: 'ICRC' } },
			{ id: 'un', names: { en: 'United Nations' } }
		]);
		expect(same.match('icrc')).toBe('icrc');
		expect(same.match('ICRC')).toBe('icrc');
	});

	it('matches every entry of an incident, listing an organisation named twice once', () => {
		expect(
			matcher.entries([
				'Armed Forces of Azerbaijan',
				'Civilians (Azerbaijan)',
				'Lực lượng vũ trang Azerbaijan',
				'Nagorno-Karabakh Defence Army',
				'Civilians (Azerbaijan)'
			])
		).toEqual([
			'az-armed-forces',
			'Civilians (Azerbaijan)',
			'nk-defence-army',
			'Civilians (Azerbaijan)'
		]);
		expect(new ActorMatcher([]).entries(['Armed Forces of Azerbaijan'])).toEqual([
			'Armed Forces of Azerbaijan'
		]);
	});
});

describe('the shipped dataset', () => {
	const organizations = JSON.parse(
		readFileSync('geodata/organizations.json', 'utf8')
	) as Organization[];
	const incidents = (
		JSON.parse(readFileSync('geodata/incidents.geojson', 'utf8')) as {
			features: IncidentFeature[];
		}
	).features;
	const shipped = new Map(organizations.map((o) => [o.id, o]));

	it('names every actor by an organisation that has a Vietnamese name', () => {
		const actors = [...new Set(incidents.flatMap((f) => f.properties.actors))];
		expect(actors.length).toBeGreaterThan(0);
		expect(actors.filter((a) => !shipped.get(a)?.names.vi)).toEqual([]);
	});

	it('shows readers the names they saw when the Vietnamese lived in code', () => {
		expect(actorName('nk-emergency-service', shipped, 'vi').text).toBe(
			'Cơ quan Tình trạng khẩn cấp Nagorno-Karabakh'
		);
		expect(actorName('ru-peacekeeping-contingent', shipped, 'en').text).toBe(
			'Russian peacekeeping contingent'
		);
		expect(actorName('nk-civilians', shipped, 'vi').text).toBe('Dân thường (Nagorno-Karabakh)');
	});
});
