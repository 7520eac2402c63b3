import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import {
	assertWindow,
	isValidIn,
	layerFilter,
	layersOutsideWindow,
	validKey,
	windowShowing,
	type TimeWindow
} from './time';
import { LACHIN_CORRIDOR, LINE_OF_CONTACT, NKAO, PEACEKEEPING_ZONE } from './test_fixtures';

function shows(window: TimeWindow, properties: Record<string, unknown>): boolean {
	const filter = featureFilter(layerFilter(window), 'test');
	return filter.filter({ zoom: 8 }, { type: 2, properties } as never);
}

const LOC = LINE_OF_CONTACT.properties;
const ZONE = PEACEKEEPING_ZONE.properties;

describe('layerFilter', () => {
	it('shows the 1994–2020 line during the April 2016 war', () => {
		expect(shows({ from: '2016-04-01', to: '2016-04-05' }, LOC)).toBe(true);
	});

	it('hides the 1994–2020 line in a window after 27 Sep 2020', () => {
		expect(shows({ from: '2020-09-28', to: '2020-12-31' }, LOC)).toBe(false);
		expect(shows({ from: '2020-11-23', to: '2020-11-23' }, LOC)).toBe(false);
	});

	it('counts the last day of validity as valid', () => {
		expect(shows({ from: '2020-09-27', to: '2020-10-10' }, LOC)).toBe(true);
	});

	it('shows the 2020 arrangement in a window after 10 Nov 2020, not before', () => {
		expect(shows({ from: '2020-11-11', to: '2020-12-31' }, ZONE)).toBe(true);
		expect(shows({ from: '2020-11-23', to: '2020-11-23' }, LACHIN_CORRIDOR.properties)).toBe(true);
		expect(shows({ from: '2020-09-27', to: '2020-11-09' }, ZONE)).toBe(false);
		expect(shows({ from: '2023-09-21', to: '2024-01-01' }, ZONE)).toBe(false);
	});

	it('shows both arrangements in a window spanning the 2020 war', () => {
		const window = { from: '2020-01-01', to: '2020-12-31' };
		expect(shows(window, LOC)).toBe(true);
		expect(shows(window, ZONE)).toBe(true);
	});

	it('keeps a feature with no end date (null) from its start on', () => {
		const open = { ...ZONE, valid_to: null };
		expect(shows({ from: '2030-01-01', to: '2030-12-31' }, open)).toBe(true);
		expect(shows({ from: '2019-01-01', to: '2019-12-31' }, open)).toBe(false);
	});

	it('hides the NKAO outline in a 2016 window', () => {
		expect(shows({ from: '2016-04-01', to: '2016-04-05' }, NKAO.properties)).toBe(false);
		expect(shows({ from: '1988-02-20', to: '1988-02-20' }, NKAO.properties)).toBe(true);
	});

	it('agrees with isValidIn on every window of a grid of dates', () => {
		const dates = [
			'1923-07-06',
			'1923-07-07',
			'1991-11-26',
			'1991-11-27',
			'1994-05-12',
			'2016-04-02',
			'2020-09-27',
			'2020-09-28',
			'2020-11-10',
			'2022-08-26',
			'2023-09-20',
			'2023-09-21'
		];
		for (const from of dates) {
			for (const to of dates.filter((d) => d >= from)) {
				for (const feature of [NKAO, LINE_OF_CONTACT, PEACEKEEPING_ZONE, LACHIN_CORRIDOR]) {
					expect(shows({ from, to }, feature.properties)).toBe(
						isValidIn(feature.properties, { from, to })
					);
				}
			}
		}
	});

	it('names the parameter of a bad window', () => {
		expect(() => layerFilter({ from: '2016-4-2', to: '2016-04-05' })).toThrow(
			/window\.from must be an ISO date/
		);
		expect(() => layerFilter({ from: '2016-04-02', to: '' })).toThrow(
			/window\.to must be an ISO date/
		);
		expect(() => assertWindow({ from: '2020-12-01', to: '2020-11-01' })).toThrow(
			/window\.from \(2020-12-01\) is after window\.to \(2020-11-01\)/
		);
	});
});

