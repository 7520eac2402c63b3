/** The kinds of proposal the page highlights, innermost first: a place inside a claim shows as a place. */
export const KINDS = ['place', 'date', 'claim', 'statement'] as const;
export type ProposalKind = (typeof KINDS)[number];

export interface Highlight {
	kind: ProposalKind;
	start: number;
	end: number;
}

/** A run of the text with the proposals covering it; `kind` is the innermost one, or `null`. */
export interface Segment {
	start: number;
	end: number;
	text: string;
	kind: ProposalKind | null;
	kinds: ProposalKind[];
}

/**
 * Cuts `text` at every boundary of `highlights` (ranges may nest or overlap) into runs that are
 * each covered by the same proposals. Ranges outside the text are clipped; the runs' texts joined
 * give `text` back.
 */
export function segments(text: string, highlights: readonly Highlight[]): Segment[] {
	const spans = highlights
		.map((h) => ({ ...h, start: Math.max(0, h.start), end: Math.min(text.length, h.end) }))
		.filter((h) => h.start < h.end);
	const cuts = new Set([0, text.length]);
	for (const h of spans) cuts.add(h.start).add(h.end);
	const points = [...cuts].sort((a, b) => a - b);
	const out: Segment[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const [start, end] = [points[i], points[i + 1]];
		const kinds = KINDS.filter((k) =>
			spans.some((h) => h.kind === k && h.start <= start && h.end >= end)
		);
		out.push({ start, end, text: text.slice(start, end), kind: kinds[0] ?? null, kinds });
	}
	return out;
}
