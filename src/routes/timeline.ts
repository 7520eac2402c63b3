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

/** The UTC day a time falls in: the day under a pointer, the day a handle is dropped on. */
export function snapDay(time: number): string {
	return new Date(Math.floor(time / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** The window a brush from `a` to `b` (ms, either order) covers: the days under both ends. */
export function brushWindow(a: number, b: number): TimeWindow {
	return { from: snapDay(Math.min(a, b)), to: snapDay(Math.max(a, b)) };
}

/** A span of time in ms, `[start, end)`. */
export type Span = readonly [number, number];

/** The ms span of whole days `window.from` to `window.to`. */
export function windowSpan(window: TimeWindow): Span {
	return [dayTime(window.from), dayTime(window.to) + DAY_MS];
}

/**
 * The extent the timeline opens on: the data's own days, with `fraction` of their length (at
 * least a day) either side, so the first and last ticks do not sit on the track's ends.
 */
export function paddedExtent(span: TimeWindow, fraction = 0.03): TimeWindow {
	const pad = Math.max(1, Math.round(daysBetween(span.from, span.to) * fraction));
	return { from: shiftDay(span.from, -pad), to: shiftDay(span.to, pad) };
}

/** `span` moved by `delta` ms, keeping its width (at most that of `limits`), inside `limits`. */
export function panSpan(span: Span, delta: number, limits: Span): Span {
	const width = Math.min(span[1] - span[0], limits[1] - limits[0]);
	const start = Math.max(limits[0], Math.min(limits[1] - width, span[0] + delta));
	return [start, start + width];
}

/** The narrowest span the timeline zooms to: a week, a few dozen px per day at any width. */
export const MIN_SPAN = 7 * DAY_MS;

/**
 * `span` zoomed by `factor` (below 1 zooms in) about the time `at`, which keeps its place on the
 * screen; never narrower than {@link MIN_SPAN} nor wider than `limits`, and inside them.
 */
export function zoomSpan(span: Span, factor: number, at: number, limits: Span): Span {
	const width = Math.max(MIN_SPAN, Math.min(limits[1] - limits[0], (span[1] - span[0]) * factor));
	const start = at - ((at - span[0]) / (span[1] - span[0])) * width;
	return panSpan([start, start + width], 0, limits);
}

/** Incidents per day: the days (UTC midnights, ascending) and the running total up to each. */
export interface DayCounts {
	days: Float64Array;
	running: Uint32Array;
}

/** Counts incidents per day: once per data change, so binning at any zoom is cheap. */
export function countDays(dates: Iterable<string>): DayCounts {
	const perDay = new Map<string, number>();
	for (const date of dates) perDay.set(date, (perDay.get(date) ?? 0) + 1);
	const keys = [...perDay.keys()].sort();
	const days = new Float64Array(keys.length);
	const running = new Uint32Array(keys.length);
	let total = 0;
	keys.forEach((key, i) => {
		days[i] = dayTime(key);
		running[i] = total += perDay.get(key)!;
	});
	return { days, running };
}

/** Incidents on the days before `time`. */
function countBefore({ days, running }: DayCounts, time: number): number {
	let lo = 0;
	let hi = days.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (days[mid] < time) lo = mid + 1;
		else hi = mid;
	}
	return lo ? running[lo - 1] : 0;
}

/**
 * How many incidents fall in each of `bins` equal slices of `[start, end)` (ms, an incident at its
 * day's midnight): from the running totals, so a frame costs `bins × log(days)` however many
 * incidents there are.
 */
export function binDays(counts: DayCounts, start: number, end: number, bins: number): Uint32Array {
	const out = new Uint32Array(Math.max(1, bins));
	if (!(end > start)) return out;
	let before = countBefore(counts, start);
	for (let i = 0; i < out.length; i++) {
		const next = countBefore(counts, start + ((i + 1) * (end - start)) / out.length);
		out[i] = next - before;
		before = next;
	}
	return out;
}

/** How long play shows each step, in ms. */
export const PLAY_MS = 1000;

/**
 * Where play starts: the window itself; from the span's start when it has reached the end; a
 * month from the start when it holds the whole span (there is nothing to step through).
 */
export function playStart(window: TimeWindow, span: TimeWindow): TimeWindow {
	const length = daysBetween(window.from, window.to);
	if (length >= daysBetween(span.from, span.to)) {
		return { from: span.from, to: shiftDay(span.from, 29) };
	}
	if (window.to >= span.to) return { from: span.from, to: shiftDay(span.from, length) };
	return window;
}

/** One step of play: the window moved on by its own length, stopping at the span's end; `null` there. */
export function playStep(window: TimeWindow, span: TimeWindow): TimeWindow | null {
	if (window.to >= span.to) return null;
	const days = daysBetween(window.from, window.to) + 1;
	return shiftWindow(window, days, {
		from: window.from < span.from ? window.from : span.from,
		to: span.to
	});
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
