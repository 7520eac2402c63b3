import { describe, expect, it } from 'vitest';
import { hatchPattern } from './pattern';

const alphaAt = (image: ReturnType<typeof hatchPattern>, x: number, y: number) =>
	image.data[(y * image.width + x) * 4 + 3];

describe('hatchPattern', () => {
	const image = hatchPattern({ size: 12, color: '#1d7874', lineWidth: 1.6, alpha: 0.6 });

	it('is a square RGBA image of the asked size in the asked colour', () => {
		expect(image.width).toBe(12);
		expect(image.height).toBe(12);
		expect(image.data).toHaveLength(12 * 12 * 4);
		expect([...image.data.slice(0, 3)]).toEqual([0x1d, 0x78, 0x74]);
	});

	it('inks the diagonal and leaves the ground transparent', () => {
		expect(alphaAt(image, 11, 0)).toBe(Math.round(255 * 0.6));
		expect(alphaAt(image, 0, 11)).toBe(Math.round(255 * 0.6));
		expect(alphaAt(image, 0, 5)).toBe(0);
		expect(alphaAt(image, 6, 11)).toBe(0);
	});

	it('tiles seamlessly: every stripe continues across the edges', () => {
		for (let y = 0; y < 12; y++) {
			for (let x = 0; x < 12; x++) {
				expect(alphaAt(image, x, y)).toBe(alphaAt(image, (x + 1) % 12, (y + 11) % 12));
			}
		}
	});

	it('names a bad parameter', () => {
		expect(() => hatchPattern({ size: 1, color: '#000000', lineWidth: 1, alpha: 1 })).toThrow(
			/size/
		);
		expect(() => hatchPattern({ size: 8, color: 'teal', lineWidth: 1, alpha: 1 })).toThrow(
			/color must be #rrggbb/
		);
		expect(() => hatchPattern({ size: 8, color: '#000000', lineWidth: 9, alpha: 1 })).toThrow(
			/lineWidth/
		);
		expect(() => hatchPattern({ size: 8, color: '#000000', lineWidth: 1, alpha: 2 })).toThrow(
			/alpha/
		);
	});
});
