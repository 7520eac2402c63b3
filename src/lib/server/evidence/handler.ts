import { htmlToText } from '../../evidence/html_text';
import { authorOf, type SessionUser } from '../auth/user';
import { SNAPSHOT_BODY_LIMIT, drain } from '../body_limit';
import type { Db } from '../db/db';
import { readLatest } from '../db/editing';
import {
	NoSuchSource,
	latestSnapshot,
	putSnapshot,
	readExcerpt,
	snapshotTextProblems,
	type SnapshotInfo,
	type SnapshotOrigin
} from '../db/evidence';
import { isJsonType } from '../editing/body';
import { mayEdit, mayReadDrafts } from '../editing/policy';
import type { FieldProblem } from '../editing/record_check';
import { errorResponse, jsonResponse, serverError, type HttpResponse } from '../ogc/response';

/** What a request about evidence acts with: the store and the caller. */
export interface EvidenceContext {
	db: Db;
	/** `event.locals.user`: `null` (or absent) for an anonymous reader. */
	user: SessionUser | null | undefined;
}

/** Evidence is for signed-in accounts only: never cached, never readable by another site. */
function privately(response: HttpResponse): HttpResponse {
	delete response.headers['access-control-allow-origin'];
	response.headers['cache-control'] = 'private, no-store';
	response.headers.vary = 'Authorization, Cookie';
	return response;
}

const unauthorized = () => errorResponse(401, 'unauthorized', 'Sign in or send an API token');

function invalid(problems: FieldProblem[]): HttpResponse {
	return jsonResponse(400, {
		code: 'InvalidParameterValue',
		description: problems.map((p) => `${p.field} ${p.message}`).join('; '),
		field: problems[0]?.field ?? '',
		errors: problems
	});
}

const tooLarge = () =>
	errorResponse(413, 'PayloadTooLarge', `The body is larger than ${SNAPSHOT_BODY_LIMIT} bytes`);

/** The media type of a `Content-Type` header and its `charset` parameter. */
function mediaType(header: string | null): { mime: string; charset: string } {
	const [mime, ...params] = (header ?? '').split(';');
	const charset = params
		.map((p) => /^\s*charset\s*=\s*"?([^";]+)"?\s*$/i.exec(p)?.[1])
		.find(Boolean);
	return { mime: mime.trim().toLowerCase(), charset: (charset ?? 'utf-8').toLowerCase() };
}

/**
 * The body's bytes, counted while they stream in: `413` past {@link SNAPSHOT_BODY_LIMIT} (from
 * `Content-Length` before anything is read, else at the byte that passes it; the rest is dropped).
 */
async function readBody(
	request: Request
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; response: HttpResponse }> {
	const length = Number(request.headers.get('content-length') ?? NaN);
	if (length > SNAPSHOT_BODY_LIMIT) return { ok: false, response: tooLarge() };
	if (!request.body) return { ok: true, bytes: new Uint8Array() };
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > SNAPSHOT_BODY_LIMIT) {
				await drain(reader);
				return { ok: false, response: tooLarge() };
			}
			chunks.push(value);
		}
	} catch (error) {
		if ((error as { status?: number }).status === 413) return { ok: false, response: tooLarge() };
		return {
			ok: false,
			response: errorResponse(400, 'InvalidParameterValue', 'The body could not be read')
		};
	}
	return { ok: true, bytes: Buffer.concat(chunks, size) };
}

