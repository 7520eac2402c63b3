import { describe, expect, it } from 'vitest';
import { segments } from './highlight';

describe('segments', () => {
	const text = 'Ngày 23/11, Bộ Quốc phòng Nga cho biết gần Madagiz.';

	it('gives the text back, cut at every boundary, the innermost kind on top', () => {
		const madagiz = text.indexOf('Madagiz');
		const parts = segments(text, [
			{ kind: 'statement', start: 0, end: text.length },
			{ kind: 'date', start: 0, end: 10 },
			{ kind: 'place', start: madagiz, end: madagiz + 7 }
		]);
		expect(parts.map((p) => p.text).join('')).toBe(text);
		expect(parts.find((p) => p.text === 'Madagiz')).toMatchObject({
			kind: 'place',
			kinds: ['place', 'statement']
		});
		expect(parts[0]).toMatchObject({ text: 'Ngày 23/11', kind: 'date' });
		expect(parts[1]).toMatchObject({ kind: 'statement', kinds: ['statement'] });
	});

	it('leaves text without proposals unmarked, and clips ranges outside the text', () => {
		expect(segments('abc', [])).toEqual([{ start: 0, end: 3, text: 'abc', kind: null, kinds: [] }]);
		const parts = segments('abc', [{ kind: 'claim', start: 2, end: 99 }]);
		expect(parts.map((p) => [p.text, p.kind])).toEqual([
			['ab', null],
			['c', 'claim']
		]);
	});

	it('an empty text has no segments', () => {
		expect(segments('', [{ kind: 'place', start: 0, end: 4 }])).toEqual([]);
	});
});
