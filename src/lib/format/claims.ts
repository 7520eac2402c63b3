import type { Claim, ClaimValue } from '$lib/data/schema';
import { locale, messages, type Lang } from '$lib/i18n';
import { claimUpperFigure, claimValueText, sameClaimValue } from '$lib/atlas/claims';

/** A claimed figure as text in the UI's language ({@link claimValueText}'s rule). */
export function formatClaimValue(value: ClaimValue, lang: Lang): string {
	const t = messages(lang).claims;
	return claimValueText(value, {
		number: (x) => x.toLocaleString(locale(lang)),
		atLeast: t.atLeast,
		range: t.range
	});
}

/** The largest figure a claim allows (its upper bound, else its lower one). */
export const claimMax = claimUpperFigure;

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
			sorted.some((b, j) => j > i && a.subject === b.subject && !sameClaimValue(a.value, b.value))
		);
		return { metric, claims: sorted, differ };
	});
}
