import type { Claim, ClaimValue } from '$lib/data/schema';
import type { FieldProblem } from './incident_form';

/** The metrics the dataset's claims use, offered as suggestions; any other may be typed. */
export const METRICS = [
	'killed',
	'wounded',
	'missing',
	'positions_taken',
	'aircraft_lost'
] as const;

/**
 * A claim as the form holds it. A figure is one number (`single`), or a range: `low`, and
 * optionally the claimant's `best` estimate and `high` (UCDP's low/best/high). Numbers as the
 * number inputs give them, `null` when empty.
 */
export interface ClaimFormState {
	metric: string;
	shape: 'single' | 'range';
	single: number | null;
	low: number | null;
	best: number | null;
	high: number | null;
	subject: string;
	claimant: string;
	/** The statement the figure comes from; `''` for a claim made in a source without one. */
	statementId: string;
	sourceId: string;
	note: string;
}

export function emptyClaim(): ClaimFormState {
	return {
		metric: '',
		shape: 'single',
		single: null,
		low: null,
		best: null,
		high: null,
		subject: '',
		claimant: '',
		statementId: '',
		sourceId: '',
		note: ''
	};
}

/** The form of a stored claim. */
export function claimFormOf(claim: Claim): ClaimFormState {
	const v = claim.value;
	const single = typeof v === 'number';
	return {
		metric: claim.metric,
		shape: single ? 'single' : 'range',
		single: single ? v : null,
		low: single ? null : v.low,
		best: single ? null : (v.best ?? null),
		high: single ? null : (v.high ?? null),
		subject: claim.subject,
		claimant: claim.claimant,
		statementId: claim.statement_id ?? '',
		sourceId: claim.source_id,
		note: claim.note ?? ''
	};
}

/**
 * The claim the API is sent, in the dataset's format. An empty number is sent as `null`, so the
 * API names it (`claims[0].value` or `claims[0].value.low`); an empty `best` or `high` of a range
 * is left out (both are optional). The source is the statement's when one is chosen.
 */
export function claimOfForm(
	form: ClaimFormState,
	sourceOfStatement: (id: string) => string | undefined = () => undefined
): Record<string, unknown> {
	let value: ClaimValue | Record<string, unknown> | null;
	if (form.shape === 'single') value = form.single;
	else {
		const range: Record<string, unknown> = { low: form.low };
		if (form.best !== null) range.best = form.best;
		if (form.high !== null) range.high = form.high;
		value = range;
	}
	const claim: Record<string, unknown> = {
		metric: form.metric.trim(),
		value,
		subject: form.subject,
		claimant: form.claimant
	};
	if (form.statementId !== '') claim.statement_id = form.statementId;
	claim.source_id =
		(form.statementId !== '' ? sourceOfStatement(form.statementId) : undefined) ?? form.sourceId;
	if (form.note.trim() !== '') claim.note = form.note;
	return claim;
}

/** The fields of a claim the form shows errors beside, by the API's names (after `claims[i].`). */
export const CLAIM_FIELDS = [
	'metric',
	'value',
	'value.low',
	'value.best',
	'value.high',
	'subject',
	'claimant',
	'statement_id',
	'source_id',
	'note'
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

/**
 * The problems of an API answer about claims, by claim and field (`claims[1].value.best` → claim
 * 1, `value.best`; a problem about a single figure, `claims[0].value`, stays `value`); the rest
 * are returned for the incident form to place.
 */
export function splitClaimProblems(problems: readonly FieldProblem[]): {
	claims: Record<number, Partial<Record<ClaimField, string[]>>>;
	rest: FieldProblem[];
} {
	const claims: Record<number, Partial<Record<ClaimField, string[]>>> = {};
	const rest: FieldProblem[] = [];
	for (const problem of problems) {
		const match = /^claims\[(\d+)\](?:\.(.+))?$/.exec(problem.field);
		if (!match) {
			rest.push(problem);
			continue;
		}
		const sub = match[2] ?? '';
		const field =
			CLAIM_FIELDS.find((f) => f === sub) ?? CLAIM_FIELDS.find((f) => sub.startsWith(`${f}.`));
		const key: ClaimField = field ?? 'metric';
		const message = field ? problem.message : `${problem.field}: ${problem.message}`;
		((claims[Number(match[1])] ??= {})[key] ??= []).push(message);
	}
	return { claims, rest };
}

/**
 * `body` (the incident the API is sent) with the form's claims and statements in place of the
 * ones it was built over.
 */
export function withClaimsAndStatements(
	body: unknown,
	claims: readonly Record<string, unknown>[],
	statementIds: readonly string[]
): unknown {
	const feature = body as { properties: Record<string, unknown> };
	return {
		...feature,
		properties: { ...feature.properties, claims: [...claims], statement_ids: [...statementIds] }
	};
}
