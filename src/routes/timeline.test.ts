import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	DAY_MS,
	MIN_SPAN,
	binDays,
	brushWindow,
	countDays,
	dayOf,
	dayTime,
	daysBetween,
	paddedExtent,
	panSpan,
	playStart,
	playStep,
	resizeWindow,
	shiftWindow,
	snapDay,
	windowSpan,
	zoomSpan,
	tickFormatter,
	tickUnit,
	timeScale
} from './timeline';

const SPAN = { from: '2016-04-01', to: '2020-11-30' };

describe('days', () => {
	it('converts between ISO days and times', () => {
		expect(dayOf(dayTime('2020-11-23'))).toBe('2020-11-23');
		expect(dayOf(dayTime('2020-11-23') + 11 * 3_600_000)).toBe('2020-11-23');
		expect(dayOf(dayTime('2020-11-23') + 13 * 3_600_000)).toBe('2020-11-24');
		expect(daysBetween('2016-04-02', '2016-04-05')).toBe(3);
	});
});

describe('moving the window', () => {
	it('shifts keeping its length', () => {
		expect(shiftWindow({ from: '2016-04-02', to: '2016-04-05' }, 10, SPAN)).toEqual({
			from: '2016-04-12',
			to: '2016-04-15'
		});
	});

	it('stops at either end of the span', () => {
		expect(shiftWindow({ from: '2016-04-02', to: '2016-04-05' }, -10, SPAN)).toEqual({
			from: '2016-04-01',
			to: '2016-04-04'
		});
		expect(shiftWindow({ from: '2020-11-20', to: '2020-11-25' }, 30, SPAN)).toEqual({
			from: '2020-11-25',
			to: '2020-11-30'
		});
	});

	it('resizes one edge without crossing the other or leaving the span', () => {
		const w = { from: '2016-04-02', to: '2016-04-05' };
		expect(resizeWindow(w, 'to', '2019-12-31', SPAN)).toEqual({
			from: '2016-04-02',
			to: '2019-12-31'
		});
		expect(resizeWindow(w, 'from', '2016-05-01', SPAN)).toEqual({
			from: '2016-04-05',
			to: '2016-04-05'
		});
		expect(resizeWindow(w, 'to', '2016-01-01', SPAN)).toEqual({
			from: '2016-04-02',
			to: '2016-04-02'
		});
		expect(resizeWindow(w, 'from', '2010-01-01', SPAN)).toEqual({
			from: '2016-04-01',
			to: '2016-04-05'
		});
	});
});

describe('day snapping', () => {
	const at = (iso: string, hours: number) => dayTime(iso) + hours * 3_600_000;

	it('gives the day a time falls in, from its first to its last millisecond', () => {
		expect(snapDay(at('2016-04-02', 0))).toBe('2016-04-02');
		expect(snapDay(at('2016-04-02', 13))).toBe('2016-04-02');
		expect(snapDay(at('2016-04-03', 0) - 1)).toBe('2016-04-02');
		expect(snapDay(at('1923-07-07', 23))).toBe('1923-07-07');
	});

	it('makes a brush cover the days under both its ends, dragged either way', () => {
		const april = { from: '2016-04-02', to: '2016-04-05' };
		expect(brushWindow(at('2016-04-02', 11), at('2016-04-05', 14))).toEqual(april);
		expect(brushWindow(at('2016-04-05', 23), at('2016-04-02', 1))).toEqual(april);
		expect(brushWindow(at('2016-04-02', 3), at('2016-04-02', 20))).toEqual({
			from: '2016-04-02',
			to: '2016-04-02'
		});
	});
});

