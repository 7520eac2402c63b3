/** Pixels MapLibre's `addImage` accepts as an image: RGBA, row by row. */
export interface PatternImage {
	width: number;
	height: number;
	data: Uint8Array;
}

function parseHex(color: string): [number, number, number] {
	const match = /^#([0-9a-f]{6})$/i.exec(color);
	if (!match) throw new Error(`hatchPattern: color must be #rrggbb, got ${JSON.stringify(color)}`);
	const n = parseInt(match[1], 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * A tileable pattern of diagonal stripes (lower left to upper right) on a transparent ground,
 * for `fill-pattern`. A pixel is inked where its distance to the nearest stripe is under half
 * the line width; the stripes wrap at the tile edges so neighbouring tiles join up.
 */
export function hatchPattern(options: {
	size: number;
	color: string;
	lineWidth: number;
	alpha: number;
}): PatternImage {
	const { size, lineWidth, alpha } = options;
	if (!Number.isInteger(size) || size < 2)
		throw new Error(`hatchPattern: size must be an integer ≥ 2, got ${size}`);
	if (!(lineWidth > 0 && lineWidth < size)) {
		throw new Error(`hatchPattern: lineWidth must be in (0, size), got ${lineWidth}`);
	}
	if (!(alpha >= 0 && alpha <= 1))
		throw new Error(`hatchPattern: alpha must be in [0, 1], got ${alpha}`);
	const [r, g, b] = parseHex(options.color);
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			// Stripes are the lines x + y ≡ size - 1 (mod size), measured across the stripe.
			const offset = (x + y - (size - 1) + size * 2) % size;
			const distance = Math.min(offset, size - offset) / Math.SQRT2;
			const coverage = Math.max(0, Math.min(1, lineWidth / 2 - distance + 0.5));
			const i = (y * size + x) * 4;
			data[i] = r;
			data[i + 1] = g;
			data[i + 2] = b;
			data[i + 3] = Math.round(255 * alpha * coverage);
		}
	}
	return { width: size, height: size, data };
}
