import { text } from '../../data/schema';
import { authorOf, type SessionUser } from '../auth/user';
import type { Db } from '../db/db';
import {
	InvalidRecord,
	NoSuchRecord,
	PublishRefused,
	RecordExists,
	StaleVersion,
	StatusRefused,
	changeStatus,
	readLatest,
	readPublished,
	saveVersion
} from '../db/editing';
import {
	GEOJSON_TYPE,
	JSON_TYPE,
	errorResponse,
	jsonResponse,
	serverError,
	type HttpResponse
} from '../ogc/response';
import { readJsonBody } from './body';
import {
	COLLECTIONS,
	TARGET_STATUSES,
	kindOfCollection,
	mayEdit,
	mayReadDrafts,
	type Collection,
	type TargetStatus
} from './policy';
import { newRecordId, recordIdOf, withRecordId, type FieldProblem } from './record_check';

/** What a request of the editing API acts with: the store, the caller, and the read model. */
export interface EditingContext {
	db: Db;
	/** `event.locals.user`: `null` (or absent) for an anonymous reader. */
	user: SessionUser | null | undefined;
	/** Brings this server's read model up to `datasetVersion` before the answer goes out. */
	published?: (datasetVersion: number) => Promise<void>;
}

const FEATURE_COLLECTIONS: ReadonlySet<Collection> = new Set(['incidents', 'places', 'layers']);

/** `"3"`, `3` or `W/"3"` → 3; `null` when the header is not one version number. */
export function parseIfMatch(header: string): number | null {
	const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
	return match ? Number(match[1]) : null;
}

const etag = (version: number) => `"${version}"`;

/** A mutation's answer: never cached, and never readable by another site's script. */
function mutation(response: HttpResponse): HttpResponse {
	delete response.headers['access-control-allow-origin'];
	response.headers['cache-control'] = 'no-store';
	return response;
}

function invalid(problems: FieldProblem[]): HttpResponse {
	const [first] = problems;
	const line = (p: FieldProblem) => [p.field, p.message].filter(Boolean).join(' ');
	return jsonResponse(400, {
		code: 'InvalidParameterValue',
		description: problems.map(line).join('; '),
		field: first?.field ?? '',
		errors: problems
	});
}

/** The answer to an error of the store; anything unexpected is a logged 500. */
function fromError(error: unknown): HttpResponse {
	if (error instanceof InvalidRecord) return invalid(error.problems);
	if (error instanceof StaleVersion) {
		return jsonResponse(409, {
			code: 'stale',
			description: `${error.message}; read it again (GET) and send its ETag as If-Match`,
			current_version: error.currentVersion
		});
	}
	if (error instanceof RecordExists) {
		return jsonResponse(409, {
			code: 'exists',
			description: error.message,
			current_version: error.currentVersion
		});
	}
	if (error instanceof NoSuchRecord) return errorResponse(404, 'NotFound', error.message);
	if (error instanceof StatusRefused) {
		return errorResponse(error.refusal.status, error.refusal.code, error.refusal.message);
	}
	if (error instanceof PublishRefused) {
		return jsonResponse(409, {
			code: 'publish_refused',
			description: error.message,
			problems: error.problems
		});
	}
	return serverError(error);
}

