import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	binIncidents,
	dayOf,
	dayTime,
	daysBetween,
	resizeWindow,
	shiftWindow,
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

describe('binIncidents', () => {
	const start = dayTime('2020-01-01');
	const end = dayTime('2020-01-11');

	it('counts incidents per slice, the last day in the last slice', () => {
		const counts = binIncidents(
			['2020-01-01', '2020-01-01', '2020-01-06', '2020-01-11'],
			start,
			end,
			10
		);
		expect([...counts]).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
	});

	it('leaves out what falls outside, and copes with an empty or zero-width span', () => {
		expect([...binIncidents(['2019-12-31', '2020-02-01'], start, end, 2)]).toEqual([0, 0]);
		expect([...binIncidents([], start, end, 3)]).toEqual([0, 0, 0]);
		expect([...binIncidents(['2020-01-01'], start, start, 3)]).toEqual([0, 0, 0]);
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
