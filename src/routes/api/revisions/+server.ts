import { getDatasetVersion, getStore } from '$lib/server/dataset';
import { serverError, toResponse } from '$lib/server/ogc/response';
import { revisionsResponse } from '$lib/server/revisions/handler';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	try {
		return toResponse(await revisionsResponse(getStore().db, url, getDatasetVersion()));
	} catch (error) {
		return toResponse(serverError(error));
	}
};
