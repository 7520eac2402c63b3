import { EVENT_TYPES, type EventType } from '../data/vocabulary';
import type { Claim, DraftIncidentFeature, Source } from '../data/schema';
import {
	RowProblems,
	checkItem,
	citing,
	clip,
	datasetCitation,
	incidentOf,
	readCount,
	readLonLat,
	slug
} from './build';
import { parseDay } from './dates';
import { parseTable, type TableFormat } from './stream';
import type { ImportItem, ParseResult } from './types';

/** The columns an ACLED row cannot be imported without. */
export const ACLED_REQUIRED = [
	'event_id_cnty',
	'event_date',
	'time_precision',
	'event_type',
	'sub_event_type',
	'actor1',
	'latitude',
	'longitude',
	'geo_precision',
	'source',
	'fatalities'
] as const;

/**
 * ACLED's `geo_precision` → our location precision and the radius the point may be off by.
 * 1: the town or village named; 2: near a town, or a small part of a region (the nearest town is
 * coded); 3: only a larger region is named (its capital is coded).
 */
export const ACLED_GEO_PRECISION: Record<string, { precision: 1 | 2 | 3; uncertainty_m: number }> =
	{
		'1': { precision: 1, uncertainty_m: 2_000 },
		'2': { precision: 2, uncertainty_m: 10_000 },
		'3': { precision: 3, uncertainty_m: 50_000 }
	};

/** ACLED's `time_precision`: 1 the day, 2 a day within the week stated, 3 a day within the month. */
export const ACLED_TIME_PRECISION = { '1': 'day', '2': 'week', '3': 'month' } as const;

const ACLED = 'ACLED';
const ACLED_PUBLISHER = 'ACLED (Armed Conflict Location & Event Data Project)';

/** Where each field of an incident comes from, for rejections found by the schema. */
function columnOf(path: string): string {
	if (path.startsWith('title') || path.startsWith('sub_type')) return 'sub_event_type';
	if (path.startsWith('summary')) return 'notes';
	if (path.startsWith('actors')) return 'actor1';
	if (path.startsWith('sources')) return 'source';
	if (path.startsWith('claims')) return 'fatalities';
	if (path.startsWith('external_ids') || path === 'id') return 'event_id_cnty';
	if (path.startsWith('geometry')) return 'latitude';
	return path;
}

/** `"A; B"` → `["A", "B"]`. */
function names(value: string | undefined): string[] {
	return (value ?? '')
		.split(';')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** One ACLED row (a record keyed by column) → its records, or its problems. */
export function acledRow(row: Record<string, string>, rowNumber: number) {
	const problems = new RowProblems(rowNumber);
	const eventId = row.event_id_cnty ?? '';
	if (!eventId) problems.add('event_id_cnty', 'is empty');
	const date = parseDay(row.event_date ?? '');
	if (!date)
		problems.add(
			'event_date',
			`"${row.event_date}" is not a date (YYYY-MM-DD or DD Month YYYY, e.g. 27 September 2020)`
		);
	const datePrecision =
		ACLED_TIME_PRECISION[row.time_precision as keyof typeof ACLED_TIME_PRECISION];
	if (!datePrecision) problems.add('time_precision', `"${row.time_precision}" is not 1, 2 or 3`);
	const type = row.event_type as EventType;
	if (!EVENT_TYPES.includes(type))
		problems.add('event_type', `"${row.event_type}" is not one of ACLED's event types`);
	if (!row.sub_event_type) problems.add('sub_event_type', 'is empty');
	if (!row.actor1) problems.add('actor1', 'is empty');
	const geo = ACLED_GEO_PRECISION[row.geo_precision];
	if (!geo) problems.add('geo_precision', `"${row.geo_precision}" is not 1, 2 or 3`);
	const position = readLonLat(
		row.longitude,
		row.latitude,
		{ lon: 'longitude', lat: 'latitude' },
		problems
	);
	const cited = names(row.source);
	if (cited.length === 0)
		problems.add('source', 'is empty: ACLED names the sources of every event');
	const fatalities = readCount(row.fatalities, 'fatalities', problems);
	if (!problems.ok || !date || !datePrecision || !geo || !position) return { problems };

	const id = `acled-${slug(eventId)}`;
	const stamp = Number(row.timestamp);
	const acledSource: Source = datasetCitation({
		id,
		publisher: ACLED_PUBLISHER,
		title: `ACLED event ${eventId}`,
		published:
			row.timestamp && Number.isFinite(stamp)
				? new Date(stamp * 1000).toISOString().slice(0, 10)
				: date,
		language: 'en',
		note: row.timestamp
			? 'The date is when ACLED last updated the event (its timestamp).'
			: 'ACLED gives no timestamp; the date is the event’s.'
	});
	const citedSources = cited.map((publisher, i) =>
		datasetCitation({
			id: `${id}-s${i + 1}`,
			publisher,
			title: `${publisher}, as cited by ACLED for event ${eventId}`,
			published: date,
			published_precision: datePrecision,
			note: 'ACLED names this source for the event but not the report; the date is the event’s, so the report is from that day or later.'
		})
	);
	const claims: Claim[] =
		fatalities === null
			? []
			: [
					{
						metric: 'killed',
						value: fatalities,
						subject: 'people (all sides, as ACLED counts them)',
						claimant: citing(ACLED, cited),
						source_id: id,
						...(fatalities === 0 ? { note: 'ACLED codes 0 where no fatality was reported.' } : {})
					}
				];
	const place = [row.location, row.admin3, row.admin2, row.admin1, row.country]
		.filter(Boolean)
		.join(', ');
	const actors = [
		row.actor1,
		...names(row.assoc_actor_1),
		row.actor2,
		...names(row.assoc_actor_2)
	].filter((a): a is string => Boolean(a));
	const incident: DraftIncidentFeature = incidentOf(
		id,
		{ type: 'Point', coordinates: position },
		{
			title: {
				en: clip(`${row.sub_event_type}${row.location ? ` in ${row.location}` : ''}`, 'title')
			},
			summary: { en: row.notes || `${row.sub_event_type} in ${place}. ACLED gives no notes.` },
			date,
			date_precision: datePrecision,
			type,
			sub_type: clip(row.sub_event_type, 'name'),
			actors: actors.map((a) => clip(a, 'name')),
			place_ids: [],
			location_precision: geo.precision,
			uncertainty_m: geo.uncertainty_m,
			...(place ? { location_note: `${place} (ACLED geo_precision ${row.geo_precision})` } : {}),
			claims,
			source_ids: [id, ...citedSources.map((s) => s.id)],
			external_ids: { acled: eventId }
		}
	);
	const item: ImportItem = {
		row: rowNumber,
		incident,
		sources: [acledSource, ...citedSources],
		statements: [],
		geometryColumn: 'latitude, longitude'
	};
	return checkItem(item, problems, columnOf) ? { item, problems } : { problems };
}

/** ACLED's table: its required columns, then {@link acledRow} for each row. */
export const acledTable: TableFormat = {
	format: 'acled',
	header(columns) {
		const missing = ACLED_REQUIRED.filter((c) => !columns.includes(c));
		if (!missing.length) return acledRow;
		return missing.map((column) => ({ row: 1, column, reason: 'required column is missing' }));
	}
};

/** An ACLED export (CSV, codebook columns) → records and rejections. */
export function parseAcled(bytes: Uint8Array): ParseResult {
	return parseTable(acledTable, bytes);
}
