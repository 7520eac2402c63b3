import { detectFormat } from '../../import/detect';
import { FIELDS, type Field } from '../../import/fields';
import { importSource } from '../../import/parse';
import { PREVIEW_ROWS, previewOf, type ImportAnswer } from '../../import/preview';
import { firstItems, parsedSource, piecesOf, type ImportSource } from '../../import/stream';
import {
	IMPORT_FORMATS,
	ImportFileError,
	type ImportFormat,
	type ParseResult
} from '../../import/types';
import { authorOf, type SessionUser } from '../auth/user';
import { IMPORT_BODY_LIMIT, readUpTo } from '../body_limit';
import type { Db } from '../db/db';
import { importDrafts } from '../db/import_drafts';
import { mayEdit } from '../editing/policy';
import { errorResponse, jsonResponse, serverError, type HttpResponse } from '../ogc/response';

/** What an upload for import acts with: the store, the caller and the largest file it takes. */
export interface ImportContext {
	db: Db;
	/** `event.locals.user`: `null` (or absent) for an anonymous reader. */
	user: SessionUser | null | undefined;
	/** Bytes; {@link IMPORT_BODY_LIMIT} unless a test says otherwise. */
	limit?: number;
}

/** How an upload is to be imported, from the query string of `POST /api/import`. */
export interface ImportRequest {
	format: ImportFormat | 'auto';
	/** The file's name (for format detection, messages and the revision's reason). */
	name: string;
	dryRun: boolean;
	skipRejected: boolean;
	submit: boolean;
	/** CSV: our field → the column that holds it (`map.<field>=<column>`). */
	map: Partial<Record<Field, string>>;
}

const FLAG = /^(1|true|0|false)?$/;

/**
 * The query string of an upload, or the field that is wrong with it: `format`
 * (acled|ucdp|geojson|csv|kml|auto, default auto), `name`, `dry_run`, `skip_rejected`,
 * `submit` (1/true/0/false), and `map.<field>=<column>` for a CSV column mapping.
 */
export function readImportRequest(
	query: URLSearchParams
): { ok: true; request: ImportRequest } | { ok: false; field: string; message: string } {
	const format = query.get('format') || 'auto';
	if (format !== 'auto' && !IMPORT_FORMATS.includes(format as ImportFormat))
		return {
			ok: false,
			field: 'format',
			message: `must be one of auto, ${IMPORT_FORMATS.join(', ')}`
		};
	const flags: Record<'dry_run' | 'skip_rejected' | 'submit', boolean> = {
		dry_run: false,
		skip_rejected: false,
		submit: false
	};
	for (const key of Object.keys(flags) as (keyof typeof flags)[]) {
		const value = query.get(key) ?? '';
		if (!FLAG.test(value)) return { ok: false, field: key, message: 'must be 1, true, 0 or false' };
		flags[key] = value === '1' || value === 'true';
	}
	const map: Partial<Record<Field, string>> = {};
	for (const [key, column] of query) {
		if (!key.startsWith('map.')) continue;
		const field = key.slice(4);
		if (!FIELDS.includes(field as Field))
			return { ok: false, field: key, message: `"${field}" is not a field (${FIELDS.join(', ')})` };
		if (column) map[field as Field] = column;
	}
	return {
		ok: true,
		request: {
			format: format as ImportFormat | 'auto',
			name: (query.get('name') ?? '').slice(0, 200) || 'upload',
			dryRun: flags.dry_run,
			skipRejected: flags.skip_rejected,
			submit: flags.submit,
			map
		}
	};
}

/** Imports are for signed-in accounts only: never cached, never readable by another site. */
function privately(response: HttpResponse): HttpResponse {
	delete response.headers['access-control-allow-origin'];
	response.headers['cache-control'] = 'private, no-store';
	response.headers.vary = 'Authorization, Cookie';
	return response;
}

/** The start of the file as text, for detection and the header (never fails: bad bytes become U+FFFD). */
const headOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(0, 64 * 1024));

/** A file that cannot be read at all, as a report with one rejection of row 0. */
function unreadable(format: ImportFormat, reason: string): ParseResult {
	return { format, rows: 0, items: [], rejected: [{ row: 0, column: '', reason }], notes: [] };
}

/**
 * `source`, with anything but an {@link ImportFileError} thrown while reading it logged and said
 * as one line (a report, never a stack trace, for a file our parsers choke on).
 */
function guarded(source: ImportSource, format: ImportFormat): ImportSource {
	return {
		format: source.format,
		async *read() {
			try {
				return yield* source.read();
			} catch (error) {
				if (error instanceof ImportFileError) throw error;
				console.error(error);
				throw new ImportFileError(`the file could not be read as ${format}`);
			}
		}
	};
}

/**
 * `POST /api/import`: the body is the file, counted as it streams in (413 past the limit); it is
 * read as `format` (detected when `auto`) and imported as drafts by the caller in one transaction,
 * or only reported on (`dry_run`). A file that cannot be read is a report saying why, never a
 * stack trace; the answer is 422 when rejected rows kept anything from being written.
 */
export async function postImport(
	ctx: ImportContext,
	request: Request,
	url: URL
): Promise<HttpResponse> {
	if (!ctx.user)
		return privately(errorResponse(401, 'unauthorized', 'Sign in or send an API token'));
	if (!mayEdit(ctx.user.role))
		return privately(
			errorResponse(403, 'forbidden', `An account with the role ${ctx.user.role} may not import`)
		);
	const params = readImportRequest(url.searchParams);
	if (!params.ok)
		return privately(
			jsonResponse(400, {
				code: 'InvalidParameterValue',
				description: `${params.field} ${params.message}`,
				field: params.field
			})
		);
	const limit = ctx.limit ?? IMPORT_BODY_LIMIT;
	const tooLarge = () =>
		privately(
			errorResponse(
				413,
				'PayloadTooLarge',
				`The file is larger than ${limit} bytes: import it with npm run import`
			)
		);
	if (Number(request.headers.get('content-length') ?? NaN) > limit) return tooLarge();
	let bytes: Uint8Array | null;
	try {
		bytes = request.body ? await readUpTo(request.body, limit) : new Uint8Array();
	} catch {
		bytes = null;
	}
	if (!bytes) return tooLarge();

	const { name } = params.request;
	const head = headOf(bytes);
	const format =
		params.request.format === 'auto' ? detectFormat(name, head) : params.request.format;
	const options = { fileName: name, map: params.request.map as Record<string, string> };
	// The upload is in memory already (up to the limit); it is read in pieces all the same, as
	// the command line reads a file, so parsing never holds a second copy of it as rows.
	const source: ImportSource =
		bytes.byteLength === 0
			? parsedSource(unreadable(format, 'the file is empty'))
			: guarded(importSource(format, piecesOf(bytes), options), format);
	try {
		const first = await firstItems(source, PREVIEW_ROWS).catch((error) => {
			if (error instanceof ImportFileError) return [];
			throw error;
		});
		const { results: _results, ...report } = await importDrafts(ctx.db, source, {
			author: authorOf(ctx.user),
			reason: `import of ${name} (${format}) in the browser`,
			dryRun: params.request.dryRun,
			skipRejected: params.request.skipRejected,
			submit: params.request.submit
		});
		void _results;
		const answer: ImportAnswer = {
			format,
			report,
			preview: previewOf(format, head, first, options)
		};
		const refused = !report.dry_run && !report.written && report.invalid > 0;
		return privately(jsonResponse(refused ? 422 : 200, answer));
	} catch (error) {
		return privately(serverError(error));
	}
}
