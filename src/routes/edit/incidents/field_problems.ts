import type { FieldProblem } from './incident_form';

/**
 * The problems of an API answer by the field each is shown beside. A form names its inputs by the
 * API's own field names (`publisher`, `quote.text`, `speaker.organization_id`); a problem about
 * a field the form has no input for, or about the whole record, goes under `form`, its field
 * named in the message.
 */
export function problemsByName(
	problems: readonly FieldProblem[],
	fields: readonly string[]
): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const { field, message } of problems) {
		const known = fields.includes(field)
			? field
			: fields.find((f) => field.startsWith(`${f}.`) || field.startsWith(`${f}[`));
		const key = known ?? 'form';
		(out[key] ??= []).push(key === field || !field ? message : `${field}: ${message}`);
	}
	return out;
}

/** The `errors` of a `400` answer of the editing API; none when the answer has none. */
export function answerProblems(answer: Record<string, unknown>): FieldProblem[] {
	if (!Array.isArray(answer.errors)) return [];
	return answer.errors.filter(
		(e): e is FieldProblem =>
			typeof e === 'object' && e !== null && typeof (e as FieldProblem).field === 'string'
	);
}