describe('the visible span', () => {
	const LIMITS = windowSpan({ from: '2016-01-01', to: '2016-12-31' });

	it('opens on the data’s days padded either side by a share of their length, at least a day', () => {
		expect(paddedExtent({ from: '2016-04-02', to: '2020-11-23' })).toEqual({
			from: '2016-02-11',
			to: '2021-01-13'
		});
		expect(paddedExtent({ from: '2016-04-02', to: '2016-04-02' })).toEqual({
			from: '2016-04-01',
			to: '2016-04-03'
		});
		expect(windowSpan({ from: '2016-04-02', to: '2016-04-05' })).toEqual([
			dayTime('2016-04-02'),
			dayTime('2016-04-06')
		]);
	});

	it('zooms about a time that keeps its place', () => {
		const at = dayTime('2016-04-01');
		const [a, b] = zoomSpan(LIMITS, 0.5, at, LIMITS);
		expect(b - a).toBeCloseTo((LIMITS[1] - LIMITS[0]) / 2);
		// The share of the span left of the anchor is unchanged.
		expect((at - a) / (b - a)).toBeCloseTo((at - LIMITS[0]) / (LIMITS[1] - LIMITS[0]));
	});

	it('zooms in no further than a week and out no further than the limits', () => {
		const week = zoomSpan(LIMITS, 0.0001, dayTime('2016-06-15'), LIMITS);
		expect(week[1] - week[0]).toBe(MIN_SPAN);
		expect(zoomSpan(week, 1e6, dayTime('2016-06-15'), LIMITS)).toEqual(LIMITS);
	});

	it('stays inside the limits when zoomed out near an end', () => {
		const april = windowSpan({ from: '2016-04-01', to: '2016-04-30' });
		const wide = zoomSpan(april, 4, dayTime('2016-04-29'), LIMITS);
		expect(wide[1] - wide[0]).toBe(4 * (april[1] - april[0]));
		const end = zoomSpan(
			windowSpan({ from: '2016-12-02', to: '2016-12-31' }),
			4,
			dayTime('2016-12-31'),
			LIMITS
		);
		expect(end).toEqual([LIMITS[1] - 4 * 30 * DAY_MS, LIMITS[1]]);
	});

	it('pans keeping its width, stopping at either limit', () => {
		const month = windowSpan({ from: '2016-04-01', to: '2016-04-30' });
		expect(panSpan(month, 10 * DAY_MS, LIMITS)).toEqual(
			windowSpan({ from: '2016-04-11', to: '2016-05-10' })
		);
		expect(panSpan(month, -400 * DAY_MS, LIMITS)).toEqual(
			windowSpan({ from: '2016-01-01', to: '2016-01-30' })
		);
		expect(panSpan(month, 400 * DAY_MS, LIMITS)).toEqual(
			windowSpan({ from: '2016-12-02', to: '2016-12-31' })
		);
		expect(panSpan(LIMITS, 5 * DAY_MS, LIMITS)).toEqual(LIMITS);
	});
});

describe('the density of incidents', () => {
	const counts = countDays(['2020-01-06', '2020-01-01', '2020-01-11', '2020-01-01']);
	const start = dayTime('2020-01-01');
	const end = dayTime('2020-01-11');

	it('counts incidents per day once, oldest first', () => {
		expect([...counts.days]).toEqual(['2020-01-01', '2020-01-06', '2020-01-11'].map(dayTime));
		expect([...counts.running]).toEqual([2, 3, 4]);
	});

	it('bins them in equal slices of a half-open span', () => {
		expect([...binDays(counts, start, end, 10)]).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
		expect([...binDays(counts, start, end + DAY_MS, 2)]).toEqual([3, 1]);
		expect([...binDays(counts, dayTime('2020-01-02'), end + 1, 1)]).toEqual([2]);
	});

	it('leaves out what falls outside, and copes with no incidents or a zero-width span', () => {
		expect([...binDays(counts, dayTime('2021-01-01'), dayTime('2021-02-01'), 2)]).toEqual([0, 0]);
		expect([...binDays(countDays([]), start, end, 3)]).toEqual([0, 0, 0]);
		expect([...binDays(counts, start, start, 3)]).toEqual([0, 0, 0]);
	});

	it('bins 100,000 incidents from their day counts, however fine the slices', () => {
		const dates = Array.from({ length: 100_000 }, (_, i) => dayOf(start + (i % 1000) * DAY_MS));
		const many = countDays(dates);
		expect(many.days.length).toBe(1000);
		const bins = binDays(many, start, start + 1000 * DAY_MS, 500);
		expect(bins.every((c) => c === 200)).toBe(true);
	});
});

