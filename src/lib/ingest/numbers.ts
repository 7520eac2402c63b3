import type { ClaimValue, Lang, Span } from './types';

export interface NumberMention extends Span {
	value: ClaimValue;
}

const WORDS: Record<Lang, Record<string, number>> = {
	vi: {
		một: 1,
		hai: 2,
		ba: 3,
		bốn: 4,
		năm: 5,
		sáu: 6,
		bảy: 7,
		tám: 8,
		chín: 9,
		mười: 10,
		'mười hai': 12,
		'hai mươi': 20,
		'ba mươi': 30
	},
	en: {
		a: 1,
		an: 1,
		one: 1,
		two: 2,
		three: 3,
		four: 4,
		five: 5,
		six: 6,
		seven: 7,
		eight: 8,
		nine: 9,
		ten: 10,
		eleven: 11,
		twelve: 12,
		fifteen: 15,
		eighteen: 18,
		twenty: 20,
		thirty: 30,
		forty: 40,
		fifty: 50,
		hundred: 100
	},
	ru: {
		один: 1,
		одна: 1,
		одного: 1,
		одну: 1,
		два: 2,
		две: 2,
		двух: 2,
		три: 3,
		трех: 3,
		трёх: 3,
		четыре: 4,
		четырех: 4,
		четырёх: 4,
		пять: 5,
		пяти: 5,
		шесть: 6,
		семь: 7,
		восемь: 8,
		девять: 9,
		десять: 10,
		двенадцать: 12,
		двенадцати: 12,
		восемнадцать: 18,
		восемнадцати: 18,
		двадцать: 20,
		тридцать: 30,
		тридцати: 30
	}
};

/** Vague quantities: "some" is at least two, "dozens" at least 24, "tens of" at least 20. */
const VAGUE: Record<Lang, Record<string, number>> = {
	vi: { 'một số': 2, 'một vài': 2, vài: 2, 'hàng chục': 20, 'hàng trăm': 200 },
	en: {
		several: 2,
		some: 2,
		'a number of': 2,
		dozens: 24,
		'dozens of': 24,
		hundreds: 200,
		'hundreds of': 200
	},
	ru: { несколько: 2, нескольких: 2, десятки: 20, десятков: 20, сотни: 200 }
};

const LOW: Record<Lang, string[]> = {
	vi: ['ít nhất', 'tối thiểu', 'hơn', 'trên'],
	en: ['at least', 'more than', 'over', 'no fewer than'],
	ru: ['по меньшей мере', 'не менее', 'как минимум', 'более', 'свыше']
};
const HIGH: Record<Lang, string[]> = {
	vi: ['tới', 'lên tới', 'không quá'],
	en: ['up to', 'as many as'],
	ru: ['до', 'не более']
};
const ABOUT: Record<Lang, string[]> = {
	vi: ['khoảng', 'gần', 'chừng'],
	en: ['about', 'around', 'nearly', 'some', 'approximately'],
	ru: ['около', 'примерно', 'почти']
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (xs: string[]) =>
	[...xs]
		.sort((a, b) => b.length - a.length)
		.map(esc)
		.join('|');
const cache = new Map<Lang, RegExp>();

function pattern(lang: Lang): RegExp {
	let re = cache.get(lang);
	if (!re) {
		const num = `(\\d{1,3}(?:[.,\\u00a0 ]\\d{3})*|\\d+|${alt(Object.keys(WORDS[lang]))})`;
		re = new RegExp(
			`(?<![\\p{L}\\p{N}/.,]|\\p{L}-)(?:(${alt(LOW[lang])}|${alt(HIGH[lang])}|${alt(ABOUT[lang])})\\s+)?` +
				`(?:(${alt(Object.keys(VAGUE[lang]))})|${num}(?:\\s*(?:–|-|—|đến|to|до)\\s*(\\d+))?)` +
				`(?![\\p{L}\\p{N}]|[/:%]|-\\p{L})`,
			'giu'
		);
		cache.set(lang, re);
	}
	return new RegExp(re.source, re.flags);
}

function parse(lang: Lang, s: string): number {
	const w = WORDS[lang][s.toLowerCase()];
	return w ?? Number(s.replace(/[.,\u00a0 ]/g, ''));
}

/**
 * Numbers in words or digits with their bounds ("ít nhất 30", "30–35", "several") in
 * `text[from, to)`; the search never reads past `to`, so a sentence costs its own length.
 */
export function findNumbers(text: string, lang: Lang, from: number, to: number): NumberMention[] {
	const re = pattern(lang);
	const part = text.slice(from, to);
	const out: NumberMention[] = [];
	let m: RegExpExecArray | null;
	while ((m = re.exec(part))) {
		const qualifier = m[1]?.toLowerCase();
		let value: ClaimValue;
		if (m[2]) {
			value = { low: VAGUE[lang][m[2].toLowerCase()] };
		} else {
			const n = parse(lang, m[3]);
			if (!Number.isFinite(n)) continue;
			if (m[4]) value = { low: n, high: parse(lang, m[4]) };
			else if (!qualifier) value = n;
			else if (LOW[lang].includes(qualifier)) value = { low: n };
			else if (HIGH[lang].includes(qualifier)) value = { high: n };
			else value = { best: n };
		}
		out.push({ start: from + m.index, end: from + m.index + m[0].length, value });
	}
	return out;
}
