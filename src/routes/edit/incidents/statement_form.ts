import type { TextRange } from './excerpt_range';

/** Who gave the translation we add to a statement: it is ours, and says so. */
export const OUR_TRANSLATION = 'Incident Atlas';

/** The fields of a statement the form edits, by the API's names for them. */
export const STATEMENT_FIELDS = [
	'source_id',
	'quote.text',
	'quote.lang',
	'speaker.name',
	'speaker.role',
	'speaker.organization_id',
	'said_on',
	'date_precision',
	'via',
	'form',
	'translation.text',
	'topics',
	'note'
] as const;

export interface StatementFormState {
	sourceId: string;
	speakerName: string;
	speakerRole: string;
	organizationId: string;
	saidOn: string;
	datePrecision: 'day' | 'week' | 'month' | 'year';
	/** How the words reached the source ("official report relayed by the press"). */
	via: string;
	form: 'direct' | 'reported';
	/** The language of the excerpt: the source's language unless changed. */
	quoteLang: string;
	translation: string;
	/** One topic a line. */
	topics: string;
	note: string;
}

export function emptyStatement(): StatementFormState {
	return {
		sourceId: '',
		speakerName: '',
		speakerRole: '',
		organizationId: '',
		saidOn: '',
		datePrecision: 'day',
		via: '',
		form: 'reported',
		quoteLang: '',
		translation: '',
		topics: '',
		note: ''
	};
}

const lines = (text: string) =>
	text
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l !== '');

/**
 * The body `POST /api/statements` is sent, in the dataset's statement format: the excerpt is the
 * snapshot's text over the chosen range (`quote.text`, which the API finds in the snapshot again
 * and stores as that range), the translation ours (`by` {@link OUR_TRANSLATION}), about the
 * incident being edited.
 */
export function statementOfForm(
	form: StatementFormState,
	excerpt: { text: string; range: TextRange | null },
	incidentId: string
): Record<string, unknown> {
	const body: Record<string, unknown> = {
		speaker: {
			name: form.speakerName,
			role: form.speakerRole,
			organization_id: form.organizationId
		},
		said_on: form.saidOn,
		date_precision: form.datePrecision,
		via: form.via,
		form: form.form,
		quote: {
			lang: form.quoteLang.trim(),
			text: excerpt.range ? excerpt.text.slice(excerpt.range.start, excerpt.range.end) : ''
		},
		translation: { lang: 'en', text: form.translation, by: OUR_TRANSLATION },
		source_id: form.sourceId,
		incident_ids: [incidentId],
		topics: lines(form.topics)
	};
	if (form.note.trim() !== '') body.note = form.note;
	return body;
}
