import { describe, expect, it } from 'vitest';
import { MAP_CONTEXT_ATTRIBUTES, warmUpWebGL } from './gpu_warmup';

/** A document whose canvases answer `getContext` with `context`, recording what was asked. */
function fakeDocument(context: unknown) {
	const asked: { type: string; attributes: unknown; size: [number, number] }[] = [];
	const doc = {
		createElement(tag: string) {
			expect(tag).toBe('canvas');
			const canvas = {
				width: 300,
				height: 150,
				getContext(type: string, attributes: unknown) {
					asked.push({ type, attributes, size: [canvas.width, canvas.height] });
					return context;
				}
			};
			return canvas;
		}
	};
	return { doc: doc as unknown as Pick<Document, 'createElement'>, asked };
}

describe('warmUpWebGL', () => {
	it('makes a 1×1 WebGL2 context configured as the map’s and loses it at once', () => {
		let lost = 0;
		const { doc, asked } = fakeDocument({
			getExtension: (name: string) =>
				name === 'WEBGL_lose_context' ? { loseContext: () => lost++ } : null
		});
		expect(warmUpWebGL(doc)).toBe(true);
		expect(asked).toEqual([{ type: 'webgl2', attributes: MAP_CONTEXT_ATTRIBUTES, size: [1, 1] }]);
		expect(lost).toBe(1);
	});

	it('asks for MapLibre’s own context attributes: depth, stencil, no antialiasing', () => {
		expect(MAP_CONTEXT_ATTRIBUTES).toMatchObject({
			alpha: true,
			depth: true,
			stencil: true,
			premultipliedAlpha: true,
			antialias: false,
			preserveDrawingBuffer: false
		});
	});

	it('answers false without WebGL2, and true when the context cannot be lost on purpose', () => {
		expect(warmUpWebGL(fakeDocument(null).doc)).toBe(false);
		expect(warmUpWebGL(fakeDocument({ getExtension: () => null }).doc)).toBe(true);
	});
});
