import { EVENT_TYPES, type EventType } from '../data/vocabulary';
import type { Claim, DraftIncidentFeature, Source } from '../data/schema';
import { parseWKT } from '../geo/wkt';
import {
	RowProblems,
	checkItem,
	clip,
	contentId,
	datasetCitation,
	incidentOf,
	numberCell,
	readCount,
	readLonLat,
	slug
} from './build';
import { parseDay } from './dates';
import type { ImportItem } from './types';

/**
 * The fields a spreadsheet, a KML placemark or a foreign GeoJSON feature may give, and the column
 * names that say so (compared without case, spaces or punctuation). Our own CSV export's columns
 * are among them, so it reads back.
 */
export const FIELD_SYNONYMS = {
	id: ['id', 'event_id', 'incident_id'],
	title: ['title', 'name'],
	summary: ['summary', 'notes', 'description'],
	date: ['date', 'event_date', 'date_start', 'start_date'],
	date_end: ['date_end', 'end_date'],
	date_precision: ['date_precision', 'time_precision'],
	type: ['type', 'event_type'],
	sub_type: ['sub_type', 'sub_event_type'],
	actors: ['actors', 'actor', 'actor1', 'actor2'],
	latitude: ['latitude', 'lat', 'y'],
	longitude: ['longitude', 'lon', 'lng', 'long', 'x'],
	wkt: ['wkt', 'geometry', 'the_geom', 'geom_wkt'],
	location_precision: ['location_precision', 'geo_precision'],
	uncertainty_m: ['uncertainty_m'],
	location_note: ['location_note', 'location'],
	fatalities: ['fatalities', 'killed', 'deaths'],
	claimant: ['claimant'],
	source: ['source', 'publisher', 'source_publisher'],
	source_url: ['source_url', 'url', 'link'],
	source_title: ['source_title'],
	source_published: ['source_published', 'source_date'],
	acled: ['acled', 'acled_id', 'event_id_cnty'],
	ucdp: ['ucdp', 'ucdp_id'],
	geonames: ['geonames', 'geonames_id'],
	wikidata: ['wikidata', 'wikidata_id']
} as const;
export type Field = keyof typeof FIELD_SYNONYMS;
export const FIELDS = Object.keys(FIELD_SYNONYMS) as Field[];

const norm = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '');

/**
 * Which column holds each field: detected from the headers, then `overrides` (field → column, from
 * `--map column=field`) on top. `actors` may come from several columns. Unknown fields or columns
 * in `overrides` are problems for the caller to report.
 */
export function detectMapping(
	columns: readonly string[],
	overrides: Record<string, string> = {}
): { mapping: Partial<Record<Field, string[]>>; errors: string[] } {
	const mapping: Partial<Record<Field, string[]>> = {};
	const byNorm = new Map(columns.map((c) => [norm(c), c]));
	for (const field of FIELDS) {
		const found = FIELD_SYNONYMS[field]
			.map((s) => byNorm.get(s))
			.filter((c): c is string => c !== undefined);
		if (found.length) mapping[field] = field === 'actors' ? found : [found[0]];
	}
	const errors: string[] = [];
	for (const [field, column] of Object.entries(overrides)) {
		if (!FIELDS.includes(field as Field))
			errors.push(`--map ${column}=${field}: "${field}" is not a field (${FIELDS.join(', ')})`);
		else if (!columns.includes(column))
			errors.push(`--map ${column}=${field}: the file has no column "${column}"`);
		else mapping[field as Field] = [column];
	}
	// A column mapped by hand to one field is no longer read as another.
	for (const [field, column] of Object.entries(overrides))
		for (const other of FIELDS)
			if (other !== field && mapping[other]?.includes(column))
				mapping[other] = mapping[other]!.filter((c) => c !== column);
	return { mapping, errors };
}

const DATE_PRECISIONS = ['day', 'week', 'month', 'year'] as const;
const ACLED_DATE_PRECISION: Record<string, (typeof DATE_PRECISIONS)[number]> = {
	'1': 'day',
	'2': 'week',
	'3': 'month'
};

/** Default radius when a file gives no precision. */
export const DEFAULT_UNCERTAINTY_M = 5_000;

