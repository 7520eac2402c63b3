import { answerOf } from './form_feedback.svelte';

/** The fields of a new source the form edits, by the API's names for them. */
export const SOURCE_FIELDS = [
	'publisher',
	'title',
	'url',
	'published',
	'published_precision',
	'language',
	'kind'
] as const;

/** The kinds of source the dataset uses, offered first; any other may be typed. */
export const SOURCE_KINDS = ['news article', 'official statement', 'reference'] as const;

export interface SourceFormState {
	publisher: string;
	title: string;
	url: string;
	/** The publication date, `YYYY-MM-DD`. */
	published: string;
	publishedPrecision: 'day' | 'week' | 'month' | 'year';
	/** The language the source is written in (a BCP 47 code: `vi`, `en`, `ru`). */
	language: string;
	kind: string;
}

export function emptySource(): SourceFormState {
	return {
		publisher: '',
		title: '',
		url: '',
		published: '',
		publishedPrecision: 'day',
		language: '',
		kind: 'news article'
	};
}

/**
 * The body `POST /api/sources` is sent: the dataset's source format, text as typed (the server
 * judges it, the URL by the citing rules of `check:data`). An empty URL is left out, so the API
 * names it as missing rather than as not a URL.
 */
export function sourceOfForm(form: SourceFormState): Record<string, unknown> {
	const body: Record<string, unknown> = {
		publisher: form.publisher,
		title: form.title,
		published: form.published,
		published_precision: form.publishedPrecision,
		language: form.language.trim(),
		kind: form.kind
	};
	if (form.url.trim() !== '') body.url = form.url.trim();
	return body;
}

/** How the snapshot is given: text pasted, or the page as saved from the browser. */
export type SnapshotInput = { kind: 'text'; text: string } | { kind: 'html'; html: string };

/**
 * The snapshot an editor gave: the chosen saved page if any (it is the fuller record), else the
 * pasted text; `null` when neither.
 */
export async function snapshotOf(
	file: { text(): Promise<string> } | undefined,
	pasted: string
): Promise<SnapshotInput | null> {
	if (file) return { kind: 'html', html: await file.text() };
	return pasted.trim() !== '' ? { kind: 'text', text: pasted } : null;
}

/**
 * The request `PUT /api/sources/<id>/snapshot` is sent: pasted text as `{text}` JSON; a saved page
 * as it is, `text/html`, for the server to extract its readable text.
 */
export function snapshotRequest(input: SnapshotInput): { contentType: string; body: string } {
	return input.kind === 'text'
		? { contentType: 'application/json', body: JSON.stringify({ text: input.text }) }
		: { contentType: 'text/html; charset=utf-8', body: input.html };
}

/** What putting a snapshot came to: stored, or refused with the server's reason. */
export type SnapshotOutcome = { ok: true } | { ok: false; status: number; why: string };

/**
 * Puts a snapshot of source `id` (`PUT /api/sources/<id>/snapshot`). A refusal carries the
 * server's own description (the field's problem, shown beside it), else the status text; a network
 * failure rejects, for the form to report as one.
 */
export async function putSnapshot(
	id: string,
	input: SnapshotInput,
	fetchFn: typeof fetch = fetch
): Promise<SnapshotOutcome> {
	const request = snapshotRequest(input);
	const response = await fetchFn(`/api/sources/${encodeURIComponent(id)}/snapshot`, {
		method: 'PUT',
		headers: { 'content-type': request.contentType },
		body: request.body
	});
	if (response.ok) return { ok: true };
	const answer = await answerOf(response);
	return {
		ok: false,
		status: response.status,
		why: String(answer.description ?? response.statusText)
	};
}
