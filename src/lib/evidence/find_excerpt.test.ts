import { describe, expect, it } from 'vitest';
import {
	articlesSuite,
	haveArticles,
	quotedStatements
} from '../../../tests/fixtures/captured_articles';
import { findExcerpt } from './find_excerpt';

describe('findExcerpt', () => {
	const snapshot = 'Ngày 23/11, Bộ Quốc phòng Nga cho biết,\n1 binh sĩ  bị thương.\n';

	it('gives the range of a verbatim excerpt', () => {
		const range = findExcerpt(snapshot, 'Bộ Quốc phòng Nga');
		expect(range).toEqual({ start: 12, end: 29 });
		expect(snapshot.slice(range!.start, range!.end)).toBe('Bộ Quốc phòng Nga');
	});

	it('lets any run of whitespace match any other run, and the range covers the snapshot’s run', () => {
		const range = findExcerpt(snapshot, 'cho biết, 1 binh sĩ\t\tbị thương.');
		expect(range).not.toBeNull();
		expect(snapshot.slice(range!.start, range!.end)).toBe('cho biết,\n1 binh sĩ  bị thương.');
	});

	it('ignores whitespace around the excerpt and leaves it out of the range', () => {
		const range = findExcerpt(snapshot, '  \n Nga cho biết \n');
		expect(snapshot.slice(range!.start, range!.end)).toBe('Nga cho biết');
	});

	it('counts a no-break space as whitespace', () => {
		expect(findExcerpt('1\u00a0binh sĩ', '1 binh sĩ')).toEqual({ start: 0, end: 9 });
	});

	it('does not let whitespace match nothing, nor nothing match whitespace', () => {
		expect(findExcerpt(snapshot, 'BộQuốc phòng')).toBeNull();
		expect(findExcerpt('BộQuốc', 'Bộ Quốc')).toBeNull();
	});

	it('refuses any other difference: a letter, a diacritic, case, punctuation', () => {
		expect(findExcerpt(snapshot, 'Bộ Quốc phòng Ngà')).toBeNull();
		expect(findExcerpt(snapshot, 'Bo Quoc phong Nga')).toBeNull();
		expect(findExcerpt(snapshot, 'bộ quốc phòng nga')).toBeNull();
		expect(findExcerpt(snapshot, 'Nga cho biết.')).toBeNull();
	});

	it('does not normalise Unicode: a decomposed excerpt is not the precomposed text', () => {
		expect(findExcerpt(snapshot, 'Bộ'.normalize('NFD'))).toBeNull();
	});

	it('finds nothing for an empty or blank excerpt, or in an empty snapshot', () => {
		expect(findExcerpt(snapshot, '')).toBeNull();
		expect(findExcerpt(snapshot, ' \n\t')).toBeNull();
		expect(findExcerpt('', 'Nga')).toBeNull();
	});

	it('gives the first occurrence', () => {
		expect(findExcerpt('a b. a  b.', 'a b.')).toEqual({ start: 0, end: 4 });
	});

	it('counts in UTF-16 code units, as JavaScript strings index', () => {
		const text = '🙂 Madagiz';
		expect(findExcerpt(text, 'Madagiz')).toEqual({ start: 3, end: 10 });
	});
});

describe.skipIf(!haveArticles)(
	articlesSuite('findExcerpt over the shipped statements and the captured articles'),
	() => {
		const quoted = haveArticles ? quotedStatements() : [];

		it('has statements from both articles, two of them differing only in whitespace', () => {
			expect(new Set(quoted.map((q) => q.article.file)).size).toBe(2);
			const inexact = quoted.filter((q) => !q.article.text.includes(q.statement.quote.text));
			expect(inexact.length).toBe(2);
		});

		it.each(quoted.map((q) => [q.statement.id, q] as const))(
			'%s: found, and the range holds the quote up to whitespace',
			(_id, { statement, article }) => {
				const range = findExcerpt(article.text, statement.quote.text);
				expect(range).not.toBeNull();
				const found = article.text.slice(range!.start, range!.end);
				const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
				expect(squash(found)).toBe(squash(statement.quote.text));
				expect(found).toBe(found.trim());
			}
		);

		it.each(quoted.map((q) => [q.statement.id, q] as const))(
			'%s: with its whitespace rearranged (every run a newline and tabs), still found at the same range',
			(_id, { statement, article }) => {
				const respaced = statement.quote.text.trim().split(/\s+/).join('\n\t ');
				expect(findExcerpt(article.text, respaced)).toEqual(
					findExcerpt(article.text, statement.quote.text)
				);
			}
		);

		it.each(quoted.map((q) => [q.statement.id, q] as const))(
			'%s: with a word added or a letter dropped, refused',
			(_id, { statement, article }) => {
				const quote = statement.quote.text.trim();
				const words = quote.split(/\s+/);
				const middle = Math.floor(words.length / 2);
				const changed = [...words.slice(0, middle), 'không', ...words.slice(middle)].join(' ');
				expect(findExcerpt(article.text, changed)).toBeNull();
				const dropped = quote.slice(0, quote.length >> 1) + quote.slice((quote.length >> 1) + 1);
				expect(findExcerpt(article.text, dropped)).toBeNull();
			}
		);
	}
);