const split = (value: string | undefined) =>
	(value ?? '')
		.split(';')
		.map((s) => s.trim())
		.filter(Boolean);

export interface GenericRowInput {
	row: number;
	/** The value of a field: the mapped column's cell, else the `--set` value; `''` when neither. */
	get: (field: Field) => string;
	/** All values of a multi-column field (`actors`). */
	all: (field: Field) => string[];
	/** The column (or property path) a field was read from, for rejections. */
	columnOf: (field: Field) => string;
	/** A geometry given as such (GeoJSON, KML) rather than by columns. */
	geometry?: DraftIncidentFeature['geometry'] | string;
	/** Prefix of ids made from content (`csv`, `kml`, `geojson`). */
	prefix: string;
}

/** One spreadsheet row, placemark or foreign feature → an incident and its sources, or problems. */
export function genericRow(input: GenericRowInput) {
	const { get, columnOf } = input;
	const problems = new RowProblems(input.row);
	const date = parseDay(get('date'));
	if (!get('date')) problems.add(columnOf('date'), 'is missing: every incident needs a date');
	else if (!date) problems.add(columnOf('date'), `"${get('date')}" is not a date (YYYY-MM-DD)`);
	const dateEnd = get('date_end') ? parseDay(get('date_end')) : undefined;
	if (dateEnd === null)
		problems.add(columnOf('date_end'), `"${get('date_end')}" is not a date (YYYY-MM-DD)`);
	const precisionText = get('date_precision').toLowerCase();
	const datePrecision = !precisionText
		? 'day'
		: (DATE_PRECISIONS.find((p) => p === precisionText) ?? ACLED_DATE_PRECISION[precisionText]);
	if (!datePrecision)
		problems.add(
			columnOf('date_precision'),
			`"${get('date_precision')}" is not day, week, month or year`
		);
	const type = get('type') as EventType;
	if (!type)
		problems.add(
			columnOf('type'),
			`is missing: one of ACLED's event types (${EVENT_TYPES.join(', ')}); --set type=… gives every row one`
		);
	else if (!EVENT_TYPES.includes(type))
		problems.add(columnOf('type'), `"${type}" is not one of ACLED's event types`);
	const subType = get('sub_type');
	if (!subType)
		problems.add(columnOf('sub_type'), 'is missing: --set sub_type=… gives every row one');

	let geometry: DraftIncidentFeature['geometry'] | null = null;
	if (input.geometry !== undefined) {
		if (typeof input.geometry === 'string') problems.add(columnOf('wkt'), input.geometry);
		else geometry = input.geometry;
	} else if (get('wkt')) {
		const parsed = parseWKT(get('wkt'));
		if (typeof parsed === 'string') problems.add(columnOf('wkt'), parsed);
		else geometry = parsed as DraftIncidentFeature['geometry'];
	} else if (!get('latitude') && !get('longitude')) {
		problems.add(columnOf('latitude'), 'is missing: give latitude and longitude, or a WKT column');
	} else {
		const position = readLonLat(
			get('longitude'),
			get('latitude'),
			{ lon: columnOf('longitude'), lat: columnOf('latitude') },
			problems
		);
		if (position) geometry = { type: 'Point', coordinates: position };
	}

	let locationPrecision: 1 | 2 | 3 = 2;
	const lp = get('location_precision');
	if (lp) {
		if (lp === '1' || lp === '2' || lp === '3') locationPrecision = Number(lp) as 1 | 2 | 3;
		else problems.add(columnOf('location_precision'), `"${lp}" is not 1, 2 or 3`);
	}
	let uncertainty = DEFAULT_UNCERTAINTY_M;
	const um = get('uncertainty_m');
	if (um) {
		const n = numberCell(um);
		if (typeof n !== 'number' || n < 0)
			problems.add(columnOf('uncertainty_m'), `"${um}" is not a distance in metres`);
		else uncertainty = n;
	}
	const fatalities = readCount(get('fatalities'), columnOf('fatalities'), problems);
	const publishers = split(get('source'));
	const urls = split(get('source_url'));
	if (publishers.length === 0)
		problems.add(
			columnOf('source'),
			'is missing: every incident needs a source (a publisher name; --set source=… names one for every row)'
		);
	const sourcePublished = get('source_published') ? parseDay(get('source_published')) : undefined;
	if (sourcePublished === null)
		problems.add(
			columnOf('source_published'),
			`"${get('source_published')}" is not a date (YYYY-MM-DD)`
		);
	if (!problems.ok || !date || !datePrecision || !geometry) return { problems };

	const summaryText = get('summary');
	const titleText =
		get('title') || `${subType}${get('location_note') ? ` in ${get('location_note')}` : ''}`;
	const externalIds = Object.fromEntries(
		(['acled', 'ucdp'] as const).filter((k) => get(k)).map((k) => [k, get(k)])
	);
	const normalised = {
		date,
		dateEnd,
		type,
		subType,
		titleText,
		summaryText,
		geometry,
		publishers,
		urls,
		fatalities
	};
	const id = get('id') ? slug(get('id')) : contentId(input.prefix, normalised);
	const sources: Source[] = publishers.map((publisher, i) => {
		const sid = `${id}-s${i + 1}`;
		const title = (publishers.length === 1 && get('source_title')) || `${publisher}, on ${date}`;
		const published = sourcePublished ?? date;
		const dated = sourcePublished
			? undefined
			: 'The file gives no publication date; the date is the event’s.';
		if (urls[i])
			return {
				id: sid,
				publisher: clip(publisher, 'name'),
				title: clip(title, 'title'),
				url: urls[i],
				published,
				language: 'und',
				kind: 'web page',
				...(dated ? { note: dated } : {})
			};
		return datasetCitation({
			id: sid,
			publisher,
			title,
			published,
			note: `Named as the source in an imported file, without a URL.${dated ? ` ${dated}` : ''}`
		});
	});
	const claims: Claim[] =
		fatalities === null
			? []
			: [
					{
						metric: 'killed',
						value: fatalities,
						subject: 'people (as the imported file counts them)',
						claimant: clip(get('claimant') || publishers.join('; '), 'name'),
						source_id: sources[0].id
					}
				];
	const noPrecision = !lp && !um;
	const locationNote = [
		get('location_note'),
		noPrecision
			? `The file gives no location precision; ${DEFAULT_UNCERTAINTY_M / 1000} km assumed.`
			: ''
	]
		.filter(Boolean)
		.join(' ');
	const incident = incidentOf(id, geometry, {
		title: { en: clip(titleText, 'title') },
		summary: { en: summaryText || titleText },
		date,
		...(dateEnd && dateEnd !== date ? { date_end: dateEnd } : {}),
		date_precision: datePrecision,
		type,
		sub_type: clip(subType, 'name'),
		actors: input
			.all('actors')
			.flatMap(split)
			.map((a) => clip(a, 'name')),
		place_ids: [],
		location_precision: locationPrecision,
		uncertainty_m: uncertainty,
		...(locationNote ? { location_note: locationNote } : {}),
		claims,
		source_ids: sources.map((s) => s.id),
		...(Object.keys(externalIds).length ? { external_ids: externalIds } : {})
	});
	const item: ImportItem = {
		row: input.row,
		incident,
		sources,
		statements: [],
		geometryColumn:
			input.geometry !== undefined || get('wkt')
				? columnOf('wkt')
				: `${columnOf('latitude')}, ${columnOf('longitude')}`
	};
	const columnForPath = (path: string): string => {
		if (path.startsWith('sources')) return columnOf(path.includes('url') ? 'source_url' : 'source');
		if (path.startsWith('claims')) return columnOf('fatalities');
		if (path.startsWith('geometry'))
			return columnOf(input.geometry !== undefined || get('wkt') ? 'wkt' : 'latitude');
		const field = path.split('.')[0];
		const key = (
			{ title: 'title', summary: 'summary', external_ids: 'acled', sub_type: 'sub_type' } as Record<
				string,
				Field
			>
		)[field];
		return key ? columnOf(key) : path;
	};
	return checkItem(item, problems, columnForPath) ? { item, problems } : { problems };
}
