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
 * The scheme of the style's `glyphs` URL, answered by {@link glyphProtocol} in `glyph_protocol.ts`:
 * a range the app holds is fetched from {@link GLYPHS_PATH}; any other (Arabic, Hebrew, Georgian…
 * in an imported dataset) is refused without a request, and MapLibre then draws those glyphs on
 * the page from the system fonts, as it did for every glyph before. A plain HTTP URL would ask the
 * server for the missing range, and the browser logs each such 404 as an error.
 */
export const GLYPH_PROTOCOL = 'atlas-glyphs';

/** The style's `glyphs` URL, with the `{fontstack}` and `{range}` placeholders MapLibre fills. */
export function glyphsUrl(): string {
	return `${GLYPH_PROTOCOL}://{fontstack}/{range}.pbf`;
}

/**
 * The file a glyph request of the style maps to under `origin`, or `null` when the app holds no
 * such file: a stack it does not serve, or a range outside {@link GLYPH_RANGE_STARTS}.
 */
export function glyphFileUrl(url: string, origin: string): string | null {
	const m = new RegExp(`^${GLYPH_PROTOCOL}://(.+)/(\\d+)-(\\d+)\\.pbf$`).exec(url);
	if (!m) return null;
	const stack = decodeURIComponent(m[1]);
	const start = Number(m[2]);
	if (Number(m[3]) !== start + 255) return null;
	if (!(GLYPH_RANGE_STARTS as readonly number[]).includes(start)) return null;
	if (!FONT_STACKS.some((s) => fontStackName(s) === stack)) return null;
	return `${origin.replace(/\/$/, '')}${GLYPHS_PATH}${encodeURI(stack)}/${glyphRangeFile(start)}`;
}
