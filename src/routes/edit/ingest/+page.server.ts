import { fail } from '@sveltejs/kit';
import { htmlToText } from '$lib/evidence/html_text';
import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { IngestError, LANGS, MAX_TEXT_LENGTH, ingest } from '$lib/ingest/ingest';
import type { Lang } from '$lib/ingest/types';
import { requireEditor } from '$lib/server/auth/require_editor';
import { authorOf } from '$lib/server/auth/user';
import { getBasemapFile, getDataset, getStore } from '$lib/server/dataset';
import { InvalidRecord, RecordExists, saveNewDrafts } from '$lib/server/db/editing';
import { putSnapshot, snapshotTextProblems } from '$lib/server/db/evidence';
import { mayEdit } from '$lib/server/editing/policy';
import { newRecordId } from '$lib/server/editing/record_check';
import { liveGazetteer, placePositions } from '$lib/server/ingest/live_gazetteer';
import { buildDrafts, parseDecision } from './draft_records';
import { speakerDefaults } from './speaker_defaults';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The article page for signed-in editors (a reader is sent to sign in). */
export const load: PageServerLoad = ({ locals, url, setHeaders }) => {
	requireEditor(locals.user, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const lang = url.searchParams.get('lang');
	return {
		lang: isLang(lang) ? lang : DEFAULT_LANG,
		organizations: getDataset().organizations.map((o) => ({ id: o.id, name: o.names.en })),
		maxLength: MAX_TEXT_LENGTH
	};
};

/** `401` for a reader, `403` for a role that may not edit; `null` when the caller may. */
function refusal(event: RequestEvent) {
	const user = event.locals.user;
	if (!user) return fail(401, { field: '', error: 'Sign in to turn an article into drafts' });
	if (!mayEdit(user.role)) {
		return fail(403, { field: '', error: `An account with the role ${user.role} may not edit` });
	}
	return null;
}

let settlements: { text: string | undefined; parsed: unknown } | null = null;
/** The basemap's settlements, parsed once (they change only with the deployment). */
function basemapSettlements(): unknown {
	const text = getBasemapFile('settlements.geojson');
	if (settlements && settlements.text === text) return settlements.parsed;
	const parsed: unknown = text === undefined ? undefined : JSON.parse(text);
	settlements = { text, parsed };
	return parsed;
}

/**
 * A browser sends a textarea's line breaks as CRLF; the article's text keeps LF, so the ranges
 * the page shows and the ones the drafts are saved with count the same characters.
 */
const lines = (text: string) => text.replace(/\r\n?/g, '\n');

const field = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

/** A form field that fails names itself: `{field, error}` with the status. */
const invalid = (status: number, name: string, error: string) =>
	fail(status, { field: name, error });

export const actions: Actions = {
	/** The article's text (pasted, or extracted from the uploaded page) → proposals. */
	propose: async (event) => {
		const refused = refusal(event);
		if (refused) return refused;
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			return invalid(400, 'body', 'The form could not be read');
		}
		const article = {
			url: field(form, 'url').trim(),
			publisher: field(form, 'publisher').trim(),
			title: field(form, 'title').trim(),
			published: field(form, 'published').trim(),
			lang: field(form, 'lang') as Lang
		};
		if (!LANGS.includes(article.lang)) return invalid(400, 'lang', 'must be vi, en or ru');
		if (!/^\d{4}-\d{2}-\d{2}$/.test(article.published))
			return invalid(400, 'published', 'must be a date YYYY-MM-DD');
		let text = lines(field(form, 'text'));
		let origin: 'pasted' | 'html' = 'pasted';
		const file = form.get('html');
		if (file instanceof File && file.size > 0) {
			let decoded: string;
			try {
				decoded = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
			} catch {
				return invalid(400, 'html', 'is not UTF-8 text: save the page as HTML and try again');
			}
			text = lines(htmlToText(decoded));
			origin = 'html';
			if (text === '') return invalid(400, 'html', 'has no readable text');
		}
		if (text.length > MAX_TEXT_LENGTH) {
			return invalid(
				400,
				'text',
				`is ${text.length} characters long; the limit is ${MAX_TEXT_LENGTH} (a news article is far shorter)`
			);
		}
		const problems = snapshotTextProblems(text);
		if (problems.length)
			return invalid(400, origin === 'html' ? 'html' : 'text', problems[0].message);
		try {
			const gazetteer = await liveGazetteer(getStore().db, basemapSettlements());
			const proposals = ingest(text, article, gazetteer);
			const ids = [...new Set(proposals.places.flatMap((p) => (p.place_id ? [p.place_id] : [])))];
			const placed = await placePositions(getStore().db, ids);
			return {
				proposed: {
					text,
					origin,
					article,
					proposals,
					/** Places an incident may link to: place records with a position. */
					linkable: [...placed.keys()],
					speakers: speakerDefaults(proposals.statements, getDataset())
				}
			};
		} catch (e) {
			if (e instanceof IngestError) return invalid(400, 'text', e.message);
			throw e;
		}
	},

	/**
	 * The proposals the editor accepted, as edited → in one transaction, the source with the text as
	 * its snapshot, its statements (each excerpt a verbatim range of it) and the draft incident.
	 */
	accept: async (event) => {
		const refused = refusal(event);
		if (refused) return refused;
		const user = event.locals.user!;
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			return invalid(400, 'body', 'The form could not be read');
		}
		const text = lines(field(form, 'text'));
		const origin = field(form, 'origin') === 'html' ? 'html' : 'pasted';
		const problems = snapshotTextProblems(text);
		if (problems.length) return invalid(400, 'text', problems[0].message);
		if (text.length > MAX_TEXT_LENGTH)
			return invalid(400, 'text', `is longer than ${MAX_TEXT_LENGTH} characters`);
		const parsed = parseDecision(form.get('decision'));
		if (!('ok' in parsed)) return invalid(400, parsed.field, parsed.message);
		const { decision } = parsed;
		const db = getStore().db;
		const positions = await placePositions(db, decision.incident?.place_ids ?? []);
		const built = buildDrafts(text, decision, positions, (kind, body) => newRecordId(kind, body));
		if (!('ok' in built)) return invalid(400, built.field, built.message);
		const author = authorOf(user);
		const sourceId = built.records[0].id;
		try {
			await saveNewDrafts(db, built.records, { author, reason: 'From an article' }, (tx) =>
				putSnapshot(tx, sourceId, { text, origin, author }).then(() => undefined)
			);
		} catch (e) {
			if (e instanceof InvalidRecord) {
				const [first] = e.problems;
				return invalid(400, first?.field ?? '', e.message);
			}
			if (e instanceof RecordExists) return invalid(409, 'id', e.message);
			throw e;
		}
		return {
			created: {
				source: sourceId,
				incident: built.incidentId,
				statements: built.records.filter((r) => r.kind === 'statement').map((r) => r.id)
			}
		};
	}
};
