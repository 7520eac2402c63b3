import type { ClaimValue, Proposals } from '../../src/lib/ingest/types';

export interface GoldClaim {
	metric: string;
	value: ClaimValue;
	claimant: string;
}

export interface GoldStatement {
	speaker: string;
	start: number;
	end: number;
}

export interface Gold {
	places: string[];
	dates: string[];
	claims: GoldClaim[];
	statements: GoldStatement[];
}

export interface Count {
	/** Proposals that match a gold item. */
	correct: number;
	proposed: number;
	/** Gold items matched by at least one proposal. */
	found: number;
	gold: number;
}

export type Kind = 'places' | 'dates' | 'claims' | 'statements';
export const KINDS: Kind[] = ['places', 'dates', 'claims', 'statements'];

const norm = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/** A claimant matches when one name contains the other ("Serzh Sargsyan, President of Armenia"). */
export function sameClaimant(a: string, b: string): boolean {
	const x = norm(a);
	const y = norm(b);
	return x === y || (x.length > 2 && y.includes(x)) || (y.length > 2 && x.includes(y));
}

export function sameValue(a: ClaimValue, b: ClaimValue): boolean {
	if (typeof a === 'number' || typeof b === 'number') return a === b;
	return a.low === b.low && a.high === b.high && a.best === b.best;
}

function count<P, G>(proposed: P[], gold: G[], match: (p: P, g: G) => boolean): Count {
	const correct = proposed.filter((p) => gold.some((g) => match(p, g))).length;
	const found = gold.filter((g) => proposed.some((p) => match(p, g))).length;
	return { correct, proposed: proposed.length, found, gold: gold.length };
}

/**
 * Scores proposals against gold. Places and dates are compared as sets of ids and days; a claim
 * matches on metric, value and claimant; a statement on speaker and an overlapping range.
 */
export function score(p: Proposals, gold: Gold): Record<Kind, Count> {
	const places = [...new Set(p.places.map((x) => x.place_id).filter((x): x is string => !!x))];
	const dates = [...new Set(p.dates.map((x) => x.date))];
	return {
		places: count(places, [...new Set(gold.places)], (a, b) => a === b),
		dates: count(dates, [...new Set(gold.dates)], (a, b) => a === b),
		claims: count(
			p.claims,
			gold.claims,
			(a, b) =>
				a.metric === b.metric && sameValue(a.value, b.value) && sameClaimant(a.claimant, b.claimant)
		),
		statements: count(
			p.statements,
			gold.statements,
			(a, b) => norm(a.speaker) === norm(b.speaker) && a.start < b.end && b.start < a.end
		)
	};
}

export function add(a: Count, b: Count): Count {
	return {
		correct: a.correct + b.correct,
		proposed: a.proposed + b.proposed,
		found: a.found + b.found,
		gold: a.gold + b.gold
	};
}

/**
 * Finds `excerpt` in `text` ignoring differences in whitespace (a curated quote joins paragraphs
 * with a space); returns its range in `text`, or null.
 */
export function locate(text: string, excerpt: string): { start: number; end: number } | null {
	const map: number[] = [];
	let flat = '';
	for (let i = 0; i < text.length; i++) {
		if (/\s/.test(text[i])) {
			if (flat.endsWith(' ')) continue;
			flat += ' ';
		} else flat += text[i];
		map.push(i);
	}
	const needle = excerpt.replace(/\s+/g, ' ').trim();
	const at = flat.indexOf(needle);
	if (at < 0) return null;
	return { start: map[at], end: map[at + needle.length - 1] + 1 };
}

/** Every range of every proposal is the text it claims to be. */
export function verbatimShare(text: string, p: Proposals): { ok: number; all: number } {
	const items = [...p.places, ...p.dates, ...p.claims, ...p.statements];
	const ok = items.filter(
		(x) => x.start >= 0 && x.end <= text.length && text.slice(x.start, x.end) === x.text
	).length;
	return { ok, all: items.length };
}
