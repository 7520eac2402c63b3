import { describe, expect, it } from 'vitest';
import { exportFileName } from './filename';

describe('exportFileName', () => {
	it('names an unfiltered export "all"', () => {
		expect(exportFileName({}, 'geojson')).toBe('incident-atlas_all.geojson');
		expect(exportFileName({ types: [], actors: [], q: '  ' }, 'kml')).toBe(
			'incident-atlas_all.kml'
		);
	});

	it('puts the window and the types in the name', () => {
		expect(
			exportFileName({ from: '2016-04-01', to: '2016-04-05', types: ['Battles'] }, 'geojson')
		).toBe('incident-atlas_2016-04-01_2016-04-05_battles.geojson');
		expect(exportFileName({ from: '2020-01-01' }, 'csv')).toBe(
			'incident-atlas_from-2020-01-01.csv'
		);
		expect(exportFileName({ to: '2020-01-01' }, 'csv')).toBe('incident-atlas_to-2020-01-01.csv');
		expect(exportFileName({ types: ['Explosions/Remote violence', 'Battles'] }, 'kml')).toBe(
			'incident-atlas_explosions-remote-violence-battles.kml'
		);
	});

	it('adds actors, search words, bbox and what, folded to ASCII', () => {
		expect(
			exportFileName(
				{
					actors: ['Military Forces of Azerbaijan (2003-)'],
					q: 'Tərtər',
					bbox: [46, 40, 47, 41]
				},
				'csv',
				'statements'
			)
		).toBe('incident-atlas_military-forces-of-azerbaijan-2003_q-terter_bbox_statements.csv');
		expect(exportFileName({ actors: ['A', 'B', 'C'] }, 'csv')).toBe('incident-atlas_3-actors.csv');
		expect(exportFileName({}, 'geojson', '2020-11-23-madagiz-mine')).toBe(
			'incident-atlas_2020-11-23-madagiz-mine.geojson'
		);
	});

	it('never lets path separators, quotes or non-ASCII through, and stays short', () => {
		const name = exportFileName(
			{ q: '../../etc/passwd "Մատաղիս" ' + 'x'.repeat(300), actors: ['Մատաղիս'] },
			'geojson',
			'<b>/\\'
		);
		expect(name).toMatch(/^[a-z0-9._-]+$/);
		expect(name.length).toBeLessThanOrEqual(158);
		expect(name.startsWith('incident-atlas_1-actors_q-etc-passwd-')).toBe(true);
		expect(name.endsWith('.geojson')).toBe(true);
	});
});
