import { scaleUtc } from 'd3-scale';
import type { TimeWindow } from '$lib/state/view.svelte';

export const DAY_MS = 86_400_000;

/** Milliseconds of an ISO day's UTC midnight. */
export function dayTime(iso: string): number {
	return Date.parse(`${iso}T00:00:00Z`);
}

/** The ISO day nearest to a time. */
export function dayOf(time: number): string {
	return new Date(Math.round(time / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
	return Math.round((dayTime(b) - dayTime(a)) / DAY_MS);
}

/** `iso` moved by `days`, kept within the span. */
export function clampDay(iso: string, span: TimeWindow): string {
	return iso < span.from ? span.from : iso > span.to ? span.to : iso;
}

export function shiftDay(iso: string, days: number): string {
	return dayOf(dayTime(iso) + days * DAY_MS);
}

/** The window moved by `days`, keeping its length and staying inside the span. */
export function shiftWindow(window: TimeWindow, days: number, span: TimeWindow): TimeWindow {
	const length = daysBetween(window.from, window.to);
	const room = daysBetween(span.from, span.to) - length;
	const offset = Math.max(0, Math.min(room, daysBetween(span.from, window.from) + days));
	const from = shiftDay(span.from, offset);
	return { from, to: shiftDay(from, length) };
}

/** The window with one edge set to `iso`: kept inside the span and never past the other edge. */
export function resizeWindow(
	window: TimeWindow,
	edge: 'from' | 'to',
	iso: string,
	span: TimeWindow
): TimeWindow {
	const day = clampDay(iso, span);
	if (edge === 'from') return { from: day > window.to ? window.to : day, to: window.to };
	return { from: window.from, to: day < window.from ? window.from : day };
}

/**
 * How many incidents start in each of `bins` equal slices of `[start, end]` (ms): the timeline
 * draws one tick per non-empty slice, so 100,000 incidents cost as much as the track is wide.
 */
export function binIncidents(
	dates: Iterable<string>,
	start: number,
	end: number,
	bins: number
): Uint32Array {
	const counts = new Uint32Array(Math.max(1, bins));
	const width = end - start;
	if (!(width > 0)) return counts;
	const cache = new Map<string, number>();
	for (const date of dates) {
		let i = cache.get(date);
		if (i === undefined) {
			const t = dayTime(date);
			i = Math.floor(((t - start) / width) * counts.length);
			i = i < 0 ? -1 : i >= counts.length ? (t <= end ? counts.length - 1 : -1) : i;
			cache.set(date, i);
		}
		if (i >= 0) counts[i]++;
	}
	return counts;
}

export type TickUnit = 'year' | 'month' | 'day';

/** The coarsest unit that tells the axis ticks apart. */
export function tickUnit(ticks: Date[]): TickUnit {
	if (ticks.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1)) return 'year';
	if (ticks.every((d) => d.getUTCDate() === 1)) return 'month';
	return 'day';
}

const TICK_FORMAT: Record<TickUnit, Intl.DateTimeFormatOptions> = {
	year: { year: 'numeric' },
	month: { month: 'short', year: 'numeric' },
	day: { day: 'numeric', month: 'short' }
};

export function tickFormatter(unit: TickUnit, locale: string): (d: Date) => string {
	const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...TICK_FORMAT[unit] });
	return (d) => f.format(d);
}

/**
 * The axis scale: clamped, in UTC (`scaleUtc`), so ticks fall on the UTC midnights the tick
 * labels and the day numbers are written in, whatever the reader's time zone.
 */
export function timeScale(domain: readonly [Date, Date], range: readonly [number, number]) {
	return scaleUtc()
		.domain([...domain])
		.range([...range])
		.clamp(true);
}
