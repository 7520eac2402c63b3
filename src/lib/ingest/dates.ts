import type { DatePrecision, DateProposal, Lang } from './types';

const EN_MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];
const RU_MONTHS = [
	'январ',
	'феврал',
	'март',
	'апрел',
	'ма',
	'июн',
	'июл',
	'август',
	'сентябр',
	'октябр',
	'ноябр',
	'декабр'
];
const EN_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const RU_DAYS = ['воскресенье', 'понедельник', 'вторник', 'сред', 'четверг', 'пятниц', 'суббот'];
const VI_DAYS = ['chủ nhật', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy'];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function valid(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2999) return false;
	const t = new Date(Date.UTC(y, m - 1, d));
	return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A day and month without a year: the latest such day not after the publication (+2 days). */
function inferYear(published: Date, m: number, d: number): number {
	const y = published.getUTCFullYear();
	const limit = published.getTime() + 2 * 86400000;
	return Date.UTC(y, m - 1, d) <= limit ? y : y - 1;
}

function shift(published: Date, days: number): string {
	const t = new Date(published.getTime() + days * 86400000);
	return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** "On Monday" in a report means the latest Monday not after the publication day. */
function lastWeekday(published: Date, weekday: number): string {
	const back = (published.getUTCDay() - weekday + 7) % 7;
	return shift(published, -back);
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const EN_MONTH = `(${EN_MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;
const RU_MONTH = `(${RU_MONTHS.join('|')})(?:ь|я|а|е|ю|й)?`;

const PATTERNS: Record<Lang, RegExp> = {
	vi: new RegExp(
		[
			`${B}(?:[Nn]gày\\s+)?(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})${E}`,
			`${B}[Nn]gày\\s+(\\d{1,2})\\/(\\d{1,2})${E}(?!\\/)`,
			`${B}[Nn]gày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s+năm\\s+(\\d{4}))?${E}`,
			`${B}[Tt]háng\\s+(\\d{1,2})(?:\\/|\\s+năm\\s+)(\\d{4})${E}`,
			`${B}(?:[Nn]ăm)\\s+(\\d{4})${E}`,
			`${B}(?:[Cc]ùng ngày|[Hh]ôm nay|[Hh]ôm qua|[Hh]ôm kia)${E}`,
			`${B}(?:ngày|hôm|vào)\\s+(${VI_DAYS.join('|')})(?:\\s+tuần\\s+trước)?${E}`
		].join('|'),
		'giu'
	),
	en: new RegExp(
		[
			`${B}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EN_MONTH}(?:,?\\s+(\\d{4}))?${E}`,
			`${B}${EN_MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?${E}`,
			`${B}${EN_MONTH}\\s+(\\d{4})${E}`,
			`${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`,
			`${B}(?:the same day|today|yesterday|the day before)${E}`,
			`${B}(?:on|last)\\s+(${EN_DAYS.join('|')})${E}`,
			`${B}(?:in|since|of)\\s+(\\d{4})${E}`
		].join('|'),
		'giu'
	),
	ru: new RegExp(
		[
			`${B}(\\d{1,2})\\s+${RU_MONTH}(?:\\s+(\\d{4})(?:\\s*(?:года|г\\.))?)?${E}`,
			`${B}(\\d{1,2})\\.(\\d{2})\\.(\\d{4})${E}`,
			`${B}(?:в\\s+)?${RU_MONTH}\\s+(\\d{4})(?:\\s*(?:года|г\\.))?${E}`,
			`${B}(?:в тот же день|в этот же день|в тот день|сегодня|вчера|позавчера)${E}`,
			`${B}(?:в|во)\\s+(${RU_DAYS.join('|')})[\\p{L}]*${E}`,
			`${B}(?:(?:в|с)\\s+)?(\\d{4})\\s*(?:году|года|г\\.)`
		].join('|'),
		'giu'
	)
};

function monthIndex(word: string, list: string[]): number {
	const w = word.toLowerCase().replace(/\.$/, '');
	if (list === EN_MONTHS) {
		const i = EN_MONTHS.findIndex(
			(m) => m === w || m.slice(0, 3) === w || (w === 'sept' && m === 'september')
		);
		return i + 1;
	}
	// 'ма' (май/мая) must not swallow 'март'.
	if (/^мар/.test(w)) return 3;
	return list.findIndex((m) => w.startsWith(m)) + 1;
}

/**
 * Dates mentioned in the text, absolute or relative to the publication date ("hôm qua",
 * "on Monday", "вчера") or to the date mentioned before ("cùng ngày", "the same day").
 */
export function findDates(text: string, lang: Lang, published: string): DateProposal[] {
	const pub = new Date(`${published}T00:00:00Z`);
	const re = new RegExp(PATTERNS[lang].source, PATTERNS[lang].flags);
	const out: DateProposal[] = [];
	let previous: DateProposal | null = null;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text))) {
		if (m[0] === '') {
			re.lastIndex++;
			continue;
		}
		const raw = m[0];
		const lower = raw.toLowerCase();
		let date: string | null = null;
		let precision: DatePrecision = 'day';
		let basis: DateProposal['basis'] = 'absolute';
		const g = m.slice(1);
		const n = (s: string | undefined) => (s === undefined ? NaN : Number(s));
		const dayMonth = (d: number, mo: number, y: number) => {
			const year = Number.isNaN(y) ? inferYear(pub, mo, d) : y;
			if (valid(year, mo, d)) date = iso(year, mo, d);
		};
		if (lang === 'vi') {
			if (g[0]) dayMonth(n(g[0]), n(g[1]), n(g[2]));
			else if (g[3]) dayMonth(n(g[3]), n(g[4]), NaN);
			else if (g[5]) dayMonth(n(g[5]), n(g[6]), n(g[7]));
			else if (g[8]) {
				precision = 'month';
				if (valid(n(g[9]), n(g[8]), 1)) date = iso(n(g[9]), n(g[8]), 1);
			} else if (g[10]) {
				precision = 'year';
				date = iso(n(g[10]), 1, 1);
			} else if (g[11]) {
				date = lastWeekday(pub, VI_DAYS.indexOf(g[11].toLowerCase()));
				if (/tuần trước/.test(lower)) date = shift(new Date(`${date}T00:00:00Z`), -7);
				basis = 'published';
			} else if (/cùng ngày/.test(lower)) {
				if (previous) {
					date = previous.date;
					precision = previous.precision;
				}
				basis = 'previous';
			} else {
				basis = 'published';
				date = shift(pub, /hôm nay/.test(lower) ? 0 : /hôm qua/.test(lower) ? -1 : -2);
			}
		} else if (lang === 'en') {
			if (g[0]) dayMonth(n(g[0]), monthIndex(g[1], EN_MONTHS), n(g[2]));
			else if (g[3]) dayMonth(n(g[4]), monthIndex(g[3], EN_MONTHS), n(g[5]));
			else if (g[6]) {
				precision = 'month';
				const mo = monthIndex(g[6], EN_MONTHS);
				if (valid(n(g[7]), mo, 1)) date = iso(n(g[7]), mo, 1);
			} else if (g[8]) dayMonth(n(g[10]), n(g[9]), n(g[8]));
			else if (g[11]) {
				date = lastWeekday(pub, EN_DAYS.indexOf(g[11].toLowerCase()));
				basis = 'published';
			} else if (g[12]) {
				precision = 'year';
				date = iso(n(g[12]), 1, 1);
			} else if (/same day/.test(lower)) {
				if (previous) {
					date = previous.date;
					precision = previous.precision;
				}
				basis = 'previous';
			} else {
				basis = 'published';
				date = shift(pub, lower === 'today' ? 0 : lower === 'yesterday' ? -1 : -1);
				if (/day before/.test(lower) && previous) {
					date = shift(new Date(`${previous.date}T00:00:00Z`), -1);
					basis = 'previous';
				}
			}
		} else {
			if (g[0]) dayMonth(n(g[0]), monthIndex(g[1], RU_MONTHS), n(g[2]));
			else if (g[3]) dayMonth(n(g[3]), n(g[4]), n(g[5]));
			else if (g[6]) {
				precision = 'month';
				const mo = monthIndex(g[6], RU_MONTHS);
				if (valid(n(g[7]), mo, 1)) date = iso(n(g[7]), mo, 1);
			} else if (g[8]) {
				const w = g[8].toLowerCase();
				date = lastWeekday(
					pub,
					RU_DAYS.findIndex((d) => w.startsWith(d))
				);
				basis = 'published';
			} else if (g[9]) {
				precision = 'year';
				date = iso(n(g[9]), 1, 1);
			} else if (/тот же|этот же|тот день/.test(lower)) {
				if (previous) {
					date = previous.date;
					precision = previous.precision;
				}
				basis = 'previous';
			} else {
				basis = 'published';
				date = shift(pub, lower === 'сегодня' ? 0 : lower === 'вчера' ? -1 : -2);
			}
		}
		if (!date) continue;
		const proposal: DateProposal = {
			start: m.index,
			end: m.index + raw.length,
			date,
			precision,
			text: raw,
			basis
		};
		out.push(proposal);
		if (precision === 'day') previous = proposal;
	}
	return out;
}
