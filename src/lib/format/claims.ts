import type { Claim, ClaimValue } from '$lib/data/schema';
import { locale, messages, type Lang } from '$lib/i18n';

/** A claimed figure as text: "12", "at least 30", "30–35", "40 (30–60)" for a best estimate. */
export function formatClaimValue(value: ClaimValue, lang: Lang): string {
	const n = (x: number) => x.toLocaleString(locale(lang));
	if (typeof value === 'number') return n(value);
	const t = messages(lang).claims;
	const bounds =
		value.high === undefined
			? t.atLeast(n(value.low))
			: value.high === value.low
				? n(value.low)
				: t.range(n(value.low), n(value.high));
	if (value.best === undefined || (value.best === value.low && value.high === value.low))
		return bounds;
	return `${n(value.best)} (${bounds})`;
}

/** The largest figure a claim allows (its upper bound, else its lower one). */
export function claimMax(value: ClaimValue): number {
	return typeof value === 'number' ? value : (value.high ?? value.low);
}

function sameValue(a: ClaimValue, b: ClaimValue): boolean {
	const lo = (v: ClaimValue) => (typeof v === 'number' ? v : v.low);
	const hi = (v: ClaimValue) => (typeof v === 'number' ? v : (v.high ?? Infinity));
	const best = (v: ClaimValue) => (typeof v === 'number' ? v : v.best);
	return lo(a) === lo(b) && hi(a) === hi(b) && best(a) === best(b);
}

export interface ClaimGroup {
	metric: string;
	claims: Claim[];
	/** Whether two claimants give different figures for the same subject. */
	differ: boolean;
}

/**
 * Claims grouped by metric (first-seen order), each group sorted by subject then claimant, so
 * that competing figures for the same thing sit next to each other.
 */
export function groupClaims(claims: readonly Claim[]): ClaimGroup[] {
	const groups = new Map<string, Claim[]>();
	for (const claim of claims) {
		const group = groups.get(claim.metric);
		if (group) group.push(claim);
		else groups.set(claim.metric, [claim]);
	}
	return [...groups].map(([metric, list]) => {
		const sorted = [...list].sort(
			(a, b) => a.subject.localeCompare(b.subject) || a.claimant.localeCompare(b.claimant)
		);
		const differ = sorted.some((a, i) =>
			sorted.some((b, j) => j > i && a.subject === b.subject && !sameValue(a.value, b.value))
		);
		return { metric, claims: sorted, differ };
	});
}