/** `bytes` as text in `charset`; `null` when they are not (or the charset is unknown). */
function decode(bytes: Uint8Array, charset: string): string | null {
	try {
		return new TextDecoder(charset, { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The text a snapshot body gives: JSON `{"text": "…"}` as pasted, or an HTML page
 * (`text/html`) whose readable text is extracted (see `htmlToText`).
 */
async function snapshotOfBody(
	request: Request
): Promise<
	{ ok: true; text: string; origin: SnapshotOrigin } | { ok: false; response: HttpResponse }
> {
	const type = request.headers.get('content-type');
	const { mime, charset } = mediaType(type);
	const html = mime === 'text/html' || mime === 'application/xhtml+xml';
	if (!html && !isJsonType(type)) {
		return {
			ok: false,
			response: errorResponse(
				415,
				'UnsupportedMediaType',
				'Send the snapshot as JSON {"text": "…"} (Content-Type: application/json) or as the page itself (Content-Type: text/html)'
			)
		};
	}
	const read = await readBody(request);
	if (!read.ok) return read;
	const decoded = decode(read.bytes, html ? charset : 'utf-8');
	if (decoded === null) {
		return {
			ok: false,
			response: invalid([{ field: 'body', message: `is not valid ${html ? charset : 'UTF-8'}` }])
		};
	}
	if (html) {
		const text = htmlToText(decoded);
		if (text === '') {
			return {
				ok: false,
				response: invalid([{ field: 'body', message: 'has no readable text' }])
			};
		}
		return { ok: true, text, origin: 'html' };
	}
	let value: unknown;
	try {
		value = JSON.parse(decoded);
	} catch (error) {
		return {
			ok: false,
			response: invalid([
				{ field: 'body', message: `is not JSON: ${(error as Error).message.slice(0, 200)}` }
			])
		};
	}
	if (!isObject(value)) {
		return {
			ok: false,
			response: invalid([{ field: '', message: 'the body must be a JSON object {"text": "…"}' }])
		};
	}
	const unknown = Object.keys(value).filter((k) => k !== 'text');
	if (unknown.length) {
		return {
			ok: false,
			response: invalid([{ field: unknown[0], message: 'is not a field of a snapshot' }])
		};
	}
	const problems = snapshotTextProblems(value.text);
	if (problems.length) return { ok: false, response: invalid(problems) };
	return { ok: true, text: value.text as string, origin: 'pasted' };
}

function describeSnapshot(info: SnapshotInfo) {
	return {
		source_id: info.sourceId,
		snapshot_id: info.id,
		captured_at: info.capturedAt,
		sha256: info.sha256,
		origin: info.origin,
		author: info.author,
		length: info.length
	};
}

/**
 * `PUT /api/sources/<id>/snapshot`: stores a new snapshot of the source's text (the newest from
 * now on; earlier ones stay) → `201` with its capture time and SHA-256. Editors, reviewers and
 * admins; `401`/`403` otherwise; `404` for no such source; `413` past 5 MB; `415` for another
 * media type; `400` naming the field (`text`, `body`) for a body that gives no text.
 */
export async function putSourceSnapshot(
	ctx: EvidenceContext,
	sourceId: string,
	request: Request
): Promise<HttpResponse> {
	if (!ctx.user) return privately(unauthorized());
	if (!mayEdit(ctx.user.role)) {
		return privately(
			errorResponse(403, 'forbidden', `An account with the role ${ctx.user.role} may not edit`)
		);
	}
	const body = await snapshotOfBody(request);
	if (!body.ok) return privately(body.response);
	const problems = snapshotTextProblems(body.text);
	if (problems.length) return privately(invalid(problems));
	try {
		const info = await putSnapshot(ctx.db, sourceId, {
			text: body.text,
			origin: body.origin,
			author: authorOf(ctx.user)
		});
		const response = jsonResponse(201, describeSnapshot(info));
		response.headers.location = `/api/sources/${encodeURIComponent(sourceId)}/snapshot`;
		return privately(response);
	} catch (error) {
		if (error instanceof NoSuchSource) {
			return privately(errorResponse(404, 'NotFound', error.message));
		}
		return privately(serverError(error));
	}
}

/**
 * `GET /api/sources/<id>/snapshot`: the newest snapshot with its text, for signed-in accounts
 * only (`401` for a reader: snapshots are evidence, not publications); `404` when there is none.
 */
export async function getSourceSnapshot(
	ctx: EvidenceContext,
	sourceId: string
): Promise<HttpResponse> {
	if (!ctx.user || !mayReadDrafts(ctx.user.role)) return privately(unauthorized());
	try {
		const snapshot = await latestSnapshot(ctx.db, sourceId);
		if (!snapshot) {
			return privately(
				errorResponse(404, 'NotFound', `No snapshot of source "${sourceId.slice(0, 120)}"`)
			);
		}
		const response = jsonResponse(200, { ...describeSnapshot(snapshot), text: snapshot.text });
		response.headers.etag = `"${snapshot.sha256}"`;
		return privately(response);
	} catch (error) {
		return privately(serverError(error));
	}
}

/**
 * `GET /api/statements/<id>/excerpt`: where the newest version of a statement quotes its source's
 * snapshot, `{start, end, sha256, …}` (signed-in accounts only); `404` when the statement does not
 * exist or was saved while its source had no snapshot.
 */
export async function getStatementExcerpt(
	ctx: EvidenceContext,
	statementId: string
): Promise<HttpResponse> {
	if (!ctx.user || !mayReadDrafts(ctx.user.role)) return privately(unauthorized());
	try {
		const excerpt = await readExcerpt(ctx.db, statementId);
		if (!excerpt) {
			const exists = await readLatest(ctx.db, 'statement', statementId);
			const name = `"${statementId.slice(0, 120)}"`;
			return privately(
				errorResponse(
					404,
					'NotFound',
					exists
						? `Statement ${name} (version ${exists.version}) has no excerpt range: its source had no snapshot when it was saved`
						: `No statement ${name}`
				)
			);
		}
		return privately(
			jsonResponse(200, {
				statement_id: excerpt.statementId,
				version: excerpt.version,
				start: excerpt.start,
				end: excerpt.end,
				text: excerpt.text,
				sha256: excerpt.snapshot.sha256,
				snapshot_id: excerpt.snapshot.id,
				source_id: excerpt.snapshot.sourceId,
				captured_at: excerpt.snapshot.capturedAt
			})
		);
	} catch (error) {
		return privately(serverError(error));
	}
}
