import type { TextRange } from '$lib/evidence/find_excerpt';

export type { TextRange };

const SPACE = /\s/;

/**
 * The excerpt a selection in the snapshot's text makes: from the earlier of its two ends (a
 * selection dragged backwards has its anchor after its focus) to the later, both clamped to the
 * text, without the whitespace at either end (the API ignores it and stores the range without it).
 * `null` for an empty selection or one of whitespace only.
 */
export function selectedRange(text: string, anchor: number, focus: number): TextRange | null {
	const clamp = (n: number) => Math.min(Math.max(Math.trunc(n), 0), text.length);
	let start = clamp(Math.min(anchor, focus));
	let end = clamp(Math.max(anchor, focus));
	while (start < end && SPACE.test(text[start])) start++;
	while (end > start && SPACE.test(text[end - 1])) end--;
	return start < end ? { start, end } : null;
}

/** A piece of the snapshot's text as the picker shows it: the chosen excerpt is marked. */
export interface TextSegment {
	/** Where the piece starts in the snapshot's text (UTF-16 code units). */
	start: number;
	text: string;
	chosen: boolean;
}

/**
 * The snapshot's text cut around `range`: before, the excerpt, after (empty pieces left out). The
 * picker renders each piece as an element carrying its `start`, so a point of the page's selection
 * maps back to an offset of the text with {@link offsetOfPoint}.
 */
export function segmentsOf(text: string, range: TextRange | null): TextSegment[] {
	const cuts = range ? [0, range.start, range.end, text.length] : [0, text.length];
	const out: TextSegment[] = [];
	for (let i = 0; i + 1 < cuts.length; i++) {
		const [from, to] = [cuts[i], cuts[i + 1]];
		if (to > from)
			out.push({ start: from, text: text.slice(from, to), chosen: range !== null && i === 1 });
	}
	return out;
}

/**
 * The offset in the snapshot's text of a point of a selection inside a segment: the segment's
 * `start` plus the offset within its text; `null` when the point is not inside a segment (the
 * selection began outside the snapshot).
 */
export function offsetOfPoint(segmentStart: number | null, offsetInSegment: number): number | null {
	if (segmentStart === null || !Number.isFinite(segmentStart)) return null;
	return segmentStart + offsetInSegment;
}

/** The excerpt the range covers, as it is sent as `quote.text`: the snapshot's very characters. */
export function excerptOf(text: string, range: TextRange): string {
	return text.slice(range.start, range.end);
}
