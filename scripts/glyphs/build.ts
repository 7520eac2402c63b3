/**
 * `npm run glyphs`: writes the map labels' glyph files, `static/glyphs/<stack>/<start>-<end>.pbf`,
 * one per font stack of the style (`FONT_STACKS`) and range (`GLYPH_RANGE_STARTS`).
 *
 * Each glyph is drawn in Chromium by TinySDF, the rasteriser MapLibre itself uses when a style has
 * no glyph files, with the `@fontsource` faces the page imports and MapLibre's own parameters at
 * 1× (24 px, buffer 3, radius 8, cutoff 0.25), so labels look as they did when MapLibre drew them
 * on the page's main thread. Only code points that a face of the stack's families declares in its
 * `unicode-range` are written: the others would come from whatever system font Chromium falls
 * back to. Run it again after changing the fonts, the stacks or the ranges; `glyphs.test.ts` fails
 * when a map label needs a character no file holds.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { launchBrowser } from '../../tests/e2e/browser';
import {
	FONT_STACKS,
	GLYPH_RANGE_STARTS,
	fontStackName,
	glyphRangeFile
} from '../../src/lib/map/fonts';
import { encodeGlyphRange, type PbfGlyph } from '../../src/lib/map/glyph_pbf';
import { covers, FONT_STYLESHEETS, parseFontFaces, type FontFaceRule } from './faces';

/** MapLibre's top adjustment for locally drawn glyphs (`topAdjustment`, 27.5), rounded. */
const TOP_ADJUSTMENT = 27;

interface DrawnGlyph {
	id: number;
	bitmap: number[];
	width: number;
	height: number;
	left: number;
	top: number;
	advance: number;
}

function isControl(codePoint: number): boolean {
	return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);
}

async function main(): Promise<void> {
	const outDir = resolve(process.argv[2] ?? 'static/glyphs');
	const require = createRequire(import.meta.url);
	const faces: Array<FontFaceRule & { data: string }> = [];
	for (const sheet of FONT_STYLESHEETS) {
		const path = require.resolve(sheet);
		for (const face of parseFontFaces(readFileSync(path, 'utf8'), sheet)) {
			faces.push({
				...face,
				data: readFileSync(join(dirname(path), face.file)).toString('base64')
			});
		}
	}
	const tinySdf = readFileSync(require.resolve('@mapbox/tiny-sdf'), 'utf8').replace(
		'export default class TinySDF',
		'globalThis.TinySDF = class TinySDF'
	);

	const stacks = FONT_STACKS.map((stack) => {
		const families = stack.filter((family) => faces.some((face) => face.family === family));
		return {
			name: fontStackName(stack),
			fontFamily: [...stack.map((f) => JSON.stringify(f)), 'sans-serif'].join(', '),
			fontWeight: /\bbold\b/i.test(stack[0]) ? '700' : 'normal',
			fontStyle: /\bitalic\b/i.test(stack[0]) ? 'italic' : 'normal',
			ranges: GLYPH_RANGE_STARTS.map((start) => ({
				start,
				codePoints: Array.from({ length: 256 }, (_, i) => start + i).filter(
					(cp) => !isControl(cp) && covers(faces, families, cp)
				)
			}))
		};
	});

	const browser = await launchBrowser();
	try {
		const page = await browser.newPage();
		await page.setContent('<!doctype html><html><body></body></html>');
		await page.addScriptTag({ content: tinySdf });
		const drawn: DrawnGlyph[][][] = await page.evaluate(
			async ({ faces, stacks, topAdjustment }) => {
				for (const face of faces) {
					const bytes = Uint8Array.from(atob(face.data), (c) => c.charCodeAt(0));
					const unicodeRange = face.ranges
						.map(([a, b]) => `U+${a.toString(16)}-${b.toString(16)}`)
						.join(',');
					const font = new FontFace(face.family, bytes, {
						style: face.style,
						weight: face.weight,
						unicodeRange
					});
					document.fonts.add(await font.load());
				}
				const TinySDF = (
					globalThis as unknown as {
						TinySDF: new (o: object) => {
							draw(char: string): {
								data: Uint8ClampedArray;
								glyphWidth: number;
								glyphHeight: number;
								glyphLeft: number;
								glyphTop: number;
								glyphAdvance: number;
							};
						};
					}
				).TinySDF;
				return stacks.map((stack) => {
					const sdf = new TinySDF({
						fontSize: 24,
						buffer: 3,
						radius: 8,
						cutoff: 0.25,
						fontFamily: stack.fontFamily,
						fontWeight: stack.fontWeight,
						fontStyle: stack.fontStyle
					});
					return stack.ranges.map((range) =>
						range.codePoints.map((id) => {
							const g = sdf.draw(String.fromCodePoint(id));
							const empty = !g.glyphWidth || !g.glyphHeight;
							return {
								id,
								bitmap: empty ? [] : Array.from(g.data),
								width: empty ? 0 : g.glyphWidth,
								height: empty ? 0 : g.glyphHeight,
								left: g.glyphLeft,
								top: g.glyphTop - topAdjustment,
								advance: Math.round(g.glyphAdvance)
							};
						})
					);
				});
			},
			{ faces, stacks, topAdjustment: TOP_ADJUSTMENT }
		);

		rmSync(outDir, { recursive: true, force: true });
		let files = 0;
		let bytes = 0;
		stacks.forEach((stack, s) => {
			mkdirSync(join(outDir, stack.name), { recursive: true });
			stack.ranges.forEach((range, r) => {
				const glyphs: PbfGlyph[] = drawn[s][r].map((g) => ({
					...g,
					bitmap: Uint8Array.from(g.bitmap)
				}));
				const file = encodeGlyphRange({
					stack: stack.name,
					range: glyphRangeFile(range.start).replace(/\.pbf$/, ''),
					glyphs
				});
				writeFileSync(join(outDir, stack.name, glyphRangeFile(range.start)), file);
				files += 1;
				bytes += file.length;
			});
		});
		console.log(`glyphs: ${files} files, ${(bytes / 1024).toFixed(0)} KiB, in ${outDir}`);
	} finally {
		await browser.close();
	}
}

await main();
