import type { Span } from './types';

export interface Sentence extends Span {
	paragraph: number;
}

/** Text without sentence breaks (a table, a dump) is cut at whitespace so every step stays bounded. */
export const MAX_SENTENCE = 3000;

const ABBREVIATIONS = new Set([
	'mr',
	'mrs',
	'ms',
	'dr',
	'st',
	'gen',
	'col',
	'lt',
	'no',
	'г',
	'гг',
	'ул',
	'vs'
]);

/**
 * Splits into sentences: at a line break, or after `.`, `!`, `?`, `…` (and any closing quote)
 * followed by a space and a capital, a digit or an opening quote. Linear; spans are trimmed.
 */
export function splitSentences(text: string): Sentence[] {
	const out: Sentence[] = [];
	let paragraph = 0;
	let start = 0;
	const push = (end: number) => {
		let s = start;
		let e = end;
		while (s < e && /[\s|]/.test(text[s])) s++;
		while (e > s && /[\s|]/.test(text[e - 1])) e--;
		if (e > s) out.push({ start: s, end: e, paragraph });
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (i - start > MAX_SENTENCE && /\s/.test(c)) {
			push(i);
			start = i + 1;
			continue;
		}
		if (c === '\n' || c === '\r' || c === '\u2029') {
			push(i);
			start = i + 1;
			paragraph++;
			continue;
		}
		if (c === '.' || c === '!' || c === '?' || c === '…') {
			let j = i + 1;
			while (j < text.length && /["”»’')]/.test(text[j])) j++;
			if (j >= text.length || !/[ \t\u00a0]/.test(text[j])) continue;
			let k = j;
			while (k < text.length && /[ \t\u00a0]/.test(text[k])) k++;
			if (k >= text.length || !/[\p{Lu}\p{N}"“«'‘(]/u.test(text[k])) continue;
			if (c === '.') {
				const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, i - 12), i));
				if (word && (ABBREVIATIONS.has(word[1].toLowerCase()) || word[1].length === 1)) continue;
			}
			push(j);
			start = j;
			i = j - 1;
		}
	}
	push(text.length);
	return out;
}
