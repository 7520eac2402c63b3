/** Where the dashboard reads the dataset from (`src/routes/data/dataset.json/+server.ts`). */
export const DATASET_URL = '/data/dataset.json';

let early: Promise<Response> | null = null;

/**
 * Asks for the dataset as the app starts (`hooks.client.ts`), when the document was opened on the
 * dashboard. The dashboard renders in the browser only, so SvelteKit first fetches the root
 * layout's server data (`__data.json`) and only then runs the page's `load`: started here, the
 * dataset comes in alongside that and the app's modules instead of after them.
 */
export function fetchDatasetEarly(pathname: string): void {
	if (pathname !== '/') return;
	early = fetch(DATASET_URL);
	// Failing before the page's load takes it is no unhandled rejection: the load reports it.
	early.catch(() => undefined);
}

/**
 * The early request, for the page's first `load` only; `null` afterwards (a later navigation to
 * the dashboard fetches anew, through SvelteKit's `fetch`).
 */
export function takeEarlyDataset(): Promise<Response> | null {
	const taken = early;
	early = null;
	return taken;
}
