import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
	it('defaults to everything: all parts, the real dataset, 10k and 100k, 5 runs of 20 s at 32', () => {
		expect(parseBenchArgs([])).toEqual({
			only: ['server', 'bundle', 'browser', 'publish', 'import', 'store'],
			sizes: ['real', 10_000, 100_000],
			browserSizes: ['real', 10_000, 100_000],
			runs: 5,
			duration: 20,
			connections: 32,
			build: true,
			publishes: 30,
			windowDesigns: []
		});
	});

	it('times other designs of the map window change by name, refusing anything but a-z', () => {
		expect(parseBenchArgs(['--window-designs', 'state']).windowDesigns).toEqual(['state']);
		expect(() => parseBenchArgs(['--window-designs', 'a&b'])).toThrow(
			/--window-designs: "a&b" is not a design name/
		);
	});

	it('runs the publish part alone, with 30 publications or more', () => {
		const args = parseBenchArgs(['--only', 'publish', '--publishes', '40', '--no-build']);
		expect([args.only, args.publishes, args.build]).toEqual([['publish'], 40, false]);
		expect(() => parseBenchArgs(['--publishes', '10'])).toThrow(
			/^--publishes must be an integer from 30 to 1000, got "10"/
		);
	});

	it('runs the import part alone', () => {
		expect(parseBenchArgs(['--only', 'import']).only).toEqual(['import']);
	});

	it('narrows parts and sizes for quicker runs', () => {
		const args = parseBenchArgs(['--only', 'server,bundle', '--sizes=real,10000', '--no-build']);
		expect(args.only).toEqual(['server', 'bundle']);
		expect(args.sizes).toEqual(['real', 10_000]);
		expect(args.build).toBe(false);
	});

	it('limits the browser part to some of the sizes', () => {
		const args = parseBenchArgs(['--sizes', 'real,10000,100000', '--browser-sizes', 'real,10000']);
		expect(args.sizes).toEqual(['real', 10_000, 100_000]);
		expect(args.browserSizes).toEqual(['real', 10_000]);
		expect(parseBenchArgs(['--sizes', 'real']).browserSizes).toEqual(['real']);
		expect(() => parseBenchArgs(['--sizes', 'real', '--browser-sizes', '10000'])).toThrow(
			/^--browser-sizes: 10000 not in --sizes/
		);
	});

	it('reads runs, duration and connections', () => {
		const args = parseBenchArgs(['--runs', '7', '--duration', '5', '--connections=8']);
		expect([args.runs, args.duration, args.connections]).toEqual([7, 5, 8]);
	});

	it('names the bad flag or value', () => {
		expect(() => parseBenchArgs(['--only', 'server,gpu'])).toThrow(/^--only: unknown part "gpu"/);
		expect(() => parseBenchArgs(['--sizes', 'real,ten'])).toThrow(
			/^--sizes must be an integer from 1 to 2000000, got "ten"/
		);
		expect(() => parseBenchArgs(['--sizes', 'real,'])).toThrow(/^--sizes: empty item/);
		expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/^--runs must be/);
		expect(() => parseBenchArgs(['--duration'])).toThrow(/^--duration needs a value/);
		expect(() => parseBenchArgs(['--fast'])).toThrow(/^unknown argument "--fast"/);
	});
});
