import { describe, expect, it } from 'vitest';
import { DATASET_PATH, preloadLinks } from './preload';

describe('preloadLinks', () => {
	it('preloads the dataset on the dashboard, as a fetch with a plain fetch()’s credentials', () => {
		expect(preloadLinks('/')).toBe(
			`<link rel="preload" href="${DATASET_PATH}" as="fetch" crossorigin="anonymous" />`
		);
	});

	it('preloads nothing on any other page, nor on a request that matched no route', () => {
		expect(preloadLinks('/incidents/[id]')).toBe('');
		expect(preloadLinks('/edit')).toBe('');
		expect(preloadLinks(null)).toBe('');
	});
});
