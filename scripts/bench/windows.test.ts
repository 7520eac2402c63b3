import { describe, expect, it } from 'vitest';
import { countInWindow, fullWindow, parseCount, pickWindows, type Span } from './windows';

const MADAGIZ_2020: Span = { date: '2020-11-23' };
const APRIL_WAR_2016: Span = { date: '2016-04-02', date_end: '2016-04-05' };
const YEAR_2018: Span = { date: '2018-01-01', date_end: '2018-12-31' };
const spans = [MADAGIZ_2020, APRIL_WAR_2016, YEAR_2018];

describe('countInWindow', () => {
	it('counts spans overlapping the window, ends inclusive', () => {
		expect(countInWindow(spans, { from: '2016-04-05', to: '2016-04-05' })).toBe(1);
		expect(countInWindow(spans, { from: '2016-04-06', to: '2017-12-31' })).toBe(0);
		expect(countInWindow(spans, { from: '2018-06-01', to: '2020-11-23' })).toBe(2);
	});
});

describe('fullWindow', () => {
	it('runs from the earliest start to the latest end', () => {
		expect(fullWindow(spans)).toEqual({ from: '2016-04-02', to: '2020-11-23' });
	});

	it('refuses an empty dataset', () => {
		expect(() => fullWindow([])).toThrow(/no incidents/);
	});
});

describe('pickWindows', () => {
	const many: Span[] = Array.from({ length: 500 }, (_, i) => ({
		date: new Date(Date.UTC(1994, 0, 1) + i * 21 * 86_400_000).toISOString().slice(0, 10)
	}));

	it('gives n windows inside the data range whose expected counts change each time', () => {
		const windows = pickWindows(many, 20);
		expect(windows).toHaveLength(20);
		const all = fullWindow(many);
		let previous = many.length;
		for (const { window, expected } of windows) {
			expect(window.from <= window.to).toBe(true);
			expect(window.from >= all.from && window.to <= all.to).toBe(true);
			expect(expected).toBe(countInWindow(many, window));
			expect(expected).not.toBe(previous);
			previous = expected;
		}
	});

	it('is deterministic for a seed', () => {
		expect(pickWindows(many, 5, 3)).toEqual(pickWindows(many, 5, 3));
	});

	it('gives up rather than loop when counts cannot change', () => {
		expect(pickWindows([MADAGIZ_2020], 5)).toEqual([]);
	});
});

describe('parseCount', () => {
	it('reads the first number of a count label, with English or Vietnamese grouping', () => {
		expect(parseCount('7 incidents')).toBe(7);
		expect(parseCount('10,000 incidents')).toBe(10_000);
		expect(parseCount('1.234 sự kiện')).toBe(1234);
		expect(parseCount('Showing 12 of 40')).toBe(12);
		expect(parseCount('12 / 40')).toBe(12);
	});

	it('is null without a number', () => {
		expect(parseCount('no incidents')).toBeNull();
		expect(parseCount(null)).toBeNull();
	});
});
