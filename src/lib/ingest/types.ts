export type Lang = 'vi' | 'en' | 'ru';

/** A character range into the ingested text: `text.slice(start, end)` is the evidence. */
export interface Span {
	start: number;
	end: number;
}

export interface PlaceAlternative {
	place_id: string | null;
	name: string;
	kind: string;
}

export interface PlaceProposal extends Span {
	place_id: string | null;
	name: string;
	kind: string;
	text: string;
	/** Other readings of the same spelling (a city, its district, a river), best first. */
	alternatives: PlaceAlternative[];
}

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateProposal extends Span {
	date: string;
	precision: DatePrecision;
	text: string;
	/** `absolute`, or relative to the publication date or to the previous date in the text. */
	basis: 'absolute' | 'published' | 'previous';
}

export type ClaimValue = number | { low?: number; best?: number; high?: number };

export interface ClaimProposal extends Span {
	metric: string;
	value: ClaimValue;
	subject: string;
	claimant: string;
	text: string;
	/** Index in `statements` of the statement the claim was made in, when there is one. */
	statement: number | null;
}

export interface StatementProposal extends Span {
	speaker: string;
	organization: string | null;
	/** A spokesperson who spoke for the speaker, when the text names one. */
	via: string | null;
	form: 'direct' | 'reported';
	text: string;
}

export interface IncidentProposal {
	place_ids: string[];
	date: string | null;
	date_precision: DatePrecision | null;
	type: string;
	claims: number[];
	statements: number[];
	/** An existing incident that matches on place and date within its precision. */
	attach_to: string | null;
}

export interface Proposals {
	places: PlaceProposal[];
	dates: DateProposal[];
	claims: ClaimProposal[];
	statements: StatementProposal[];
	incidents: IncidentProposal[];
}
