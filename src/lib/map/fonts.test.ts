import { describe, expect, it } from 'vitest';
import { FONT_SAMPLE_TEXT, fontLoadRequests, loadMapFonts } from './fonts';

describe('loadMapFonts', () => {
	it('loads every label face, for text from every script subset', async () => {
		const calls: Array<[string, string | undefined]> = [];
		const fonts = {
			load: async (font: string, text?: string) => {
				calls.push([font, text]);
				return [{ family: font } as unknown as FontFace];
			}
		};
		const loaded = await loadMapFonts(fonts);
		expect(calls.map(([font]) => font)).toEqual(fontLoadRequests());
		for (const [, text] of calls) expect(text).toBe(FONT_SAMPLE_TEXT);
		expect(loaded).toHaveLength(4);
		// Latin Extended (Azerbaijani), Vietnamese, Cyrillic and Armenian letters.
		for (const letter of ['ə', 'ş', 'ệ', 'Б', 'Ա']) expect(FONT_SAMPLE_TEXT).toContain(letter);
	});

	it('does not fail the map when a font fails to load', async () => {
		const fonts = {
			load: async (font: string) => {
				if (font.includes('Armenian')) throw new Error('network');
				return [{ family: font } as unknown as FontFace];
			}
		};
		await expect(loadMapFonts(fonts)).resolves.toHaveLength(3);
	});
});