/** `401` for a reader, `403` for an account that may not edit; `null` when the caller may. */
function editorRefusal(user: SessionUser | null | undefined): HttpResponse | null {
	if (!user) return errorResponse(401, 'unauthorized', 'Sign in or send an API token');
	if (!mayEdit(user.role)) {
		return errorResponse(403, 'forbidden', `An account with the role ${user.role} may not edit`);
	}
	return null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a body names an id anywhere its kind could carry one. */
function namesId(body: unknown): boolean {
	if (!isObject(body)) return false;
	return body.id !== undefined || (isObject(body.properties) && body.properties.id !== undefined);
}

/** `POST /api/<collection>`: a new record, a draft; `201 {id, version, status}`. */
export async function createRecord(
	ctx: EditingContext,
	collection: Collection,
	request: Request
): Promise<HttpResponse> {
	const refused = editorRefusal(ctx.user);
	if (refused) return mutation(refused);
	const read = await readJsonBody(request);
	if (!read.ok) return mutation(read.response);
	const kind = kindOfCollection(collection);
	if (kind === 'layer') {
		return mutation(
			invalid([
				{
					field: 'id',
					message: `a new layer is added as a file in geodata/layers/ and loaded with npm run db:import; change an existing one with PUT /api/layers/<id>`
				}
			])
		);
	}
	let body = read.value;
	let id = recordIdOf(kind, body);
	if (id === undefined) {
		if (namesId(body))
			return mutation(invalid([{ field: 'id', message: 'must be a non-empty string' }]));
		id = newRecordId(kind, body);
		body = withRecordId(kind, body, id);
	}
	try {
		const saved = await saveVersion(ctx.db, kind, id, body, null, { author: authorOf(ctx.user!) });
		const response = jsonResponse(201, { id, ...saved });
		response.headers.location = `/api/${collection}/${encodeURIComponent(id)}`;
		response.headers.etag = etag(saved.version);
		return mutation(response);
	} catch (error) {
		return mutation(fromError(error));
	}
}

/**
 * `GET /api/<collection>/<id>`: for a reader the published version only (404 otherwise); for a
 * signed-in account the newest version, draft or not. The body is the record in the dataset's
 * format, the `ETag` its version.
 */
export async function getRecord(
	ctx: EditingContext,
	collection: Collection,
	id: string
): Promise<HttpResponse> {
	try {
		const kind = kindOfCollection(collection);
		const signedIn = ctx.user ? mayReadDrafts(ctx.user.role) : false;
		const latest = signedIn ? await readLatest(ctx.db, kind, id) : null;
		const record = signedIn ? latest : await readPublished(ctx.db, kind, id);
		if (!record) {
			return errorResponse(404, 'NotFound', `No published ${kind} "${id.slice(0, 120)}"`);
		}
		const response = jsonResponse(
			200,
			record.body,
			FEATURE_COLLECTIONS.has(collection) ? GEOJSON_TYPE : JSON_TYPE
		);
		response.headers.etag = etag(record.version);
		response.headers.vary = 'Authorization, Cookie';
		response.headers['cache-control'] = signedIn ? 'private, no-store' : 'no-cache';
		if (latest) response.headers['x-record-status'] = latest.status;
		return response;
	} catch (error) {
		return fromError(error);
	}
}

/** `PUT /api/<collection>/<id>` with `If-Match: "<version>"`: a new version, a draft. */
export async function updateRecord(
	ctx: EditingContext,
	collection: Collection,
	id: string,
	request: Request
): Promise<HttpResponse> {
	const refused = editorRefusal(ctx.user);
	if (refused) return mutation(refused);
	const header = request.headers.get('if-match');
	if (header === null) {
		return mutation(
			errorResponse(
				428,
				'PreconditionRequired',
				'Send If-Match: "<version>" with the ETag of the version you edited'
			)
		);
	}
	const expected = parseIfMatch(header);
	if (expected === null) {
		return mutation(
			invalid([{ field: 'If-Match', message: 'must be one version number, e.g. "3"' }])
		);
	}
	const read = await readJsonBody(request);
	if (!read.ok) return mutation(read.response);
	const kind = kindOfCollection(collection);
	const body = namesId(read.value) ? read.value : withRecordId(kind, read.value, id);
	try {
		const saved = await saveVersion(ctx.db, kind, id, body, expected, {
			author: authorOf(ctx.user!)
		});
		const response = jsonResponse(200, { id, ...saved });
		response.headers.etag = etag(saved.version);
		return mutation(response);
	} catch (error) {
		return mutation(fromError(error));
	}
}

const reasonSchema = text('text');

/**
 * `POST /api/<collection>/<id>/status` with `{status, reason}`; with `If-Match`, only if the record
 * is still at that version (else `409 stale`), so a reviewer publishes the version they read.
 */
export async function changeRecordStatus(
	ctx: EditingContext,
	collection: Collection,
	id: string,
	request: Request
): Promise<HttpResponse> {
	if (!ctx.user)
		return mutation(errorResponse(401, 'unauthorized', 'Sign in or send an API token'));
	const header = request.headers.get('if-match');
	const expected = header === null ? null : parseIfMatch(header);
	if (header !== null && expected === null) {
		return mutation(
			invalid([{ field: 'If-Match', message: 'must be one version number, e.g. "3"' }])
		);
	}
	const read = await readJsonBody(request);
	if (!read.ok) return mutation(read.response);
	const body = read.value;
	if (!isObject(body))
		return mutation(invalid([{ field: '', message: 'the body must be a JSON object' }]));
	if (!(TARGET_STATUSES as readonly unknown[]).includes(body.status)) {
		return mutation(
			invalid([{ field: 'status', message: `must be one of ${TARGET_STATUSES.join(', ')}` }])
		);
	}
	const reason = reasonSchema.safeParse(body.reason ?? '');
	if (!reason.success) {
		return mutation(
			invalid(reason.error.issues.map((i) => ({ field: 'reason', message: i.message })))
		);
	}
	try {
		const done = await changeStatus(
			ctx.db,
			kindOfCollection(collection),
			id,
			body.status as TargetStatus,
			ctx.user.role,
			{ author: authorOf(ctx.user), reason: reason.data },
			expected
		);
		if (done.datasetVersion !== undefined) await ctx.published?.(done.datasetVersion);
		return mutation(
			jsonResponse(200, {
				id,
				version: done.version,
				status: done.status,
				also_published: done.alsoPublished,
				also_retracted: done.alsoRetracted,
				...(done.datasetVersion !== undefined && { dataset_version: done.datasetVersion })
			})
		);
	} catch (error) {
		return mutation(fromError(error));
	}
}

/** `GET /api/<collection>`: not a listing (the exports are); says what the collection is for. */
export function collectionGet(collection: Collection): HttpResponse {
	const response = errorResponse(
		405,
		'MethodNotAllowed',
		`POST /api/${collection} creates a ${COLLECTIONS[collection]}; read one with GET /api/${collection}/<id>`
	);
	response.headers.allow = 'POST';
	return response;
}
