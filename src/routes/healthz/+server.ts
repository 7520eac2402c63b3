import { json } from '@sveltejs/kit';
import { getDataset, getDatasetVersion } from '$lib/server/dataset';

/** Liveness: answers once the dataset is loaded; `dataset_version` is the last published revision. */
export function GET() {
	const { meta, incidents } = getDataset();
	return json({
		ok: true,
		dataset: meta.name,
		version: meta.version,
		dataset_version: getDatasetVersion(),
		incidents: incidents.features.length
	});
}
