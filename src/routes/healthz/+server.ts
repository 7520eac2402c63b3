import { json } from '@sveltejs/kit';
import { getDataset } from '$lib/server/dataset';

/** Liveness: answers once the dataset is loaded. */
export function GET() {
	const { meta, incidents } = getDataset();
	return json({
		ok: true,
		dataset: meta.name,
		version: meta.version,
		incidents: incidents.features.length
	});
}
