import { describe, expect, it } from 'vitest';
import { decodeGlyphRange, encodeGlyphRange, GLYPH_BORDER, type PbfGlyph } from './glyph_pbf';

function glyph(id: number, width: number, height: number, extra: Partial<PbfGlyph> = {}): PbfGlyph {
	const size = width && height ? (width + 2 * GLYPH_BORDER) * (height + 2 * GLYPH_BORDER) : 0;
	return {
		id,
		bitmap: Uint8Array.from({ length: size }, (_, i) => (i * 7 + id) % 256),
		width,
		height,
		left: 1,
		top: -9,
		advance: 14,
		...extra
	};
}

describe('encodeGlyphRange', () => {
	it('writes the protobuf fields MapLibre reads, byte for byte', () => {
		const bytes = encodeGlyphRange({
			stack: 'A',
			range: '0-255',
			glyphs: [
				{ id: 32, bitmap: new Uint8Array(0), width: 0, height: 0, left: -1, top: -27, advance: 6 }
			]
		});
		// 24 bytes of glyphs{1: fontstack{1:"A", 2:"0-255", 3: glyph{1:32, 3:0, 4:0, 5:zz(-1)=1, 6:zz(-27)=53, 7:6}}}
		expect([...bytes]).toEqual([
			0x0a, 24, 0x0a, 1, 0x41, 0x12, 5, 0x30, 0x2d, 0x32, 0x35, 0x35, 0x1a, 12, 0x08, 32, 0x18, 0,
			0x20, 0, 0x28, 1, 0x30, 53, 0x38, 6
		]);
	});

	it('round-trips glyphs, sorted by code point, with negative offsets and long bitmaps', () => {
		const glyphs = [
			glyph(0x1ec7, 11, 17, { left: -3, top: -40 }),
			glyph(65, 13, 17),
			glyph(32, 0, 0)
		];
		const decoded = decodeGlyphRange(
			encodeGlyphRange({ stack: 'Noto Sans,Noto Sans Armenian', range: '0-255', glyphs })
		);
		expect(decoded.stack).toBe('Noto Sans,Noto Sans Armenian');
		expect(decoded.range).toBe('0-255');
		expect(decoded.glyphs.map((g) => g.id)).toEqual([32, 65, 0x1ec7]);
		expect(decoded.glyphs[2]).toEqual({ ...glyphs[0], bitmap: glyphs[0].bitmap });
		expect(decoded.glyphs[1].bitmap.length).toBe((13 + 6) * (17 + 6));
	});

	it('refuses a bitmap of the wrong size and a metric out of range, naming the glyph', () => {
		expect(() =>
			encodeGlyphRange({
				stack: 'A',
				range: '0-255',
				glyphs: [{ ...glyph(66, 4, 4), bitmap: new Uint8Array(10) }]
			})
		).toThrow(/glyph 66 is 4×4 but its bitmap has 10 bytes/);
		expect(() =>
			encodeGlyphRange({ stack: 'A', range: '0-255', glyphs: [glyph(67, 2, 2, { advance: 1.5 })] })
		).toThrow(/1.5 is not an unsigned 32-bit integer/);
	});

	it('refuses a truncated file', () => {
		const bytes = encodeGlyphRange({ stack: 'A', range: '0-255', glyphs: [glyph(65, 3, 3)] });
		expect(() => decodeGlyphRange(bytes.subarray(0, bytes.length - 20))).toThrow(/truncated/);
	});
});
