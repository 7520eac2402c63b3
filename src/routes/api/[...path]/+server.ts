import { handleApiRequest } from '$lib/server/api/handler';
import { datasetIndexes } from '$lib/server/api/indexes';
import { getDataset } from '$lib/server/dataset';
import { serverError, toResponse } from '$lib/server/ogc/response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, params }) => {
	try {
		const dataset = getDataset();
		const { search } = datasetIndexes(dataset);
		return toResponse(
			handleApiRequest(params.path, url, dataset, search, new Date().toISOString())
		);
	} catch (error) {
		return toResponse(serverError(error));
	}
};
