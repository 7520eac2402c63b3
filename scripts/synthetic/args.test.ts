import { describe, expect, it } from 'vitest';
import { isInside, parseSyntheticArgs } from './args';

describe('parseSyntheticArgs', () => {
	it('reads count, out and seed', () => {
		expect(
			parseSyntheticArgs(['--count', '10000', '--out', 'bench/out/s10k', '--seed', '7'])
		).toEqual({ count: 10_000, out: 'bench/out/s10k', seed: 7, format: 'dataset' });
	});

	it('defaults the seed to 1 and accepts --flag=value', () => {
		expect(parseSyntheticArgs(['--count=5', '--out=x'])).toEqual({
			count: 5,
			out: 'x',
			seed: 1,
			format: 'dataset'
		});
	});

	it('reads --format acled (one ACLED-format CSV file) and refuses other formats', () => {
		expect(parseSyntheticArgs(['--count=5', '--out=a.csv', '--format', 'acled'])).toMatchObject({
			format: 'acled'
		});
		expect(() => parseSyntheticArgs(['--count=5', '--out=x', '--format=kml'])).toThrow(
			/^--format must be dataset or acled, got "kml"/
		);
	});

	it('names the missing or malformed flag', () => {
		expect(() => parseSyntheticArgs(['--out', 'x'])).toThrow(/^--count is required/);
		expect(() => parseSyntheticArgs(['--count', '3'])).toThrow(/^--out is required/);
		expect(() => parseSyntheticArgs(['--count', 'ten', '--out', 'x'])).toThrow(
			/^--count must be an integer from 1 to 2000000, got "ten"/
		);
		expect(() => parseSyntheticArgs(['--count', '0', '--out', 'x'])).toThrow(/^--count must be/);
		expect(() => parseSyntheticArgs(['--count', '1.5', '--out', 'x'])).toThrow(/^--count must be/);
		expect(() => parseSyntheticArgs(['--count', '3', '--out', 'x', '--seed', '-1'])).toThrow(
			/^--seed must be/
		);
		expect(() => parseSyntheticArgs(['--count', '3', '--out'])).toThrow(/^--out needs a value/);
		expect(() => parseSyntheticArgs(['--count', '3', '--out', 'x', '--pretty'])).toThrow(
			/^unknown argument "--pretty"/
		);
	});
});

describe('isInside', () => {
	it('is true for the directory itself and anything below it', () => {
		expect(isInside('/repo/geodata', '/repo/geodata')).toBe(true);
		expect(isInside('/repo/geodata', '/repo/geodata/layers')).toBe(true);
	});

	it('is false for siblings, including ones sharing a prefix', () => {
		expect(isInside('/repo/geodata', '/repo/bench/out/s10k')).toBe(false);
		expect(isInside('/repo/geodata', '/repo/geodata-synthetic')).toBe(false);
		expect(isInside('/repo/geodata', '/repo')).toBe(false);
	});
});
