import { describe, expect, it } from 'vitest';
import { covers, parseFontFaces } from './faces';

const CSS = `/* noto-sans-latin-ext-400-normal */
@font-face {
  font-family: 'Noto Sans';
  font-style: normal;
  font-display: swap;
  font-weight: 400;
  src: url(./files/noto-sans-latin-ext-400-normal.woff2) format('woff2'), url(./files/noto-sans-latin-ext-400-normal.woff) format('woff');
  unicode-range: U+0100-02BA,U+02BD-02C5,U+1E00-1E9F,U+20A0-20AB;
}
@font-face {
  font-family: 'Noto Sans Armenian';
  font-style: normal;
  font-weight: 400;
  src: url(./files/arm.woff2) format('woff2');
  unicode-range: U+05??,U+FB13-FB17;
}`;

describe('parseFontFaces', () => {
	it('reads family, style, weight, woff2 file and ranges', () => {
		const [latin, armenian] = parseFontFaces(CSS, 'x.css');
		expect(latin).toEqual({
			family: 'Noto Sans',
			style: 'normal',
			weight: '400',
			file: './files/noto-sans-latin-ext-400-normal.woff2',
			ranges: [
				[0x100, 0x2ba],
				[0x2bd, 0x2c5],
				[0x1e00, 0x1e9f],
				[0x20a0, 0x20ab]
			]
		});
		expect(armenian.ranges[0]).toEqual([0x500, 0x5ff]);
	});

	it('says which file has a rule it cannot read', () => {
		expect(() => parseFontFaces('@font-face { font-family: A; }', 'broken.css')).toThrow(
			/broken\.css: a @font-face without/
		);
		expect(() =>
			parseFontFaces(
				"@font-face { font-family: 'A'; src: url(a.woff2); unicode-range: U+zz; }",
				'odd.css'
			)
		).toThrow(/odd\.css: unicode-range has "U\+zz"/);
	});
});

describe('covers', () => {
	const faces = parseFontFaces(CSS, 'x.css');
	it('is true only where a face of one of the families holds the code point', () => {
		expect(covers(faces, ['Noto Sans'], 0x259)).toBe(true); // ə
		expect(covers(faces, ['Noto Sans'], 0x531)).toBe(false); // Ա
		expect(covers(faces, ['Noto Sans', 'Noto Sans Armenian'], 0x531)).toBe(true);
		expect(covers(faces, ['Noto Sans Bold'], 0x259)).toBe(false);
	});
});
