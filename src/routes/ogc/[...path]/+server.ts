import { datasetIndexes } from '$lib/server/api/indexes';
import { getDataset } from '$lib/server/dataset';
import { handleOgcRequest } from '$lib/server/ogc/handler';
import { serverError, toResponse } from '$lib/server/ogc/response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, request }) => {
	try {
		const { ogc } = datasetIndexes(getDataset());
		const accept = request.headers.get('accept');
		return toResponse(handleOgcRequest({ url, accept }, ogc, new Date().toISOString()));
	} catch (error) {
		return toResponse(serverError(error));
	}
};
