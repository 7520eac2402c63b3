/**
 * Glyph ranges in the protocol-buffer format MapLibre reads from a style's `glyphs` URL
 * (https://github.com/mapbox/glyph-pbf-composite, `glyphs.proto`): one file per font stack and
 * range of 256 code points, each glyph a signed-distance-field bitmap with a border of
 * {@link GLYPH_BORDER} pixels and its metrics at 24 px.
 *
 * The map's labels are drawn from these files (written by `npm run glyphs`), so MapLibre does not
 * rasterise every glyph on the page's main thread while the map loads (issue 16's trace).
 */

/** The border around each glyph's bitmap, in pixels: what MapLibre's `GLYPH_PBF_BORDER` expects. */
export const GLYPH_BORDER = 3;

/** One glyph as the format stores it. `bitmap` is (width + 6) × (height + 6) bytes, or empty. */
export interface PbfGlyph {
	id: number;
	bitmap: Uint8Array;
	width: number;
	height: number;
	left: number;
	top: number;
	advance: number;
}

/** One file: the font stack's name, its range ("0-255") and its glyphs. */
export interface GlyphRange {
	stack: string;
	range: string;
	glyphs: PbfGlyph[];
}

class Writer {
	private bytes: number[] = [];

	varint(value: number): void {
		if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
			throw new RangeError(`glyph_pbf: ${value} is not an unsigned 32-bit integer`);
		}
		let v = value;
		while (v > 0x7f) {
			this.bytes.push((v & 0x7f) | 0x80);
			v = Math.floor(v / 128);
		}
		this.bytes.push(v);
	}

	/** A `sint32`: zig-zag encoded so that small negative numbers stay short. */
	svarint(value: number): void {
		if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
			throw new RangeError(`glyph_pbf: ${value} is not a signed 32-bit integer`);
		}
		this.varint(value < 0 ? -2 * value - 1 : 2 * value);
	}

	tag(field: number, wireType: 0 | 2): void {
		this.varint(field * 8 + wireType);
	}

	lengthDelimited(field: number, payload: Uint8Array | number[]): void {
		this.tag(field, 2);
		this.varint(payload.length);
		for (const byte of payload) this.bytes.push(byte);
	}

	result(): Uint8Array {
		return Uint8Array.from(this.bytes);
	}
}

function encodeGlyph(glyph: PbfGlyph): Uint8Array {
	const expected =
		glyph.width === 0 || glyph.height === 0
			? [0, (glyph.width + 2 * GLYPH_BORDER) * (glyph.height + 2 * GLYPH_BORDER)]
			: [(glyph.width + 2 * GLYPH_BORDER) * (glyph.height + 2 * GLYPH_BORDER)];
	if (!expected.includes(glyph.bitmap.length)) {
		throw new RangeError(
			`glyph_pbf: glyph ${glyph.id} is ${glyph.width}×${glyph.height} but its bitmap has ${glyph.bitmap.length} bytes`
		);
	}
	const w = new Writer();
	w.tag(1, 0);
	w.varint(glyph.id);
	if (glyph.bitmap.length > 0) w.lengthDelimited(2, glyph.bitmap);
	w.tag(3, 0);
	w.varint(glyph.width);
	w.tag(4, 0);
	w.varint(glyph.height);
	w.tag(5, 0);
	w.svarint(glyph.left);
	w.tag(6, 0);
	w.svarint(glyph.top);
	w.tag(7, 0);
	w.varint(glyph.advance);
	return w.result();
}

/** Encodes one range file: `glyphs { stacks { name, range, glyphs* } }`, glyphs in code point order. */
export function encodeGlyphRange({ stack, range, glyphs }: GlyphRange): Uint8Array {
	const text = new TextEncoder();
	const fontstack = new Writer();
	fontstack.lengthDelimited(1, text.encode(stack));
	fontstack.lengthDelimited(2, text.encode(range));
	for (const glyph of [...glyphs].sort((a, b) => a.id - b.id)) {
		fontstack.lengthDelimited(3, encodeGlyph(glyph));
	}
	const file = new Writer();
	file.lengthDelimited(1, fontstack.result());
	return file.result();
}

class Reader {
	pos = 0;
	constructor(
		private readonly bytes: Uint8Array,
		private readonly end = bytes.length
	) {}

	get done(): boolean {
		return this.pos >= this.end;
	}

	varint(): number {
		let result = 0;
		let shift = 1;
		for (;;) {
			if (this.pos >= this.end) throw new RangeError('glyph_pbf: truncated varint');
			const byte = this.bytes[this.pos++];
			result += (byte & 0x7f) * shift;
			if (byte < 0x80) return result;
			shift *= 128;
		}
	}

	svarint(): number {
		const v = this.varint();
		return v % 2 === 1 ? -(v + 1) / 2 : v / 2;
	}

	slice(): Uint8Array {
		const length = this.varint();
		if (this.pos + length > this.end) throw new RangeError('glyph_pbf: truncated field');
		const out = this.bytes.subarray(this.pos, this.pos + length);
		this.pos += length;
		return out;
	}

	skip(wireType: number): void {
		if (wireType === 0) this.varint();
		else if (wireType === 2) this.slice();
		else if (wireType === 1) this.pos += 8;
		else if (wireType === 5) this.pos += 4;
		else throw new RangeError(`glyph_pbf: unknown wire type ${wireType}`);
	}
}

function decodeGlyph(bytes: Uint8Array): PbfGlyph {
	const r = new Reader(bytes);
	const glyph: PbfGlyph = {
		id: -1,
		bitmap: new Uint8Array(0),
		width: 0,
		height: 0,
		left: 0,
		top: 0,
		advance: 0
	};
	while (!r.done) {
		const key = r.varint();
		const field = Math.floor(key / 8);
		const wireType = key % 8;
		if (field === 1) glyph.id = r.varint();
		else if (field === 2) glyph.bitmap = r.slice();
		else if (field === 3) glyph.width = r.varint();
		else if (field === 4) glyph.height = r.varint();
		else if (field === 5) glyph.left = r.svarint();
		else if (field === 6) glyph.top = r.svarint();
		else if (field === 7) glyph.advance = r.varint();
		else r.skip(wireType);
	}
	return glyph;
}

/** Reads a range file back (the first font stack in it); used by the tests and the coverage check. */
export function decodeGlyphRange(bytes: Uint8Array): GlyphRange {
	const file = new Reader(bytes);
	while (!file.done) {
		const key = file.varint();
		if (key !== (1 << 3) + 2) {
			file.skip(key % 8);
			continue;
		}
		const r = new Reader(file.slice());
		const out: GlyphRange = { stack: '', range: '', glyphs: [] };
		const text = new TextDecoder();
		while (!r.done) {
			const k = r.varint();
			const field = Math.floor(k / 8);
			if (field === 1) out.stack = text.decode(r.slice());
			else if (field === 2) out.range = text.decode(r.slice());
			else if (field === 3) out.glyphs.push(decodeGlyph(r.slice()));
			else r.skip(k % 8);
		}
		return out;
	}
	throw new RangeError('glyph_pbf: no font stack in the file');
}
