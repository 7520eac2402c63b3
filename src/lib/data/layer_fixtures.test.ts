import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAYER_DECLARATIONS } from './layer_fixtures';
import { layerOrder } from './vocabulary';

describe('LAYER_DECLARATIONS', () => {
	it('are the declarations of the files in geodata/layers/, as the unit tests use them', () => {
		for (const [id, declared] of Object.entries(LAYER_DECLARATIONS)) {
			const file = JSON.parse(readFileSync(`geodata/layers/${id}.geojson`, 'utf8'));
			expect(file.layer, id).toEqual(declared);
		}
	});
});

describe('layerOrder', () => {
	it('orders by `order`, then layers without one by id', () => {
		const layer = (id: string, order?: number) => ({ layer: { id, order } as never });
		expect(
			layerOrder({ b: layer('b'), z: layer('z', 2), a: layer('a'), y: layer('y', 1) })
		).toEqual(['y', 'z', 'a', 'b']);
	});
});
