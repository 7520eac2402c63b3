import type { IncidentFeature } from '$lib/data/schema';
import type { EventType } from '$lib/data/vocabulary';

/** The date precisions of the schema, in the order the form offers them. */
export const DATE_PRECISIONS = ['day', 'week', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** ACLED's geo-precision: 1 the exact place, 2 near the named place, 3 only the region. */
export const LOCATION_PRECISIONS = [1, 2, 3] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/**
 * What the incident form edits, as the inputs hold it: text as typed, numbers as the number
 * inputs give them (`null` when empty), actors one per line. Everything is sent as it is; the
 * server validates and its answer names the field.
 */
export interface IncidentForm {
	titleEn: string;
	titleVi: string;
	summaryEn: string;
	summaryVi: string;
	date: string;
	dateEnd: string;
	datePrecision: DatePrecision;
	type: EventType | '';
	subType: string;
	/** One actor a line. */
	actors: string;
	/** `[longitude, latitude]`, or `null` while the incident has no point. */
	point: [number, number] | null;
	placeIds: string[];
	locationPrecision: LocationPrecision;
	uncertaintyM: number | null;
	locationNote: string;
	sourceIds: string[];
}

/** The form of a new incident: nothing filled in but the precisions, which have a usual value. */
export function emptyForm(): IncidentForm {
	return {
		titleEn: '',
		titleVi: '',
		summaryEn: '',
		summaryVi: '',
		date: '',
		dateEnd: '',
		datePrecision: 'day',
		type: '',
		subType: '',
		actors: '',
		point: null,
		placeIds: [],
		locationPrecision: 1,
		uncertaintyM: null,
		locationNote: '',
		sourceIds: []
	};
}

/** The form of a stored incident. A line geometry has no point: it is kept unless one is placed. */
export function formOfFeature(feature: IncidentFeature): IncidentForm {
	const p = feature.properties;
	const g = feature.geometry;
	return {
		titleEn: p.title?.en ?? '',
		titleVi: p.title?.vi ?? '',
		summaryEn: p.summary?.en ?? '',
		summaryVi: p.summary?.vi ?? '',
		date: p.date ?? '',
		dateEnd: p.date_end ?? '',
		datePrecision: p.date_precision ?? 'day',
		type: p.type ?? '',
		subType: p.sub_type ?? '',
		actors: (p.actors ?? []).join('\n'),
		point: g?.type === 'Point' ? [g.coordinates[0], g.coordinates[1]] : null,
		placeIds: [...(p.place_ids ?? [])],
		locationPrecision: p.location_precision ?? 1,
		uncertaintyM: p.uncertainty_m ?? null,
		locationNote: p.location_note ?? '',
		sourceIds: [...(p.source_ids ?? [])]
	};
}

/** The actors of the textarea: one a line, trimmed, blank lines left out. */
export function actorsOf(text: string): string[] {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

/**
 * A title or summary as the form has it, over the stored text `base`: the form edits English and
 * Vietnamese, and any other language the record has is kept. An empty Vietnamese box leaves the
 * language out rather than sending an empty text: a draft may be in English only (publishing asks
 * for both, and names the missing one). English is always sent, empty or not, for the server to judge.
 */
export function textOfForm(
	base: Record<string, string> | undefined,
	en: string,
	vi: string
): Record<string, string> {
	const text: Record<string, string> = { ...base, en, vi };
	if (vi.trim() === '') delete text.vi;
	return text;
}

/**
 * The body the editing API is sent for `form`. Over `base` (the version being edited) so what
 * the form does not edit — claims, statements, a line geometry — is kept as it was. Optional
 * fields left empty are left out; everything else is sent as typed, for the server to judge.
 */
export function featureOfForm(form: IncidentForm, base: IncidentFeature | null = null): unknown {
	const properties: Record<string, unknown> = {
		...(base?.properties ?? { claims: [], statement_ids: [] }),
		title: textOfForm(base?.properties.title, form.titleEn, form.titleVi),
		summary: textOfForm(base?.properties.summary, form.summaryEn, form.summaryVi),
		date: form.date,
		date_precision: form.datePrecision,
		type: form.type,
		sub_type: form.subType,
		actors: actorsOf(form.actors),
		place_ids: [...form.placeIds],
		location_precision: form.locationPrecision,
		uncertainty_m: form.uncertaintyM,
		source_ids: [...form.sourceIds]
	};
	delete properties.date_end;
	delete properties.location_note;
	if (form.dateEnd !== '') properties.date_end = form.dateEnd;
	if (form.locationNote.trim() !== '') properties.location_note = form.locationNote;
	const geometry = form.point
		? { type: 'Point', coordinates: [form.point[0], form.point[1]] }
		: (base?.geometry ?? null);
	return {
		type: 'Feature',
		...(base ? { id: base.id } : {}),
		geometry,
		properties
	};
}

/** The fields of the form an error can be shown beside; `form` for one about the whole record. */
export type FieldKey = Exclude<keyof IncidentForm, 'point'> | 'location' | 'statementIds' | 'form';

const FIELD_OF_PROPERTY: Record<string, FieldKey> = {
	date: 'date',
	date_end: 'dateEnd',
	date_precision: 'datePrecision',
	type: 'type',
	sub_type: 'subType',
	actors: 'actors',
	place_ids: 'placeIds',
	location_precision: 'locationPrecision',
	uncertainty_m: 'uncertaintyM',
	location_note: 'locationNote',
	source_ids: 'sourceIds',
	statement_ids: 'statementIds'
};

/**
 * The form field an API problem is about. The API names fields as `check:data` does, without
 * `properties.` (`title.vi`, `source_ids[0]`, `geometry.coordinates`); a title or summary missing
 * as a whole is shown at its English input.
 */
export function fieldOfProblem(field: string): FieldKey {
	const [head, sub] = field.split(/[.[]/);
	if (head === 'geometry') return 'location';
	if (head === 'title') return sub === 'vi' ? 'titleVi' : 'titleEn';
	if (head === 'summary') return sub === 'vi' ? 'summaryVi' : 'summaryEn';
	return FIELD_OF_PROPERTY[head] ?? 'form';
}

export interface FieldProblem {
	field: string;
	message: string;
}

/** The problems of an API answer, grouped by the form field each is shown beside. */
export function problemsByField(
	problems: readonly FieldProblem[]
): Partial<Record<FieldKey, string[]>> {
	const out: Partial<Record<FieldKey, string[]>> = {};
	for (const { field, message } of problems) {
		const key = fieldOfProblem(field);
		const line = key === 'form' && field ? `${field}: ${message}` : message;
		(out[key] ??= []).push(line);
	}
	return out;
}

/** A position rounded to 6 decimals (about 10 cm): what a click on the map can mean. */
export function roundedPoint(lng: number, lat: number): [number, number] {
	const round = (x: number) => Math.round(x * 1e6) / 1e6;
	return [round(lng), round(lat)];
}

/** A coordinate typed before the other one is: `[lng, lat]`, either `null` while empty. */
export type PendingPoint = [number | null, number | null];

/**
 * The point after typing coordinate `index` (0 longitude, 1 latitude): a point once both are
 * numbers, else still pending, so typing the longitude first never invents a latitude.
 */
export function typedCoordinate(
	point: [number, number] | null,
	pending: PendingPoint,
	index: 0 | 1,
	value: number
): { point: [number, number] | null; pending: PendingPoint } {
	const next: PendingPoint = point ? [point[0], point[1]] : [pending[0], pending[1]];
	next[index] = Number.isFinite(value) ? value : null;
	if (next[0] !== null && next[1] !== null)
		return { point: [next[0], next[1]], pending: [null, null] };
	return { point: null, pending: next };
}
