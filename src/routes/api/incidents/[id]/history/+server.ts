import { getDatasetVersion, getStore } from '$lib/server/dataset';
import { serverError, toResponse } from '$lib/server/ogc/response';
import { historyResponse } from '$lib/server/revisions/handler';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	try {
		return toResponse(await historyResponse(getStore().db, params.id, getDatasetVersion()));
	} catch (error) {
		return toResponse(serverError(error));
	}
};
