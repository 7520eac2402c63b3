import type { ClaimValue, Lang } from '$lib/ingest/types';

/** The article as the editor described it: the source record's fields. */
export interface ArticleFields {
	url: string;
	publisher: string;
	title: string;
	/** `YYYY-MM-DD` */
	published: string;
	lang: Lang;
}

/** A statement proposal the editor accepted, as edited: its range is the excerpt. */
export interface AcceptedStatement {
	start: number;
	end: number;
	speaker: string;
	role: string;
	organization_id: string;
	form: 'direct' | 'reported';
	via: string;
	/** The English translation (the schema requires one; for an English article, the excerpt). */
	translation: string;
}

/** A casualty claim the editor accepted, as edited. */
export interface AcceptedClaim {
	metric: string;
	value: ClaimValue;
	subject: string;
	claimant: string;
	/** Index in the accepted statements of the statement the claim was made in. */
	statement: number | null;
}

/** The draft incident, as edited; `null` when the editor keeps only the source and statements. */
export interface AcceptedIncident {
	title: { en: string; vi: string };
	summary: { en: string; vi: string };
	date: string;
	date_precision: 'day' | 'month' | 'year';
	type: string;
	sub_type: string;
	place_ids: string[];
}

/** What the accept form sends, with the article's text. */
export interface Decision {
	article: ArticleFields;
	statements: AcceptedStatement[];
	claims: AcceptedClaim[];
	incident: AcceptedIncident | null;
}

export interface DraftProblem {
	field: string;
	message: string;
}

export interface DraftRecord {
	kind: 'source' | 'statement' | 'incident';
	id: string;
	body: Record<string, unknown>;
}

/** Where a place is, for the incident's point: the live place records' positions. */
export type PlacePositions = ReadonlyMap<string, [number, number]>;

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === 'string' ? x.trim() : '');

/**
 * A title or summary of the accept form: English as typed (empty is the validation's to refuse),
 * Vietnamese only when given. A draft may be in English only; publishing asks for both.
 */
export function draftText(text: { en: unknown; vi: unknown }): Record<string, string> {
	const vi = str(text.vi);
	return vi === '' ? { en: str(text.en) } : { en: str(text.en), vi };
}

/**
 * The accept form's `decision` field (JSON) as a {@link Decision}, or the first field that is not
 * one. Only the shape is checked here; the records built from it are validated as every draft is.
 */
export function parseDecision(raw: unknown): { ok: true; decision: Decision } | DraftProblem {
	let value: unknown;
	try {
		value = JSON.parse(String(raw ?? ''));
	} catch {
		return { field: 'decision', message: 'is not JSON' };
	}
	if (!isObject(value) || !isObject(value.article)) {
		return { field: 'decision.article', message: 'is missing' };
	}
	if (!Array.isArray(value.statements) || !Array.isArray(value.claims)) {
		return { field: 'decision.statements', message: 'must be a list' };
	}
	for (const [i, s] of value.statements.entries()) {
		if (!isObject(s) || !Number.isInteger(s.start) || !Number.isInteger(s.end)) {
			return { field: `statements[${i}]`, message: 'needs integer start and end' };
		}
	}
	for (const [i, c] of value.claims.entries()) {
		if (!isObject(c)) return { field: `claims[${i}]`, message: 'must be an object' };
	}
	if (value.incident !== null && !isObject(value.incident)) {
		return { field: 'incident', message: 'must be an object or null' };
	}
	return { ok: true, decision: value as unknown as Decision };
}

/**
 * The draft records an accepted decision makes: the source (the text becomes its snapshot), one
 * statement per accepted statement whose `quote.text` is the very slice of `text` (trimmed), and
 * the incident linking them with the claims. Ids come from `newId`. A statement range outside the
 * text, or an incident with no place that has a position, is a problem naming the field.
 */
export function buildDrafts(
	text: string,
	decision: Decision,
	positions: PlacePositions,
	newId: (kind: DraftRecord['kind'], body: unknown) => string
): { ok: true; records: DraftRecord[]; incidentId: string | null } | DraftProblem {
	const { article } = decision;
	const source: Record<string, unknown> = {
		publisher: str(article.publisher),
		title: str(article.title),
		url: str(article.url),
		published: str(article.published),
		language: article.lang,
		kind: 'news article'
	};
	const sourceId = newId('source', source);
	const records: DraftRecord[] = [
		{ kind: 'source', id: sourceId, body: { id: sourceId, ...source } }
	];

	let incidentId: string | null = null;
	let point: [number, number] | undefined;
	const incident = decision.incident;
	if (incident) {
		const placeIds = incident.place_ids.filter((id) => positions.has(id));
		point = placeIds.map((id) => positions.get(id)).find(Boolean);
		if (!point) {
			return {
				field: 'incident.place_ids',
				message: 'must name at least one place of the gazetteer with a position'
			};
		}
		incidentId = newId('incident', { properties: { date: incident.date } });
	}

	const statementIds: string[] = [];
	for (const [i, s] of decision.statements.entries()) {
		if (s.start < 0 || s.end > text.length || s.start >= s.end) {
			return { field: `statements[${i}]`, message: 'is not a range of the text' };
		}
		const quote = text.slice(s.start, s.end).trim();
		const translation = str(s.translation) || (article.lang === 'en' ? quote : '');
		const body = {
			speaker: {
				name: str(s.speaker),
				role: str(s.role),
				organization_id: str(s.organization_id)
			},
			said_on: incident?.date ?? str(article.published),
			date_precision: incident?.date_precision ?? 'day',
			via: str(s.via),
			form: s.form,
			quote: { lang: article.lang, text: quote },
			translation: { lang: 'en', text: translation, by: 'Incident Atlas' },
			source_id: sourceId,
			incident_ids: incidentId ? [incidentId] : [],
			topics: []
		};
		const id = newId('statement', body);
		statementIds.push(id);
		records.push({ kind: 'statement', id, body: { id, ...body } });
	}

	if (incident && incidentId && point) {
		const claims = decision.claims.map((c) => ({
			metric: str(c.metric),
			value: c.value,
			subject: str(c.subject),
			claimant: str(c.claimant),
			...(c.statement !== null && statementIds[c.statement]
				? { statement_id: statementIds[c.statement] }
				: {}),
			source_id: sourceId
		}));
		records.push({
			kind: 'incident',
			id: incidentId,
			body: {
				type: 'Feature',
				id: incidentId,
				geometry: { type: 'Point', coordinates: point },
				properties: {
					id: incidentId,
					title: draftText(incident.title),
					summary: draftText(incident.summary),
					date: incident.date,
					date_precision: incident.date_precision,
					type: incident.type,
					sub_type: str(incident.sub_type),
					actors: [],
					place_ids: incident.place_ids.filter((id) => !id.startsWith('geonames:')),
					location_precision: 2,
					uncertainty_m: 5000,
					location_note: 'Placed at the first place the article names; check the position.',
					claims,
					source_ids: [sourceId],
					statement_ids: statementIds
				}
			}
		});
	}
	return { ok: true, records, incidentId };
}
