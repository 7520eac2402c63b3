import { scaleOrdinal, scaleSqrt } from 'd3-scale';
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Claim } from '$lib/data/schema';
import { EVENT_TYPES } from '$lib/data/vocabulary';
import { claimUpperFigure } from '$lib/atlas/claims';

/**
 * Okabe–Ito colours, chosen so the six ACLED event types stay apart for readers with a colour
 * vision deficiency. Red is left to the line of contact.
 */
const TYPE_PALETTE = ['#d55e00', '#cc79a7', '#0072b2', '#009e73', '#e69f00', '#56b4e9'];

/** The colour of a type the palette does not know (a newer ACLED vocabulary, say). */
export const UNKNOWN_TYPE_COLOR = '#6b6b6b';

export { EVENT_TYPES };

export const typeColor = scaleOrdinal<string, string>()
	.domain(EVENT_TYPES)
	.range(TYPE_PALETTE)
	.unknown(UNKNOWN_TYPE_COLOR);

/** A MapLibre `match` of a string input against labelled outputs (at least one). */
export function matchExpression(
	input: ExpressionSpecification,
	cases: ReadonlyArray<readonly [string, string]>,
	fallback: string
): ExpressionSpecification {
	if (cases.length === 0) throw new Error('matchExpression: cases must not be empty');
	const [[label, output], ...rest] = cases;
	return ['match', input, label, output, ...rest.flat(), fallback];
}

/** `typeColor` baked into a MapLibre `match` on the feature's `type` property. */
export function typeColorExpression(): ExpressionSpecification {
	return matchExpression(
		['get', 'type'],
		EVENT_TYPES.map((type) => [type, typeColor(type)] as const),
		UNKNOWN_TYPE_COLOR
	);
}

/** Metrics that count people killed or wounded; "positions_taken" or "tanks_lost" do not. */
const CASUALTY_METRIC = /kill|dead|death|wound|injur|casualt/i;

export function isCasualtyMetric(metric: string): boolean {
	return CASUALTY_METRIC.test(metric);
}

export { claimUpperFigure };

/**
 * The highest casualty figure anybody claimed for an incident, or 0 when nobody gave one. It
 * sizes the circle; it is a claim, never a count, and the legend says so.
 */
export function maxClaimedCasualties(claims: readonly Claim[]): number {
	let max = 0;
	for (const claim of claims) {
		if (isCasualtyMetric(claim.metric)) max = Math.max(max, claimUpperFigure(claim.value));
	}
	return max;
}

export const RADIUS_RANGE: readonly [number, number] = [5, 22];

/**
 * Circle radius in pixels by the highest claimed figure: area grows with the figure. The domain
 * starts at 0 so that "no figure" is the smallest circle; it never ends below 1.
 */
export function radiusScale(maxFigure: number) {
	return scaleSqrt()
		.domain([0, Math.max(1, maxFigure)])
		.range([...RADIUS_RANGE])
		.clamp(true);
}

/**
 * `radiusScale` baked into an expression on the `max_claim` property. A sqrt scale is linear in
 * the square root of its input, so interpolating linearly over `['sqrt', …]` between the scale's
 * two ends reproduces it exactly (and clamps like it).
 */
export function radiusExpression(maxFigure: number): ExpressionSpecification {
	const scale = radiusScale(maxFigure);
	const [d0, d1] = scale.domain();
	const [r0, r1] = scale.range();
	return [
		'interpolate',
		['linear'],
		['sqrt', ['max', 0, ['to-number', ['get', 'max_claim'], 0]]],
		Math.sqrt(d0),
		r0,
		Math.sqrt(d1),
		r1
	];
}

/** A number rounded to one significant digit: 0.34 → 0.3, 37 → 40. */
function roundToOneDigit(value: number): number {
	const magnitude = 10 ** Math.floor(Math.log10(value));
	return Math.round(value / magnitude) * magnitude;
}

/** Figures for the size key, ascending: about a tenth and a third of the maximum, and the maximum. */
export function sizeKeyValues(maxFigure: number): number[] {
	if (!(maxFigure >= 1)) return [];
	const candidates = [maxFigure / 10, maxFigure / 3].map(roundToOneDigit).filter((v) => v >= 1);
	return [...new Set([...candidates, Math.round(maxFigure)])].sort((a, b) => a - b);
}
