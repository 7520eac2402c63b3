import { handleApiRequest } from '$lib/server/api/handler';
import { datasetIndexes } from '$lib/server/api/indexes';
import { getDataset, getDatasetVersion } from '$lib/server/dataset';
import { serverError, toResponse } from '$lib/server/ogc/response';
import { withVersion } from '$lib/server/revisions/handler';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, params }) => {
	try {
		const dataset = getDataset();
		const version = getDatasetVersion();
		const indexes = datasetIndexes(dataset);
		return toResponse(
			withVersion(
				handleApiRequest(
					params.path,
					url,
					dataset,
					indexes.search,
					new Date().toISOString(),
					indexes.prepared
				),
				version
			)
		);
	} catch (error) {
		return toResponse(serverError(error));
	}
};
