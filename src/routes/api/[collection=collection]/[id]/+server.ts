import { awaitDatasetVersion, getStore } from '$lib/server/dataset';
import { getRecord, updateRecord } from '$lib/server/editing/handler';
import { toResponse } from '$lib/server/ogc/response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) =>
	toResponse(
		await getRecord(
			{ db: getStore().db, user: locals.user, published: awaitDatasetVersion },
			params.collection,
			params.id
		)
	);

export const PUT: RequestHandler = async ({ params, request, locals }) =>
	toResponse(
		await updateRecord(
			{ db: getStore().db, user: locals.user, published: awaitDatasetVersion },
			params.collection,
			params.id,
			request
		)
	);
