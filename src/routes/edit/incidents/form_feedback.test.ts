import { describe, expect, it } from 'vitest';
import { FormFeedback, answerOf } from './form_feedback.svelte';

describe('FormFeedback', () => {
	it("names a field's error list by the form's scope, so two forms on a page keep apart", () => {
		const statement = new FormFeedback('statement');
		expect(statement.errorId('quote.text')).toBe('statement-error-quote-text');
		expect(statement.fieldName('quote.text')).toBe('statement.quote.text');
		const main = new FormFeedback();
		expect(main.errorId('titleEn')).toBe('error-titleEn');
		expect(main.fieldName('titleEn')).toBe('titleEn');
	});

	it('marks a field invalid and described by its problems only while it has some', () => {
		const feedback = new FormFeedback('source');
		expect(feedback.aria('url')).toEqual({
			'aria-invalid': undefined,
			'aria-describedby': undefined
		});
		expect(feedback.aria('url', 'url-hint')['aria-describedby']).toBe('url-hint');
		feedback.problems = { url: ['must be the publisher’s own page'] };
		expect(feedback.aria('url', 'url-hint')).toEqual({
			'aria-invalid': 'true',
			'aria-describedby': 'url-hint source-error-url'
		});
		expect(feedback.aria('title')['aria-invalid']).toBeUndefined();
	});

	it('keeps the last notice', () => {
		const feedback = new FormFeedback();
		feedback.fail('refused');
		expect(feedback.notice).toEqual({ kind: 'error', text: 'refused' });
		feedback.ok('saved');
		expect(feedback.notice).toEqual({ kind: 'ok', text: 'saved' });
	});
});

describe('answerOf', () => {
	it('reads a JSON body, and gives {} for a body that is not JSON', async () => {
		expect(await answerOf(new Response('{"id":"src-1"}'))).toEqual({ id: 'src-1' });
		expect(await answerOf(new Response('<html>Bad gateway</html>', { status: 502 }))).toEqual({});
		expect(await answerOf(new Response(null, { status: 204 }))).toEqual({});
	});
});
