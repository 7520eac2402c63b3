/**
 * Map label fonts. The style has no `glyphs` URL, so MapLibre draws every glyph itself with
 * TinySDF on a canvas, using the `text-font` stack verbatim as the CSS `font-family` list (plus
 * `sans-serif`) and guessing the weight from words in its first name ("Bold" → 700). The names
 * must therefore be the CSS families that `@fontsource` registers, not the "Noto Sans Regular"
 * fontstack names of a glyph server: those would silently fall back to the system sans-serif.
 * Read from `GlyphManager._createTinySDF` in maplibre-gl 6.17.
 */
export const FONT_FAMILY = 'Noto Sans';
export const ARMENIAN_FONT_FAMILY = 'Noto Sans Armenian';

export const REGULAR_FONT_STACK = [FONT_FAMILY, ARMENIAN_FONT_FAMILY];

/**
 * "Noto Sans Bold" is no installed family: it only makes MapLibre ask for weight 700, which the
 * browser then finds in the next family of the list.
 */
export const BOLD_FONT_STACK = [`${FONT_FAMILY} Bold`, FONT_FAMILY, ARMENIAN_FONT_FAMILY];

/** "Italic" makes MapLibre ask for the italic face (water names), registered by `@fontsource`. */
export const ITALIC_FONT_STACK = [`${FONT_FAMILY} Italic`, FONT_FAMILY, ARMENIAN_FONT_FAMILY];

/**
 * One letter pair per `@fontsource` subset the labels can need (Latin, Latin Extended for
 * Azerbaijani, Vietnamese, Cyrillic, Armenian). `FontFaceSet.load` only fetches the faces whose
 * `unicode-range` meets the text it is given; a glyph drawn before its face has loaded would be
 * drawn, and cached, in the fallback font.
 */
export const FONT_SAMPLE_TEXT = 'Aa Əə Şş Ğğ Ệệ Ươ Бб Աա';

/** The CSS font shorthands to load before the first label is laid out. */
export function fontLoadRequests(): string[] {
	return [
		`400 16px "${FONT_FAMILY}"`,
		`700 16px "${FONT_FAMILY}"`,
		`italic 400 16px "${FONT_FAMILY}"`,
		`400 16px "${ARMENIAN_FONT_FAMILY}"`
	];
}

/**
 * Loads the label fonts; resolves with the faces that loaded. A font that fails to load is not
 * fatal (labels fall back to the system sans-serif), so failures resolve to an empty list.
 */
export async function loadMapFonts(fonts: Pick<FontFaceSet, 'load'>): Promise<FontFace[]> {
	const loaded = await Promise.all(
		fontLoadRequests().map((font) => fonts.load(font, FONT_SAMPLE_TEXT).catch(() => []))
	);
	return loaded.flat();
}
