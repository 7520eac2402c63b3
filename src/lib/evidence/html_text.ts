/**
 * Elements whose content is never article text: code, styles, embedded documents and the page's
 * furniture (navigation, asides, footers, forms). Their content is dropped with them.
 */
const SKIPPED = new Set([
	'head',
	'script',
	'style',
	'noscript',
	'template',
	'svg',
	'math',
	'iframe',
	'object',
	'canvas',
	'select',
	'button',
	'nav',
	'aside',
	'footer',
	'form'
]);

/** Elements that start a new line of text. */
const BLOCKS = new Set([
	'address',
	'article',
	'blockquote',
	'br',
	'caption',
	'dd',
	'details',
	'dialog',
	'div',
	'dl',
	'dt',
	'fieldset',
	'figcaption',
	'figure',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'hgroup',
	'hr',
	'li',
	'main',
	'ol',
	'p',
	'pre',
	'section',
	'summary',
	'table',
	'tbody',
	'td',
	'tfoot',
	'th',
	'thead',
	'tr',
	'ul'
]);

/** Elements that have no end tag. */
const VOID = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'param',
	'source',
	'track',
	'wbr'
]);

/** The named character references of HTML 4's Latin-1 set, U+00A0 to U+00FF in order. */
const LATIN1 =
	'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const NAMED: ReadonlyMap<string, string> = new Map([
	...LATIN1.split(' ').map((name, i): [string, string] => [name, String.fromCharCode(0xa0 + i)]),
	['amp', '&'],
	['lt', '<'],
	['gt', '>'],
	['quot', '"'],
	['apos', "'"],
	['ndash', '\u2013'],
	['mdash', '\u2014'],
	['lsquo', '\u2018'],
	['rsquo', '\u2019'],
	['sbquo', '\u201a'],
	['ldquo', '\u201c'],
	['rdquo', '\u201d'],
	['bdquo', '\u201e'],
	['hellip', '\u2026'],
	['bull', '\u2022'],
	['prime', '\u2032'],
	['euro', '\u20ac'],
	['trade', '\u2122'],
	['thinsp', '\u2009'],
	['ensp', '\u2002'],
	['emsp', '\u2003'],
	['zwnj', '\u200c'],
	['zwj', '\u200d'],
	['lrm', '\u200e'],
	['rlm', '\u200f']
]);

/** A code point a numeric reference may not produce (NUL, surrogates, beyond Unicode): U+FFFD. */
function fromCodePoint(code: number): string {
	if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
	return String.fromCodePoint(code);
}

/**
 * `text` with its character references decoded: `&amp;`, `&#233;`, `&#xE9;` and the named ones
 * above (with or without the `;` for the Latin-1 set, as browsers read them). An unknown name stays
 * as written.
 */
export function decodeEntities(text: string): string {
	return text.replace(
		/&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g,
		(whole, dec?: string, hex?: string, name?: string) => {
			if (dec !== undefined) return fromCodePoint(Number(dec));
			if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
			return NAMED.get(name!) ?? whole;
		}
	);
}

interface Tag {
	name: string;
	closing: boolean;
	selfClosing: boolean;
	/** Index just after the tag's `>`. */
	end: number;
}

/** Reads the tag at `html[at] === '<'`, its attributes skipped with their quotes; `null` if none. */
function readTag(html: string, at: number): Tag | null {
	const head = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(at, at + 80));
	if (!head) return null;
	let i = at + head[0].length;
	let quote = '';
	for (; i < html.length; i++) {
		const c = html[i];
		if (quote) {
			if (c === quote) quote = '';
		} else if (c === '"' || c === "'") {
			quote = c;
		} else if (c === '>') {
			return {
				name: head[2].toLowerCase(),
				closing: head[1] === '/',
				selfClosing: html[i - 1] === '/',
				end: i + 1
			};
		}
	}
	return { name: head[2].toLowerCase(), closing: head[1] === '/', selfClosing: false, end: i };
}

/** The index after the end tag `</name>` from `from`, or the end of `html`. */
function afterEndTag(html: string, name: string, from: number): number {
	const re = new RegExp(`</${name}\\s*>`, 'ig');
	re.lastIndex = from;
	const match = re.exec(html);
	return match ? match.index + match[0].length : html.length;
}

/**
 * The part of the page the article is in: the content of its first `<article>` (or `<main>`)
 * when it has one, else the whole page. Nested elements of the same name are counted.
 */
function articlePart(html: string): string {
	for (const name of ['article', 'main']) {
		const open = new RegExp(`<${name}\\b[^>]*>`, 'i').exec(html);
		if (!open) continue;
		const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'ig');
		tags.lastIndex = open.index + open[0].length;
		let depth = 1;
		for (let m = tags.exec(html); m; m = tags.exec(html)) {
			depth += m[1] ? -1 : 1;
			if (depth === 0) return html.slice(open.index + open[0].length, m.index);
		}
		return html.slice(open.index + open[0].length);
	}
	return html;
}

/**
 * The readable text of an HTML page, without a network or a DOM: the article's part of the page
 * (see {@link articlePart}), without scripts, styles, navigation, asides, footers, forms and
 * comments; each block element (paragraph, heading, list item, table cell, `<br>`…) on its own
 * line, whitespace inside a line collapsed as a browser shows it (kept inside `<pre>`), character
 * references decoded, empty lines dropped. The result is what a reader would copy from the page,
 * so an excerpt quoted from the page is found in it.
 */
export function htmlToText(html: string): string {
	const part = articlePart(html);
	const lines: string[] = [];
	let line = '';
	let pre = 0;
	const breakLine = () => {
		const done = pre ? line.replace(/^\n+|\s+$/g, '') : line.replace(/\s+/g, ' ').trim();
		if (done) lines.push(done);
		line = '';
	};
	const addText = (raw: string) => {
		line += decodeEntities(raw);
	};
	let i = 0;
	while (i < part.length) {
		const lt = part.indexOf('<', i);
		if (lt < 0) {
			addText(part.slice(i));
			break;
		}
		if (lt > i) addText(part.slice(i, lt));
		if (part.startsWith('<!--', lt)) {
			const close = part.indexOf('-->', lt + 4);
			i = close < 0 ? part.length : close + 3;
			continue;
		}
		if (part[lt + 1] === '!' || part[lt + 1] === '?') {
			const close = part.indexOf('>', lt);
			i = close < 0 ? part.length : close + 1;
			continue;
		}
		const tag = readTag(part, lt);
		if (!tag) {
			addText('<');
			i = lt + 1;
			continue;
		}
		i = tag.end;
		if (!tag.closing && SKIPPED.has(tag.name)) {
			if (!tag.selfClosing && !VOID.has(tag.name)) i = afterEndTag(part, tag.name, i);
			continue;
		}
		if (tag.name === 'pre') {
			breakLine();
			pre = Math.max(0, pre + (tag.closing ? -1 : 1));
			continue;
		}
		if (BLOCKS.has(tag.name)) breakLine();
		else if (tag.name === 'img' || tag.name === 'wbr') continue;
	}
	breakLine();
	return lines.join('\n');
}
