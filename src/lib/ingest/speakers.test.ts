import { describe, expect, it } from 'vitest';
import { speakersFromStatements } from './speakers';

const organizations = [
	{ id: 'ru-ministry-of-defence', names: { en: 'Ministry of Defence of the Russian Federation' } },
	{ id: 'un', names: { en: 'United Nations' } }
];

describe('speakers from the data', () => {
	it("names a speaker's organisation from organizations.json by its id", () => {
		const speakers = speakersFromStatements(
			[
				{ speaker: { name: 'Sergei Lavrov', organization_id: 'ru-ministry-of-defence' } },
				{ speaker: { name: 'Someone Else', organization_id: 'no-such-id' } }
			],
			organizations
		);
		expect(speakers.map((s) => [s.name, s.organization])).toEqual([
			['Sergei Lavrov', 'Ministry of Defence of the Russian Federation'],
			['Someone Else', null]
		]);
		expect(speakers[0].aliases).toContain('Lavrov');
	});
});
