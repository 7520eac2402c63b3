import { locale, type Lang } from '$lib/i18n';

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC midnight of an ISO day; throws naming the value when it is not one. */
export function parseIsoDay(iso: string): Date {
	const date = new Date(`${iso}T00:00:00Z`);
	if (
		!ISO_DAY.test(iso) ||
		Number.isNaN(date.getTime()) ||
		date.toISOString().slice(0, 10) !== iso
	) {
		throw new RangeError(`not an ISO date (YYYY-MM-DD): "${iso}"`);
	}
	return date;
}

/** Whether `value` is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	try {
		parseIsoDay(value);
		return true;
	} catch {
		return false;
	}
}

/** The ISO day `days` after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
	const date = parseIsoDay(iso);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = lang + JSON.stringify(options);
	let f = formats.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', ...options });
		formats.set(key, f);
	}
	return f;
}

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };
const YEAR: Intl.DateTimeFormatOptions = { year: 'numeric' };

/** A day as readers write it: "2 Apr 2016", "2 thg 4, 2016". */
export function formatDay(iso: string, lang: Lang): string {
	return format(lang, DAY).format(parseIsoDay(iso));
}

/**
 * A date said no more precisely than the source knows it: "2 Apr 2016", "week of 28 Mar 2016",
 * "April 2016", "2016". With `end`, a span at the same precision ("2–5 Apr 2016").
 */
export function formatDate(
	iso: string,
	precision: DatePrecision,
	lang: Lang,
	end?: string
): string {
	const start = parseIsoDay(iso);
	const stop = end && end !== iso ? parseIsoDay(end) : null;
	const options = precision === 'year' ? YEAR : precision === 'month' ? MONTH : DAY;
	const f = format(lang, options);
	const text = (stop ? f.formatRange(start, stop) : f.format(start)).replace(
		/[\u2009\u202f]/g,
		' '
	);
	if (precision === 'week') return lang === 'en' ? `week of ${text}` : `tuần lễ quanh ngày ${text}`;
	if (precision === 'year' && lang === 'vi') return `năm ${text}`;
	return text;
}

const MOMENT: Intl.DateTimeFormatOptions = {
	...DAY,
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
};

/** A moment (an ISO timestamp) to the minute, in UTC: "6 Dec 2026, 18:05 UTC". */
export function formatMoment(iso: string, lang: Lang): string {
	return `${format(lang, MOMENT)
		.format(new Date(iso))
		.replace(/[\u2009\u202f]/g, ' ')} UTC`;
}

/** The day of a moment (an ISO timestamp), in UTC: "6 Dec 2026". */
export function formatDayOf(iso: string, lang: Lang): string {
	return formatDay(new Date(iso).toISOString().slice(0, 10), lang);
}
