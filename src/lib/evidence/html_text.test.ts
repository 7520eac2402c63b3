import { describe, expect, it } from 'vitest';
import {
	articlesSuite,
	asNewsPage,
	capturedArticles,
	haveArticles,
	quotedStatements
} from '../../../tests/fixtures/captured_articles';
import { findExcerpt } from './find_excerpt';
import { decodeEntities, htmlToText } from './html_text';

describe('decodeEntities', () => {
	it('decodes named, decimal and hexadecimal references', () => {
		expect(decodeEntities('Tom &amp; Jerry &lt;b&gt; &quot;x&quot; &#39;y&#x27;')).toBe(
			'Tom & Jerry <b> "x" \'y\''
		);
		expect(decodeEntities('Gi&agrave;nh &#7897; &#x1EA1; &ndash; &hellip;')).toBe('Giành ộ ạ – …');
	});

	it('turns NUL, surrogates and out-of-range numbers into U+FFFD, and leaves unknown names', () => {
		expect(decodeEntities('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
		expect(decodeEntities('&notaname; & &;')).toBe('&notaname; & &;');
	});
});

describe('htmlToText', () => {
	it('puts block elements on lines of their own and collapses whitespace inside a line', () => {
		const html =
			'<h1>Title</h1><p>One\n   two <b>bold</b>,<br>three</p><ul><li>a</li><li>b</li></ul>';
		expect(htmlToText(html)).toBe('Title\nOne two bold,\nthree\na\nb');
	});

	it('drops scripts, styles, navigation, asides, footers, forms, comments and the head', () => {
		const html = `<!doctype html><html><head><title>T</title><style>p{color:red}</style>
			<script>var s = "<p>not text</p>";</script></head><body>
			<nav><a href="/">Home</a></nav><!-- <p>comment</p> -->
			<p>Kept</p><aside>Related</aside><form><input value="x"><button>Go</button></form>
			<noscript>Enable JS</noscript><footer>© site</footer></body></html>`;
		expect(htmlToText(html)).toBe('Kept');
	});

	it('takes the article when the page has one, nested articles included', () => {
		const html =
			'<header>Site</header><article><p>Body</p><article><p>Inner</p></article><p>End</p></article><div>More news</div>';
		expect(htmlToText(html)).toBe('Body\nInner\nEnd');
		expect(htmlToText('<div>Menu</div><main><p>Main text</p></main>')).toBe('Main text');
	});

	it('reads attributes with quotes and > inside them as part of the tag', () => {
		expect(htmlToText('<p title="a > b" data-x=\'<p>\'>Text</p>')).toBe('Text');
	});

	it('keeps a lone < and text that only looks like a tag', () => {
		expect(htmlToText('<p>1 < 2 and 3<4, a <= b</p>')).toBe('1 < 2 and 3<4, a <= b');
	});

	it('keeps the whitespace of <pre>', () => {
		expect(htmlToText('<p>x</p><pre>a  b\n  c</pre>')).toBe('x\na  b\n  c');
	});

	it('ends cleanly on unterminated markup', () => {
		expect(htmlToText('<p>Text<script>never closed')).toBe('Text');
		expect(htmlToText('<p>Text <a href="x')).toBe('Text');
		expect(htmlToText('')).toBe('');
	});
});

describe.skipIf(!haveArticles)(
	articlesSuite('htmlToText on the captured articles served as news pages'),
	() => {
		const articles = haveArticles ? capturedArticles() : [];
		const quoted = haveArticles ? quotedStatements() : [];

		it.each(articles.map((a) => [a.file, a] as const))(
			'%s: the text comes back line for line, without the page around it',
			(_file, article) => {
				const text = htmlToText(asNewsPage(article.text));
				const lines = article.text
					.split('\n')
					.map((l) => l.replace(/\s+/g, ' ').trim())
					.filter(Boolean);
				expect(text.split('\n')).toEqual(lines);
				expect(text).not.toContain('dataLayer');
				expect(text).not.toContain('Trang chủ');
				expect(text).not.toContain('tracking');
				expect(text).not.toContain('Báo điện tử');
			}
		);

		it.each(quoted.map((q) => [q.statement.id, q] as const))(
			'%s: its excerpt is found in the text extracted from the page',
			(_id, { statement, article }) => {
				const text = htmlToText(asNewsPage(article.text));
				const range = findExcerpt(text, statement.quote.text);
				expect(range).not.toBeNull();
			}
		);
	}
);
