import { getStore } from '$lib/server/dataset';
import { postImport } from '$lib/server/import/handler';
import { toResponse } from '$lib/server/ogc/response';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, url, locals }) =>
	toResponse(await postImport({ db: getStore().db, user: locals.user }, request, url));
