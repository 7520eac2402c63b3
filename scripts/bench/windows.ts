import { mulberry32, pick, randomInt } from '../synthetic/prng';

export interface TimeWindow {
	from: string;
	to: string;
}

export interface Span {
	date: string;
	date_end?: string;
}

const DAY_MS = 86_400_000;
const LENGTHS_DAYS = [7, 30, 90, 365, 1826, 3652];

/** Incidents whose span [date, date_end ?? date] overlaps the window, both ends inclusive. */
export function countInWindow(spans: readonly Span[], window: TimeWindow): number {
	let n = 0;
	for (const s of spans) if (s.date <= window.to && (s.date_end ?? s.date) >= window.from) n++;
	return n;
}

/** The window covering every incident. */
export function fullWindow(spans: readonly Span[]): TimeWindow {
	if (spans.length === 0) throw new RangeError('fullWindow: no incidents');
	let from = spans[0].date;
	let to = spans[0].date_end ?? spans[0].date;
	for (const s of spans) {
		if (s.date < from) from = s.date;
		if ((s.date_end ?? s.date) > to) to = s.date_end ?? s.date;
	}
	return { from, to };
}

function iso(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/**
 * `n` windows within the data's time range where each expected count differs from the one
 * before (the first differs from the full window's), so the bench can tell when the list has
 * updated. Seeded: the same data gives the same windows.
 */
export function pickWindows(
	spans: readonly Span[],
	n: number,
	seed = 1
): { window: TimeWindow; expected: number }[] {
	const random = mulberry32(seed);
	const all = fullWindow(spans);
	const start = Date.parse(all.from);
	const end = Date.parse(all.to);
	const out: { window: TimeWindow; expected: number }[] = [];
	let previous = countInWindow(spans, all);
	for (let attempt = 0; out.length < n && attempt < n * 200; attempt++) {
		const length = pick(random, LENGTHS_DAYS) * DAY_MS;
		const from =
			start + randomInt(random, 0, Math.max(0, Math.floor((end - start) / DAY_MS))) * DAY_MS;
		const window = { from: iso(from), to: iso(Math.min(from + length, end)) };
		const expected = countInWindow(spans, window);
		if (expected === previous) continue;
		out.push({ window, expected });
		previous = expected;
	}
	return out;
}

/** The first number in a count label ("1,234 incidents", "1.234 sự kiện", "12 of 40"), or null. */
export function parseCount(text: string | null): number | null {
	const match = /\d(?:[\d,.\u00a0\u202f ]*\d)?/.exec(text ?? '');
	if (!match) return null;
	const first = /^\d{1,3}(?:([,.\u00a0\u202f ])\d{3})*(?!\d)/.exec(match[0]);
	return Number((first ? first[0] : match[0]).replace(/\D/g, ''));
}
