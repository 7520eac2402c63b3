/** A message under a form's buttons: what was saved, or why not. */
export interface Notice {
	kind: 'ok' | 'error';
	text: string;
}

/**
 * What one editor form tells its user: the problems per field the server named (a 400's
 * `problems`, mapped to the form's keys) and the notice under its buttons. It names each field's
 * error list so the field can point at it (`aria-describedby`) and say it is invalid
 * (`aria-invalid`); forms that share a page keep their ids apart by their `scope`.
 */
export class FormFeedback<K extends string = string> {
	problems = $state<Partial<Record<K, string[]>>>({});
	notice = $state<Notice | null>(null);

	/**
	 * @param scope The form's name on the page (`source`, `statement`), prefixing its error ids and
	 *   their `data-field-error`; empty for the page's main form.
	 */
	constructor(readonly scope = '') {}

	/** The id of the list of a field's problems. */
	errorId(key: K): string {
		const id = key.replace(/[^\w-]/g, '-');
		return this.scope ? `${this.scope}-error-${id}` : `error-${id}`;
	}

	/** The field's name in `data-field-error`, which tests and the page's summary look for. */
	fieldName(key: K): string {
		return this.scope ? `${this.scope}.${key}` : key;
	}

	/** The ARIA attributes of a field: invalid while it has problems, described by them and `hint`. */
	aria(key: K, hint?: string): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
		const problem = this.problems[key] ? this.errorId(key) : undefined;
		const describedBy = [hint, problem].filter(Boolean).join(' ') || undefined;
		return {
			'aria-invalid': problem ? 'true' : undefined,
			'aria-describedby': describedBy
		};
	}

	ok(text: string): void {
		this.notice = { kind: 'ok', text };
	}

	fail(text: string): void {
		this.notice = { kind: 'error', text };
	}
}

/** A response's JSON body, or `{}` when it has none (a proxy's HTML error page, an empty 502). */
export async function answerOf(response: Response): Promise<Record<string, unknown>> {
	try {
		return (await response.json()) as Record<string, unknown>;
	} catch {
		return {};
	}
}
