import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import { acrossZooms, perFeature, zoomCurvePerFeature } from './shader_variants';

type Spec = Parameters<typeof createPropertyExpression>[2];

function compile(value: unknown, spec: Spec) {
	const parsed = createPropertyExpression(value, 'test', spec);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value;
}

const feature = (properties: Record<string, unknown>) => ({ type: 1, properties }) as never;

describe('shader variants', () => {
	it('writes a constant as a per-feature expression with the same value for every feature', () => {
		const color = compile(perFeature('#9ec3dd'), latest.paint_fill['fill-color'] as Spec);
		expect(color.kind).toBe('source');
		for (const properties of [{}, { name: 'Kura' }, { 'atlas:per-feature': 1 }]) {
			const value = color.evaluate({ zoom: 8 }, feature(properties)) as { toString(): string };
			expect(value.toString()).toBe('rgba(158,195,221,1)');
		}
		const width = compile(perFeature(1.2), latest.paint_line['line-width'] as Spec);
		expect(width.kind).toBe('source');
		expect(width.evaluate({ zoom: 3 }, feature({}))).toBe(1.2);
	});

	it('writes a per-feature expression across zooms without changing it at any zoom', () => {
		const inner = ['to-number', ['get', 'r'], 0] as never;
		const radius = compile(acrossZooms(inner), latest.paint_circle['circle-radius'] as Spec);
		expect(radius.kind).toBe('composite');
		for (const zoom of [0, 5, 9.5, 14, 24]) {
			expect(radius.evaluate({ zoom }, feature({ r: 7 }))).toBe(7);
		}
	});

	it('feeds a zoom curve per feature with the values of the plain curve', () => {
		const stops: [number, number][] = [
			[6, 2.5],
			[11, 4]
		];
		const shared = compile(
			zoomCurvePerFeature(stops),
			latest.paint_circle['circle-radius'] as Spec
		);
		const plain = compile(
			['interpolate', ['linear'], ['zoom'], 6, 2.5, 11, 4],
			latest.paint_circle['circle-radius'] as Spec
		);
		expect(shared.kind).toBe('composite');
		expect(plain.kind).toBe('camera');
		for (const zoom of [4, 6, 8.5, 11, 15]) {
			expect(shared.evaluate({ zoom }, feature({}))).toBeCloseTo(
				plain.evaluate({ zoom }, feature({})) as number,
				10
			);
		}
	});
});
