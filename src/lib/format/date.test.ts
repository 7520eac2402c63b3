import { describe, expect, it } from 'vitest';
import {
	addDays,
	formatDate,
	formatDay,
	isIsoDay,
	parseIsoDay,
	formatDayOf,
	formatMoment
} from './date';

describe('formatDate', () => {
	it('says a day as a day', () => {
		expect(formatDate('2016-04-02', 'day', 'en')).toBe('2 Apr 2016');
		expect(formatDate('2016-04-02', 'day', 'vi')).toBe('2 thg 4, 2016');
	});

	it('says no more than the precision the source gives', () => {
		expect(formatDate('2016-04-02', 'month', 'en')).toBe('April 2016');
		expect(formatDate('2016-04-02', 'month', 'vi')).toBe('tháng 4 năm 2016');
		expect(formatDate('2016-04-02', 'year', 'en')).toBe('2016');
		expect(formatDate('2016-04-02', 'year', 'vi')).toBe('năm 2016');
		expect(formatDate('2016-03-28', 'week', 'en')).toBe('week of 28 Mar 2016');
		expect(formatDate('2016-03-28', 'week', 'vi')).toBe('tuần lễ quanh ngày 28 thg 3, 2016');
	});

	it('says a span once, sharing what both ends share', () => {
		expect(formatDate('2016-04-02', 'day', 'en', '2016-04-05')).toBe('2 – 5 Apr 2016');
		expect(formatDate('2016-03-30', 'day', 'en', '2016-04-05')).toBe('30 Mar – 5 Apr 2016');
		expect(formatDate('2016-04-02', 'month', 'en', '2016-04-28')).toBe('April 2016');
		expect(formatDate('2020-09-27', 'day', 'en', '2020-09-27')).toBe('27 Sept 2020');
	});

	it('does not shift the day in any time zone (UTC throughout)', () => {
		expect(formatDay('2020-11-23', 'en')).toBe('23 Nov 2020');
		expect(formatDay('2000-01-01', 'en')).toBe('1 Jan 2000');
	});

	it('names a bad date', () => {
		expect(() => formatDate('2016-02-30', 'day', 'en')).toThrow('"2016-02-30"');
		expect(() => formatDate('April 2016', 'month', 'en')).toThrow('not an ISO date');
	});
});

describe('ISO days', () => {
	it('parses real days only', () => {
		expect(parseIsoDay('2020-11-10').toISOString()).toBe('2020-11-10T00:00:00.000Z');
		expect(isIsoDay('2020-02-29')).toBe(true);
		expect(isIsoDay('2019-02-29')).toBe(false);
		expect(isIsoDay('2020-1-1')).toBe(false);
		expect(isIsoDay('2020-01-01T00:00:00Z')).toBe(false);
		expect(isIsoDay(20200101)).toBe(false);
	});

	it('adds days across months and years', () => {
		expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
		expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
		expect(addDays('2016-04-02', -3)).toBe('2016-03-30');
	});
});

describe('formatMoment and formatDayOf', () => {
	it('say a moment to the minute in UTC, and its day', () => {
		expect(formatMoment('2026-12-06T18:05:59.900Z', 'en')).toBe('6 Dec 2026, 18:05 UTC');
		expect(formatMoment('2026-12-06T23:30:00+02:00', 'vi')).toBe('21:30 6 thg 12, 2026 UTC');
		expect(formatDayOf('2026-12-06T23:59:00-01:00', 'en')).toBe('7 Dec 2026');
	});
});
