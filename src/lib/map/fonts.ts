/**
 * Map label fonts. Labels are drawn from signed-distance-field glyph files that the app serves
 * itself (`static/glyphs/`, written by `npm run glyphs` from the `@fontsource` Noto Sans faces
 * the page uses), so nothing leaves the machine and MapLibre does not rasterise glyphs with
 * TinySDF on the main thread while the map loads (issue 16: 0.3–0.5 s of a real-data load).
 *
 * The stack names stay CSS families: MapLibre still draws locally what a codepoint-keyed file
 * cannot hold (grapheme clusters, CJK), and then uses the stack as the CSS `font-family` list,
 * guessing weight and style from words in its first name ("Bold" → 700, "Italic").
 * Read from `GlyphManager` in maplibre-gl 6.17.
 */
export const FONT_FAMILY = 'Noto Sans';
export const ARMENIAN_FONT_FAMILY = 'Noto Sans Armenian';

export const REGULAR_FONT_STACK = [FONT_FAMILY, ARMENIAN_FONT_FAMILY];

/**
 * "Noto Sans Bold" is no installed family: it only makes the glyph builder (and MapLibre's local
 * fallback) ask for weight 700, which the browser then finds in the next family of the list.
 */
export const BOLD_FONT_STACK = [`${FONT_FAMILY} Bold`, FONT_FAMILY, ARMENIAN_FONT_FAMILY];

/** "Italic" asks for the italic face (water names), registered by `@fontsource`. */
export const ITALIC_FONT_STACK = [`${FONT_FAMILY} Italic`, FONT_FAMILY, ARMENIAN_FONT_FAMILY];

/** Every stack the style uses; one folder of glyph files each. */
export const FONT_STACKS: readonly (readonly string[])[] = [
	REGULAR_FONT_STACK,
	BOLD_FONT_STACK,
	ITALIC_FONT_STACK
];

/**
 * The first code point of each range of 256 that a glyph file is served for: Latin-1, Latin
 * Extended-A and -B (Azerbaijani ə), Cyrillic, Armenian, Latin Extended Additional (Vietnamese)
 * and General Punctuation (–, ’, ′). `glyphs.test.ts` checks that every character of every map
 * label in `geodata/` lies in one; a range MapLibre asks for and the app lacks answers 404, and
 * MapLibre then draws those glyphs locally.
 */
export const GLYPH_RANGE_STARTS = [0, 256, 512, 1024, 1280, 7680, 8192] as const;

/** The stack's name in the glyph URL, as MapLibre writes it: the families joined by commas. */
export function fontStackName(stack: readonly string[]): string {
	return stack.join(',');
}

/** A range's file name: `0-255.pbf`. */
export function glyphRangeFile(start: number): string {
	return `${start}-${start + 255}.pbf`;
}

/** Where the glyph files are served, under the site's origin and in `static/`. */
export const GLYPHS_PATH = '/glyphs/';

/**
 * The style's `glyphs` URL. Built by hand, not with `new URL`, which would percent-encode the
 * `{fontstack}` and `{range}` placeholders MapLibre substitutes.
 */
export function glyphsUrl(origin: string): string {
	return `${origin.replace(/\/$/, '')}${GLYPHS_PATH}{fontstack}/{range}.pbf`;
}