describe('validKey', () => {
	const features = [NKAO, LINE_OF_CONTACT, PEACEKEEPING_ZONE, LACHIN_CORRIDOR];
	const windows: TimeWindow[] = [
		{ from: '2016-04-01', to: '2016-04-05' },
		{ from: '2016-04-06', to: '2018-01-01' },
		{ from: '2020-09-27', to: '2020-11-10' },
		{ from: '2020-09-28', to: '2020-11-09' },
		{ from: '2020-11-11', to: '2021-01-01' },
		{ from: '2022-09-01', to: '2023-01-01' },
		{ from: '2024-01-01', to: '2024-02-01' }
	];

	it('lists exactly the features the layer filter shows', () => {
		for (const window of windows) {
			const shown = features.filter((f) => shows(window, f.properties)).map((f) => f.properties.id);
			expect(validKey(features, window)).toBe(shown.join('\n'));
		}
	});

	it('is the same for two windows that show the same features, and differs when one appears', () => {
		expect(validKey(features, windows[0])).toBe(validKey(features, windows[1]));
		expect(validKey(features, windows[2])).not.toBe(validKey(features, windows[3]));
		expect(validKey(features, windows[3])).not.toBe(validKey(features, windows[4]));
	});
});

describe('layersOutsideWindow', () => {
	const feature = (valid_from: string, valid_to: string | null) => ({
		properties: { valid_from, valid_to }
	});
	const layer = (
		valid_from: string,
		valid_to: string | null,
		features: ReturnType<typeof feature>[]
	) => ({ layer: { valid_from, valid_to }, features });
	const since = (year: string) => `since ${year}`;
	const window = { from: '2016-04-02', to: '2020-11-23' };

	it('gives a layer without a feature in the window its declared period and the window showing it', () => {
		const nkao = layer('1923-07-07', '1991-11-26', [feature('1923-07-07', '1991-11-26')]);
		expect(layersOutsideWindow({ nkao }, window, since)).toEqual({
			nkao: { period: '1923–1991', window: { from: '1923-07-07', to: '1991-11-26' } }
		});
	});

	it('takes the period from the declaration, not from features that cover only part of it', () => {
		const nkao = layer('1923-07-07', '1991-11-26', [feature('1936-12-05', '1988-02-20')]);
		expect(layersOutsideWindow({ nkao }, window, since).nkao).toEqual({
			period: '1923–1991',
			window: { from: '1923-07-07', to: '1991-11-26' }
		});
	});

	it('says "since" for a layer still valid, one year for a layer valid within one', () => {
		const later = { from: '2000-01-01', to: '2005-01-01' };
		const open = layer('2020-11-10', null, [feature('2020-11-10', null)]);
		const brief = layer('1992-02-26', '1992-12-31', [feature('1992-02-26', '1992-02-26')]);
		expect(layersOutsideWindow({ open, brief }, later, since)).toEqual({
			open: { period: 'since 2020', window: { from: '2020-11-10', to: '2020-11-10' } },
			brief: { period: '1992', window: { from: '1992-02-26', to: '1992-12-31' } }
		});
	});

	it('leaves out a layer with a feature valid in the window, and a layer valid without one', () => {
		const contact = layer('1994-05-12', '2020-11-10', [feature('1994-05-12', '2020-11-10')]);
		expect(layersOutsideWindow({ contact }, window, since)).toEqual({});
		const empty = layer('1994-05-12', null, []);
		expect(layersOutsideWindow({ empty }, window, since)).toEqual({
			empty: { period: 'since 1994', window: { from: '1994-05-12', to: '2020-11-23' } }
		});
	});
});

describe('windowShowing', () => {
	it('is the whole period of a layer that ended', () => {
		const window = { from: '2016-04-02', to: '2020-11-23' };
		const shown = windowShowing({ from: '1923-07-07', to: '1991-11-26' }, window);
		expect(shown).toEqual({ from: '1923-07-07', to: '1991-11-26' });
		expect(isValidIn({ valid_from: '1923-07-07', valid_to: '1991-11-26' }, shown)).toBe(true);
	});

	it('runs from the start of a layer still valid to the window’s end, or its start if later', () => {
		expect(
			windowShowing({ from: '2020-11-10', to: null }, { from: '2016-04-01', to: '2021-01-01' })
		).toEqual({ from: '2020-11-10', to: '2021-01-01' });
		expect(
			windowShowing({ from: '2020-11-10', to: null }, { from: '2016-04-01', to: '2016-04-05' })
		).toEqual({ from: '2020-11-10', to: '2020-11-10' });
	});
});
