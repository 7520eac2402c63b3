import { awaitDatasetVersion, getStore } from '$lib/server/dataset';
import { changeRecordStatus } from '$lib/server/editing/handler';
import { toResponse } from '$lib/server/ogc/response';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request, locals }) =>
	toResponse(
		await changeRecordStatus(
			{ db: getStore().db, user: locals.user, published: awaitDatasetVersion },
			params.collection,
			params.id,
			request
		)
	);
