/** A range of a snapshot's text: `text.slice(start, end)`, offsets in UTF-16 code units. */
export interface TextRange {
	start: number;
	end: number;
}

const SPACE = /\s/;

/**
 * `text` with every run of whitespace as one space, and for each character of the result where it
 * starts in `text` (`starts`) and ends (`ends`, exclusive): a collapsed run maps to the whole run.
 */
function collapse(text: string): { folded: string; starts: number[]; ends: number[] } {
	let folded = '';
	const starts: number[] = [];
	const ends: number[] = [];
	for (let i = 0; i < text.length;) {
		let j = i + 1;
		if (SPACE.test(text[i])) {
			while (j < text.length && SPACE.test(text[j])) j++;
			folded += ' ';
		} else {
			folded += text[i];
		}
		starts.push(i);
		ends.push(j);
		i = j;
	}
	return { folded, starts, ends };
}

/**
 * Where `excerpt` is in `snapshot`: the range of its first occurrence, verbatim except that a run
 * of whitespace (spaces, tabs, line breaks, no-break spaces) matches any other run; whitespace
 * around the excerpt is ignored and not part of the range. `null` when it is not there or is
 * only whitespace. Letters, punctuation and Unicode forms must match exactly: no case folding, no
 * normalisation, so the range is evidence of the very words.
 */
export function findExcerpt(snapshot: string, excerpt: string): TextRange | null {
	const needle = collapse(excerpt.trim()).folded;
	if (needle === '') return null;
	const { folded, starts, ends } = collapse(snapshot);
	const at = folded.indexOf(needle);
	if (at < 0) return null;
	return { start: starts[at], end: ends[at + needle.length - 1] };
}
