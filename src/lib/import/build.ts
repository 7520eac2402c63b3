import { createHash } from 'node:crypto';
import {
	DATASET_CITATION,
	TEXT_LIMITS,
	draftIncidentFeature,
	source as sourceSchema,
	type Claim,
	type DraftIncidentFeature,
	type Source
} from '../data/schema';
import type { ImportItem, Rejection } from './types';

/** An id made of lower-case letters, digits and dashes: `AZE1234` → `aze1234`. */
export function slug(value: string): string {
	return value
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** A short stable id for content that has no id of its own (the normalised row). */
export function contentId(prefix: string, content: unknown): string {
	const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
	return `${prefix}-${hash.slice(0, 16)}`;
}

/** Cuts `text` to the field's limit, ending in an ellipsis, so a long value is kept, not refused. */
export function clip(text: string, kind: 'name' | 'title'): string {
	const max = TEXT_LIMITS[kind];
	const chars = Array.from(text);
	return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** A number cell: `''` → null, `12` → 12; `undefined` for text that is not a number. */
export function numberCell(value: string | undefined): number | null | undefined {
	const s = (value ?? '').trim();
	if (s === '') return null;
	if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
	return Number(s);
}

/** Collects the rejections of one row. */
export class RowProblems {
	readonly list: Rejection[] = [];
	constructor(readonly row: number) {}
	add(column: string, reason: string) {
		this.list.push({ row: this.row, column, reason });
	}
	get ok() {
		return this.list.length === 0;
	}
}

/** Reads coordinates from two cells, saying what is wrong with each. */
export function readLonLat(
	lonText: string | undefined,
	latText: string | undefined,
	columns: { lon: string; lat: string },
	problems: RowProblems
): [number, number] | null {
	const lon = numberCell(lonText);
	const lat = numberCell(latText);
	if (lat === null) problems.add(columns.lat, 'is empty');
	else if (lat === undefined) problems.add(columns.lat, `"${latText}" is not a number`);
	else if (lat < -90 || lat > 90) problems.add(columns.lat, `${lat} is outside -90…90`);
	if (lon === null) problems.add(columns.lon, 'is empty');
	else if (lon === undefined) problems.add(columns.lon, `"${lonText}" is not a number`);
	else if (lon < -180 || lon > 180) problems.add(columns.lon, `${lon} is outside -180…180`);
	if (typeof lon !== 'number' || typeof lat !== 'number') return null;
	if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
	return [lon, lat];
}

/** A non-negative whole count (fatalities, deaths), or a rejection naming the column. */
export function readCount(
	value: string | undefined,
	column: string,
	problems: RowProblems
): number | null {
	const n = numberCell(value);
	if (n === null) return null;
	if (n === undefined || !Number.isInteger(n) || n < 0) {
		problems.add(column, `"${value}" is not a count (a whole number, 0 or more)`);
		return null;
	}
	return n;
}

/** A source that is a dataset's citation of a publisher, with no URL (the dataset gives none). */
export function datasetCitation(fields: {
	id: string;
	publisher: string;
	title: string;
	published: string;
	published_precision?: Source['published_precision'];
	language?: string;
	note?: string;
	url?: string;
}): Source {
	const out: Source = {
		id: fields.id,
		publisher: clip(fields.publisher, 'name'),
		title: clip(fields.title, 'title'),
		published: fields.published,
		...(fields.published_precision && fields.published_precision !== 'day'
			? { published_precision: fields.published_precision }
			: {}),
		language: fields.language ?? 'und',
		kind: DATASET_CITATION,
		...(fields.note ? { note: fields.note } : {})
	};
	if (fields.url) out.url = fields.url;
	return out;
}

/** Names each claimant once: `ACLED (citing Armenpress; Caucasian Knot)`. */
export function citing(dataset: string, publishers: readonly string[]): string {
	return clip(publishers.length ? `${dataset} (citing ${publishers.join('; ')})` : dataset, 'name');
}

/**
 * The row's records checked against the draft schema; each problem becomes a rejection whose
 * column is `columnOf(path)` (the source column or property path the field came from).
 */
export function checkItem(
	item: ImportItem,
	problems: RowProblems,
	columnOf: (path: string) => string
): boolean {
	const incident = draftIncidentFeature.safeParse(item.incident);
	if (!incident.success)
		for (const issue of incident.error.issues) {
			const path = issue.path.join('.').replace(/^properties\./, '');
			problems.add(columnOf(path), issue.message);
		}
	for (const s of item.sources) {
		const result = sourceSchema.safeParse(s);
		if (!result.success)
			for (const issue of result.error.issues)
				problems.add(columnOf(`sources.${issue.path.join('.')}`), issue.message);
	}
	return problems.ok;
}

/** The common shape of an imported incident; parsers fill in the rest. */
export function incidentOf(
	id: string,
	geometry: DraftIncidentFeature['geometry'],
	properties: Omit<DraftIncidentFeature['properties'], 'id' | 'statement_ids'> & {
		statement_ids?: string[];
	}
): DraftIncidentFeature {
	const { statement_ids = [], ...rest } = properties;
	return {
		type: 'Feature',
		id,
		geometry,
		properties: { id, ...rest, statement_ids }
	};
}

export type { Claim };
