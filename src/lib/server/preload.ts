/** The dataset the dashboard's load function fetches (`src/routes/+page.ts`). */
export const DATASET_PATH = '/data/dataset.json';

/**
 * The `<link rel="preload">` tags for a page, by route id. The dashboard renders in the browser
 * only, and its load function asks for the dataset after the app's scripts have run and the
 * layout's server data (`__data.json`) has come back; preloaded, the dataset downloads from the
 * moment the `<head>` is read, alongside the scripts (issue 16). `crossorigin` makes the preload's
 * credentials mode that of a plain `fetch()`, so the load function's request is answered from it
 * instead of being made a second time.
 */
export function preloadLinks(routeId: string | null): string {
	if (routeId !== '/') return '';
	return `<link rel="preload" href="${DATASET_PATH}" as="fetch" crossorigin="anonymous" />`;
}
