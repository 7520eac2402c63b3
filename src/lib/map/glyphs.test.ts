import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_STYLESHEETS } from '../../../scripts/glyphs/faces';
import {
	BOLD_FONT_STACK,
	FONT_STACKS,
	GLYPH_RANGE_STARTS,
	GLYPHS_PATH,
	REGULAR_FONT_STACK,
	fontStackName,
	glyphFileUrl,
	glyphRangeFile,
	glyphsUrl
} from './fonts';
import { decodeGlyphRange } from './glyph_pbf';
import { WATER_PLACE_WORDS } from './map_text';

const STATIC_GLYPHS = join('static', GLYPHS_PATH);

/** Every string in a JSON value: the map's labels are built from these properties. */
function strings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) for (const v of value) strings(v, out);
	else if (value && typeof value === 'object')
		for (const v of Object.values(value)) strings(v, out);
	return out;
}

function labelTexts(): string[] {
	const texts: string[] = [];
	const collections = [
		...readdirSync('geodata/basemap')
			.filter((f) => f.endsWith('.geojson'))
			.map((f) => join('geodata/basemap', f)),
		'geodata/places.geojson',
		...readdirSync('geodata/layers').map((f) => join('geodata/layers', f))
	];
	for (const file of collections) {
		const data = JSON.parse(readFileSync(file, 'utf8'));
		for (const feature of data.features) strings(feature.properties, texts);
		if (data.layer) strings(data.layer.names, texts);
	}
	strings(WATER_PLACE_WORDS, texts);
	// Country names are drawn upper-case (`text-transform`).
	return [...texts, ...texts.map((t) => t.toUpperCase())];
}

function glyphIds(stack: readonly string[], start: number): Set<number> {
	const file = join(STATIC_GLYPHS, fontStackName(stack), glyphRangeFile(start));
	return new Set(decodeGlyphRange(readFileSync(file)).glyphs.map((g) => g.id));
}

describe('the glyph files in static/glyphs', () => {
	it('are one per font stack and range, each naming its stack and range', () => {
		expect(readdirSync(STATIC_GLYPHS).sort()).toEqual(FONT_STACKS.map(fontStackName).sort());
		for (const stack of FONT_STACKS) {
			const dir = join(STATIC_GLYPHS, fontStackName(stack));
			expect(readdirSync(dir).sort()).toEqual(GLYPH_RANGE_STARTS.map(glyphRangeFile).sort());
			for (const start of GLYPH_RANGE_STARTS) {
				const range = decodeGlyphRange(readFileSync(join(dir, glyphRangeFile(start))));
				expect(range.stack).toBe(fontStackName(stack));
				expect(range.range).toBe(`${start}-${start + 255}`);
				for (const g of range.glyphs) expect(g.id >> 8).toBe(start >> 8);
			}
		}
	});

	it('hold every character of every map label in geodata/, in every stack', () => {
		const needed = new Set<number>();
		for (const text of labelTexts()) {
			for (const char of text.normalize('NFC')) {
				const cp = char.codePointAt(0)!;
				// Combining marks left over after NFC form clusters, which MapLibre draws itself.
				if (/\p{M}/u.test(char) || cp < 0x20) continue;
				needed.add(cp);
			}
		}
		expect(needed.size).toBeGreaterThan(100);
		const missing: string[] = [];
		for (const stack of FONT_STACKS) {
			const cache = new Map<number, Set<number>>();
			for (const cp of needed) {
				const start = cp - (cp % 256);
				const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
				if (!(GLYPH_RANGE_STARTS as readonly number[]).includes(start)) {
					missing.push(`${hex} ${String.fromCodePoint(cp)}: no range ${start}-${start + 255}`);
					continue;
				}
				if (!cache.has(start)) cache.set(start, glyphIds(stack, start));
				if (!cache.get(start)!.has(cp)) {
					missing.push(`${hex} ${String.fromCodePoint(cp)} in ${fontStackName(stack)}`);
				}
			}
		}
		// Fix: add the range to GLYPH_RANGE_STARTS, or a face to FONT_STYLESHEETS; then `npm run glyphs`.
		expect(missing).toEqual([]);
	});

	it('are drawn from the stylesheets the map imports', () => {
		const source = readFileSync('src/lib/map/MapView.svelte', 'utf8');
		const imported = [...source.matchAll(/import '(@fontsource\/[^']+)'/g)].map((m) => m[1]);
		expect(imported).toEqual(FONT_STYLESHEETS);
		for (const sheet of FONT_STYLESHEETS)
			expect(existsSync(join('node_modules', sheet))).toBe(true);
	});
});

describe('glyphsUrl and glyphFileUrl', () => {
	const ORIGIN = 'http://127.0.0.1:4173';
	const request = (stack: readonly string[], start: number) =>
		glyphsUrl()
			.replace('{fontstack}', fontStackName(stack))
			.replace('{range}', `${start}-${start + 255}`);

	it('maps a range the app holds to its file, and any other to no request at all', () => {
		expect(glyphsUrl()).toBe('atlas-glyphs://{fontstack}/{range}.pbf');
		expect(glyphFileUrl(request(BOLD_FONT_STACK, 0), ORIGIN)).toBe(
			'http://127.0.0.1:4173/glyphs/Noto%20Sans%20Bold,Noto%20Sans,Noto%20Sans%20Armenian/0-255.pbf'
		);
		expect(glyphFileUrl(request(REGULAR_FONT_STACK, 7680), `${ORIGIN}/`)).toBe(
			'http://127.0.0.1:4173/glyphs/Noto%20Sans,Noto%20Sans%20Armenian/7680-7935.pbf'
		);
		// Arabic: no file, so MapLibre draws it on the page instead of the server answering 404.
		expect(glyphFileUrl(request(REGULAR_FONT_STACK, 1536), ORIGIN)).toBeNull();
		expect(glyphFileUrl(request(['Open Sans'], 0), ORIGIN)).toBeNull();
		expect(glyphFileUrl('atlas-glyphs://Noto Sans/0-511.pbf', ORIGIN)).toBeNull();
		expect(glyphFileUrl('https://fonts.example/Noto Sans/0-255.pbf', ORIGIN)).toBeNull();
	});

	it('names files that exist for every stack and range', () => {
		for (const stack of FONT_STACKS)
			for (const start of GLYPH_RANGE_STARTS) {
				const url = new URL(glyphFileUrl(request(stack, start), ORIGIN)!);
				expect(existsSync(join('static', decodeURIComponent(url.pathname)))).toBe(true);
			}
	});
});
