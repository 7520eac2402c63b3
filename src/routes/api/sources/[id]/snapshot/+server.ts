import { getStore } from '$lib/server/dataset';
import { getSourceSnapshot, putSourceSnapshot } from '$lib/server/evidence/handler';
import { toResponse } from '$lib/server/ogc/response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) =>
	toResponse(await getSourceSnapshot({ db: getStore().db, user: locals.user }, params.id));

export const PUT: RequestHandler = async ({ params, request, locals }) =>
	toResponse(await putSourceSnapshot({ db: getStore().db, user: locals.user }, params.id, request));
