import type { Map } from 'maplibre-gl';

declare global {
	interface Window {
		/** The dashboard's map, set by `MapView.svelte`: a read-only handle for e2e tests and benchmarks. */
		__atlasMap?: Map;
	}
}

export {};
