import { awaitDatasetVersion, getStore } from '$lib/server/dataset';
import { collectionGet, createRecord } from '$lib/server/editing/handler';
import { toResponse } from '$lib/server/ogc/response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => toResponse(collectionGet(params.collection));

export const POST: RequestHandler = async ({ params, request, locals }) =>
	toResponse(
		await createRecord(
			{ db: getStore().db, user: locals.user, published: awaitDatasetVersion },
			params.collection,
			request
		)
	);