describe('play', () => {
	const span = { from: '2016-04-02', to: '2020-11-23' };

	it('steps the window on by its own length and stops at the end of the span', () => {
		const april = { from: '2016-04-02', to: '2016-04-05' };
		expect(playStep(april, span)).toEqual({ from: '2016-04-06', to: '2016-04-09' });
		expect(playStep({ from: '2020-11-18', to: '2020-11-21' }, span)).toEqual({
			from: '2020-11-20',
			to: '2020-11-23'
		});
		expect(playStep({ from: '2020-11-20', to: '2020-11-23' }, span)).toBeNull();
	});

	it('starts from the window, from the beginning once at the end, with a month for the whole span', () => {
		const april = { from: '2016-04-02', to: '2016-04-05' };
		expect(playStart(april, span)).toEqual(april);
		expect(playStart({ from: '2020-11-20', to: '2020-11-23' }, span)).toEqual(april);
		expect(playStart(span, span)).toEqual({ from: '2016-04-02', to: '2016-05-01' });
	});
});

describe('axis ticks', () => {
	const d = (iso: string) => new Date(dayTime(iso));

	it('labels years, months or days, whichever tells the ticks apart', () => {
		expect(tickUnit([d('2017-01-01'), d('2018-01-01')])).toBe('year');
		expect(tickUnit([d('2017-01-01'), d('2017-04-01')])).toBe('month');
		expect(tickUnit([d('2016-04-01'), d('2016-04-08')])).toBe('day');
		expect(tickFormatter('year', 'en-GB')(d('2018-01-01'))).toBe('2018');
		expect(tickFormatter('month', 'en-GB')(d('2017-04-01'))).toBe('Apr 2017');
		expect(tickFormatter('day', 'vi')(d('2016-04-08'))).toBe('8 thg 4');
	});
});

describe('time axis', () => {
	// A reader in Baku (UTC+4): a local-time scale would put ticks at 20:00 UTC the day before.
	let zone: string | undefined;
	beforeAll(() => {
		zone = process.env.TZ;
		process.env.TZ = 'Asia/Baku';
	});
	afterAll(() => {
		if (zone === undefined) delete process.env.TZ;
		else process.env.TZ = zone;
	});
	const iso = (ticks: Date[]) => ticks.map((t) => t.toISOString());
	const axis = (from: string, to: string) =>
		timeScale([new Date(dayTime(from)), new Date(dayTime(to) + 86_400_000 - 1)], [0, 800]);

	it('puts ticks on UTC midnights: years, months and days as the span allows', () => {
		expect(iso(axis(SPAN.from, SPAN.to).ticks(5))).toEqual(
			['2017', '2018', '2019', '2020'].map((y) => `${y}-01-01T00:00:00.000Z`)
		);
		expect(iso(axis('2016-04-01', '2016-07-31').ticks(4))).toEqual(
			['04', '05', '06', '07'].map((m) => `2016-${m}-01T00:00:00.000Z`)
		);
		for (const t of axis('2016-04-01', '2016-04-05').ticks(5))
			expect(t.toISOString()).toMatch(/^2016-04-0[1-5]T00:00:00\.000Z$/);
	});

	it('maps times to pixels linearly, clamped, and back', () => {
		const x = axis('2016-04-01', '2016-04-10');
		expect(x(new Date(dayTime('2016-04-01')))).toBe(0);
		expect(x(new Date(dayTime('2015-01-01')))).toBe(0);
		expect(x(new Date(dayTime('2030-01-01')))).toBe(800);
		expect(x.invert(400).getTime()).toBeCloseTo(
			(dayTime('2016-04-01') + dayTime('2016-04-11')) / 2,
			-1
		);
	});
});
