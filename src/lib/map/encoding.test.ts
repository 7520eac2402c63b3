import { describe, expect, it } from 'vitest';
import { createExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import {
	EVENT_TYPES,
	RADIUS_RANGE,
	UNKNOWN_TYPE_COLOR,
	claimUpperFigure,
	isCasualtyMetric,
	matchExpression,
	maxClaimedCasualties,
	radiusExpression,
	radiusScale,
	sizeKeyValues,
	typeColor,
	typeColorExpression
} from './encoding';
import { LOC_FIGHTING, MADAGIZ_MINE, MI24 } from './test_fixtures';

function evaluate(expression: unknown, spec: object, properties: Record<string, unknown>) {
	const parsed = createExpression(expression, 'test', spec as never);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value.evaluate({ zoom: 8 }, { type: 1, properties } as never);
}

function hexToRgba(hex: string): string {
	const n = parseInt(hex.slice(1), 16);
	return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},1)`;
}

describe('type colours', () => {
	it('gives each ACLED event type its own colour', () => {
		const colours = EVENT_TYPES.map((type) => typeColor(type));
		expect(EVENT_TYPES).toHaveLength(6);
		expect(new Set(colours).size).toBe(6);
		expect(colours).not.toContain(UNKNOWN_TYPE_COLOR);
	});

	it('gives a type outside the vocabulary the neutral colour', () => {
		expect(typeColor('Looting')).toBe(UNKNOWN_TYPE_COLOR);
	});

	it('bakes the same colours into the style expression', () => {
		const spec = latest.paint_circle['circle-color'];
		for (const type of EVENT_TYPES) {
			const colour = evaluate(typeColorExpression(), spec, { type });
			expect(colour.toString()).toBe(hexToRgba(typeColor(type)));
		}
		expect(evaluate(typeColorExpression(), spec, { type: 'Looting' }).toString()).toBe(
			hexToRgba(UNKNOWN_TYPE_COLOR)
		);
	});

	it('refuses a match without cases', () => {
		expect(() => matchExpression(['get', 'type'], [], '#000000')).toThrow(
			/cases must not be empty/
		);
	});
});

describe('claimed casualty figures', () => {
	it('counts killed and wounded, not positions or aircraft', () => {
		expect(isCasualtyMetric('killed')).toBe(true);
		expect(isCasualtyMetric('wounded')).toBe(true);
		expect(isCasualtyMetric('civilians_injured')).toBe(true);
		expect(isCasualtyMetric('positions_taken')).toBe(false);
		expect(isCasualtyMetric('aircraft_lost')).toBe(false);
	});

	it('reads a range by its upper bound and an open range by its lower one', () => {
		expect(claimUpperFigure(12)).toBe(12);
		expect(claimUpperFigure({ low: 30, high: 35 })).toBe(35);
		expect(claimUpperFigure({ low: 30 })).toBe(30);
	});

	it('takes the highest figure anybody claimed', () => {
		expect(maxClaimedCasualties(MADAGIZ_MINE.properties.claims)).toBe(4);
		// 12 (Azerbaijani MoD), ≥30 (AFP), 18 and 30–35 wounded (Sargsyan): 35.
		expect(maxClaimedCasualties(LOC_FIGHTING.properties.claims)).toBe(35);
	});

	it('is 0 when no casualty figure is claimed', () => {
		expect(maxClaimedCasualties(MI24.properties.claims)).toBe(0);
		expect(maxClaimedCasualties([])).toBe(0);
	});
});

describe('circle size', () => {
	it('grows with the square root of the figure, from the smallest radius at 0', () => {
		const scale = radiusScale(100);
		expect(scale(0)).toBe(RADIUS_RANGE[0]);
		expect(scale(100)).toBe(RADIUS_RANGE[1]);
		expect(scale(25)).toBeCloseTo(RADIUS_RANGE[0] + (RADIUS_RANGE[1] - RADIUS_RANGE[0]) / 2);
		expect(scale(1000)).toBe(RADIUS_RANGE[1]);
	});

	it('bakes exactly the d3 scale into the style expression', () => {
		const spec = latest.paint_circle['circle-radius'];
		for (const max of [35, 1, 12_000]) {
			const scale = radiusScale(max);
			for (const figure of [0, 1, 4, 12, 30, 35, 500, 12_000, 50_000]) {
				expect(evaluate(radiusExpression(max), spec, { max_claim: figure })).toBeCloseTo(
					scale(figure),
					9
				);
			}
		}
	});

	it('draws an incident without a figure at the smallest radius', () => {
		const spec = latest.paint_circle['circle-radius'];
		expect(evaluate(radiusExpression(35), spec, {})).toBe(RADIUS_RANGE[0]);
		expect(evaluate(radiusExpression(0), spec, { max_claim: 0 })).toBe(RADIUS_RANGE[0]);
	});

	it('offers a size key up to the highest figure', () => {
		expect(sizeKeyValues(35)).toEqual([4, 10, 35]);
		expect(sizeKeyValues(12)).toEqual([1, 4, 12]);
		expect(sizeKeyValues(1000)).toEqual([100, 300, 1000]);
		expect(sizeKeyValues(1)).toEqual([1]);
		expect(sizeKeyValues(0)).toEqual([]);
	});
});
