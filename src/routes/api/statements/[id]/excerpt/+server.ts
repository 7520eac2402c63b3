import { getStore } from '$lib/server/dataset';
import { getStatementExcerpt } from '$lib/server/evidence/handler';
import { toResponse } from '$lib/server/ogc/response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) =>
	toResponse(await getStatementExcerpt({ db: getStore().db, user: locals.user }, params.id));
