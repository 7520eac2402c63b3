/**
 * The `@font-face` rules of the `@fontsource` stylesheets the page imports (`MapView.svelte`),
 * read so that the glyph builder draws with exactly the faces, weights and subsets the page has.
 */

/** The stylesheets `MapView.svelte` imports; `glyphs.test.ts` checks the two lists agree. */
export const FONT_STYLESHEETS = [
	'@fontsource/noto-sans/400.css',
	'@fontsource/noto-sans/700.css',
	'@fontsource/noto-sans/400-italic.css',
	'@fontsource/noto-sans-armenian/400.css'
];

export interface FontFaceRule {
	family: string;
	style: string;
	weight: string;
	/** The woff2 file, relative to the stylesheet. */
	file: string;
	/** Inclusive code point ranges from `unicode-range`. */
	ranges: Array<[number, number]>;
}

function parseRange(token: string, where: string): [number, number] {
	const m = /^U\+([0-9A-F?]+)(?:-([0-9A-F]+))?$/i.exec(token.trim());
	if (!m)
		throw new Error(`${where}: unicode-range has "${token.trim()}", not U+XXXX or U+XXXX-YYYY`);
	if (m[1].includes('?')) {
		return [parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'F'), 16)];
	}
	const start = parseInt(m[1], 16);
	return [start, m[2] ? parseInt(m[2], 16) : start];
}

/** Every `@font-face` rule of a stylesheet, with its woff2 source; `where` names it in errors. */
export function parseFontFaces(css: string, where: string): FontFaceRule[] {
	const rules: FontFaceRule[] = [];
	for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
		const body = block[1];
		const prop = (name: string): string | undefined =>
			new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(body)?.[1].trim();
		const family = prop('font-family')?.replace(/^['"]|['"]$/g, '');
		const file = /url\(([^)]+\.woff2)\)/.exec(body)?.[1].replace(/^['"]|['"]$/g, '');
		if (!family || !file)
			throw new Error(`${where}: a @font-face without font-family or woff2 src`);
		const range = prop('unicode-range');
		rules.push({
			family,
			style: prop('font-style') ?? 'normal',
			weight: prop('font-weight') ?? '400',
			file,
			ranges: range ? range.split(',').map((t) => parseRange(t, where)) : [[0, 0x10ffff]]
		});
	}
	return rules;
}

/** Whether any of the families has a face whose `unicode-range` holds the code point. */
export function covers(
	faces: readonly FontFaceRule[],
	families: readonly string[],
	codePoint: number
): boolean {
	return faces.some(
		(face) =>
			families.includes(face.family) &&
			face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)
	);
}
