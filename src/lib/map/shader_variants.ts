import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';

/**
 * One WebGL program per shader, not one per layer.
 *
 * MapLibre compiles a program for each layer type and each way its paint properties are fed: as a
 * uniform (a constant, or a function of the zoom only), as a per-feature attribute (a function of
 * the feature) or as a per-feature pair interpolated across zooms (a function of both). A program
 * is compiled and linked on the main thread the first time a frame needs it; on the software
 * renderer (SwiftShader, which Chromium uses without a GPU, as in the bench) each costs 50–80 ms of
 * the first load. The map had 17 programs where a bare MapLibre page has 7. So the layers drawn by
 * one shader (fill, line, dashed line, circle) feed each property the same way, and a layer that
 * needs less writes its constant or zoom curve in the form of the layer that needs more, with the
 * same value everywhere. `style.test.ts` checks that every shader has one variant.
 */

/** A property no feature of ours has: the test that makes an expression per-feature. */
const NO_SUCH_PROPERTY = 'atlas:per-feature';

/** `value` for every feature, written as a per-feature expression (an attribute, not a uniform). */
export function perFeature(value: string | number): ExpressionSpecification {
	return ['case', ['has', NO_SUCH_PROPERTY], value, value];
}

/**
 * A per-feature expression written as a curve across zooms with the same value at both ends: the
 * form MapLibre feeds as an interpolated attribute pair, shared with layers whose value does
 * change with the zoom.
 */
export function acrossZooms(expression: ExpressionSpecification): ExpressionSpecification {
	return ['interpolate', ['linear'], ['zoom'], 0, expression, 24, expression];
}

/** A linear curve across zooms (`[zoom, value]` stops) whose values are fed per feature. */
export function zoomCurvePerFeature(
	stops: readonly (readonly [number, number])[]
): ExpressionSpecification {
	return ['interpolate', ['linear'], ['zoom'], ...stops.flatMap(([z, v]) => [z, perFeature(v)])];
}
