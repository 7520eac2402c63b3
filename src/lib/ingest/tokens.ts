import type { Span } from './types';

export interface Token extends Span {
	text: string;
	/** Lower case, diacritics folded, Russian case endings stripped: the key used for look-ups. */
	key: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const RU_ENDINGS = [
	'ыми',
	'ими',
	'ого',
	'его',
	'ому',
	'ему',
	'ией',
	'ой',
	'ей',
	'ый',
	'ий',
	'ая',
	'яя',
	'ое',
	'ее',
	'ом',
	'ем',
	'ым',
	'им',
	'ия',
	'ии',
	'ию',
	'а',
	'я',
	'у',
	'ю',
	'е',
	'ы',
	'и',
	'ь',
	'й',
	'о'
];

/**
 * Russian declension changes word endings ("Тертер", "в Тертере"); both reduce to one stem. Plural
 * endings in -ам/-ах are left out: they end names in the nominative (Агдам, Карабах).
 */
function russianStem(word: string): string {
	for (const ending of RU_ENDINGS) {
		if (word.endsWith(ending) && word.length - ending.length >= 3) {
			return word.slice(0, -ending.length);
		}
	}
	return word;
}

/** Latin and Armenian letters lose their diacritics; Cyrillic keeps "й" (only "ё" becomes "е"). */
export function wordKey(word: string): string {
	const lower = word.toLowerCase();
	if (CYRILLIC.test(lower)) return russianStem(lower.normalize('NFC').replace(/ё/g, 'е'));
	return lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/ə/g, 'a').replace(/ı/g, 'i');
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
	const tokens: Token[] = [];
	WORD.lastIndex = from;
	let m: RegExpExecArray | null;
	while ((m = WORD.exec(text)) && m.index < to) {
		tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], key: wordKey(m[0]) });
	}
	return tokens;
}

/** Keys of a multi-word name, the same way the text is tokenised. */
export function nameKey(name: string): string {
	return tokenize(name)
		.map((t) => t.key)
		.join(' ');
}

/** Two neighbouring tokens belong to one name when only a space or a hyphen separates them. */
export function joinable(text: string, a: Token, b: Token): boolean {
	const gap = b.start - a.end;
	if (gap < 1 || gap > 2) return false;
	for (let i = a.end; i < b.start; i++) if (!" \u00a0-‐–'’".includes(text[i])) return false;
	return true;
}

export function isCapitalised(word: string): boolean {
	const first = word[0];
	return first !== first.toLowerCase() || /\p{N}/u.test(first);
}

/** Every proper prefix of every multi-word key, so a look-up can stop at the first dead end. */
export function keyPrefixes(keys: Iterable<string>): Set<string> {
	const out = new Set<string>();
	for (const key of keys) {
		let at = key.indexOf(' ');
		while (at > 0) {
			out.add(key.slice(0, at));
			at = key.indexOf(' ', at + 1);
		}
	}
	return out;
}

/**
 * Finds the longest run of tokens, starting at each position, whose joined key is in `index`;
 * non-overlapping, left to right. Linear in the number of tokens times `maxWords`, and a run
 * stops as soon as its key starts no name (`prefixes`).
 */
export function matchNames<T>(
	text: string,
	tokens: Token[],
	index: Map<string, T>,
	prefixes: Set<string>,
	maxWords: number,
	capitalised: (value: T) => boolean
): { start: number; end: number; first: number; last: number; value: T }[] {
	const found: { start: number; end: number; first: number; last: number; value: T }[] = [];
	let i = 0;
	while (i < tokens.length) {
		let best: { last: number; value: T } | null = null;
		let key = '';
		for (let j = i; j < tokens.length && j < i + maxWords; j++) {
			if (j > i && !joinable(text, tokens[j - 1], tokens[j])) break;
			key = j === i ? tokens[j].key : `${key} ${tokens[j].key}`;
			const value = index.get(key);
			if (value !== undefined && (!capitalised(value) || isCapitalised(tokens[i].text))) {
				best = { last: j, value };
			}
			if (!prefixes.has(key)) break;
		}
		if (best) {
			found.push({
				start: tokens[i].start,
				end: tokens[best.last].end,
				first: i,
				last: best.last,
				value: best.value
			});
			i = best.last + 1;
		} else {
			i++;
		}
	}
	return found;
}
