import type { Queryable } from '../db/db';
import { publicHistory, publicRevisionsSince } from '../db/records';
import { errorResponse, jsonResponse, notFound, type HttpResponse } from '../ogc/response';

/** The most revisions one `/api/revisions` answer lists; `next` names the `since` of the rest. */
export const REVISIONS_PAGE = 1000;

/** `since`: absent (0) or a non-negative integer; anything else is the caller's mistake. */
export function parseSince(value: string | null): number | null {
	if (value === null || value === '') return 0;
	if (!/^\d{1,15}$/.test(value)) return null;
	return Number(value);
}

/**
 * `GET /api/revisions?since=N`: the published (and retracted) revisions after N, oldest first.
 * Drafts and records in review are never listed to anonymous callers.
 */
export async function revisionsResponse(
	db: Queryable,
	url: URL,
	datasetVersion: number
): Promise<HttpResponse> {
	const since = parseSince(url.searchParams.get('since'));
	if (since === null) {
		return errorResponse(
			400,
			'InvalidParameterValue',
			`since must be a revision number (a non-negative integer), not "${String(url.searchParams.get('since')).slice(0, 40)}"`
		);
	}
	const revisions = await publicRevisionsSince(db, since, REVISIONS_PAGE + 1);
	const more = revisions.length > REVISIONS_PAGE;
	const page = revisions.slice(0, REVISIONS_PAGE);
	const next = more ? `${url.pathname}?since=${page[page.length - 1].revision}` : null;
	return withVersion(
		jsonResponse(200, { dataset_version: datasetVersion, since, revisions: page, next }),
		datasetVersion
	);
}

/** `GET /api/incidents/<id>/history`: every published version of one incident; 404 if it has none. */
export async function historyResponse(
	db: Queryable,
	id: string,
	datasetVersion: number
): Promise<HttpResponse> {
	const versions = await publicHistory(db, 'incident', id);
	if (versions.length === 0) return notFound(`No incident ${id.slice(0, 120)} has been published`);
	return withVersion(
		jsonResponse(200, { id, dataset_version: datasetVersion, versions }),
		datasetVersion
	);
}

/** The header every export and revision answer carries: the dataset version it was made from. */
export const DATASET_VERSION_HEADER = 'x-dataset-version';

export function withVersion(response: HttpResponse, version: number): HttpResponse {
	response.headers[DATASET_VERSION_HEADER] = String(version);
	return response;
}
