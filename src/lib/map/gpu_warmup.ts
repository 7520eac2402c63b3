/**
 * The context attributes MapLibre asks for (`Map._setupPainter` and its default
 * `canvasContextAttributes` in maplibre-gl 6.17), so the warm-up context is configured like the map's.
 */
export const MAP_CONTEXT_ATTRIBUTES: WebGLContextAttributes = {
	alpha: true,
	depth: true,
	stencil: true,
	premultipliedAlpha: true,
	antialias: false,
	preserveDrawingBuffer: false,
	powerPreference: 'high-performance',
	failIfMajorPerformanceCaveat: false,
	desynchronized: false
};

/**
 * Creates one throwaway WebGL2 context and releases it at once. A page's first WebGL context is
 * dear: `getContext` blocks the main thread until the GPU process has set up the page's channel
 * (with software WebGL, also the renderer itself), and later contexts of the page are cheap. Paid
 * here, while the page still waits for its data, it is not paid in the map's constructor, where it
 * also waits behind the GPU process rasterising the freshly mounted panels (issue 16: 0.3–1.8 s of
 * `Map._setupPainter` in a load's CPU profile). Resolves false when the browser has no WebGL2,
 * which the map then reports as it always has.
 */
export function warmUpWebGL(doc: Pick<Document, 'createElement'>): boolean {
	const canvas = doc.createElement('canvas');
	canvas.width = 1;
	canvas.height = 1;
	const gl = canvas.getContext('webgl2', MAP_CONTEXT_ATTRIBUTES);
	if (!gl) return false;
	gl.getExtension('WEBGL_lose_context')?.loseContext();
	return true;
}
