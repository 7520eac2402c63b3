import type { Claim, EventType, Source } from '../data/schema';
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

/** The columns a GED row cannot be imported without. */
export const UCDP_REQUIRED = [
	'id',
	'date_start',
	'date_end',
	'date_prec',
	'where_prec',
	'latitude',
	'longitude',
	'side_a',
	'side_b',
	'type_of_violence',
	'best',
	'low',
	'high'
] as const;

/**
 * UCDP's `type_of_violence` → our (ACLED's) event type and sub-type. UCDP says who fought, not
 * how, so the sub-type is ACLED's most general one for each (documented in the README).
 */
export const UCDP_TYPES: Record<string, { label: string; type: EventType; sub_type: string }> = {
	'1': { label: 'state-based conflict', type: 'Battles', sub_type: 'Armed clash' },
	'2': { label: 'non-state conflict', type: 'Battles', sub_type: 'Armed clash' },
	'3': { label: 'one-sided violence', type: 'Violence against civilians', sub_type: 'Attack' }
};

/**
 * UCDP's `where_prec` (1 the exact place; 2 within about 25 km of a known point; 3 a second-order
 * administrative division; 4 a first-order one; 5 a linear feature or between places; 6 the
 * country only; 7 international waters or airspace) → our precision and radius.
 */
export const UCDP_WHERE_PREC: Record<string, { precision: 1 | 2 | 3; uncertainty_m: number }> = {
	'1': { precision: 1, uncertainty_m: 2_000 },
	'2': { precision: 2, uncertainty_m: 25_000 },
	'3': { precision: 3, uncertainty_m: 50_000 },
	'4': { precision: 3, uncertainty_m: 150_000 },
	'5': { precision: 3, uncertainty_m: 100_000 },
	'6': { precision: 3, uncertainty_m: 500_000 },
	'7': { precision: 3, uncertainty_m: 500_000 }
};

/**
 * UCDP's `date_prec` (1 the exact day; 2 within 2–6 days; 3 only the week; 4 within 8–30 days or
 * only the month; 5 more than a month, or only the year) → our date precision.
 */
export const UCDP_DATE_PREC = {
	'1': 'day',
	'2': 'week',
	'3': 'week',
	'4': 'month',
	'5': 'year'
} as const;

const GED = 'UCDP GED';
const GED_PUBLISHER = 'Uppsala Conflict Data Program (UCDP), Georeferenced Event Dataset';

function columnOf(path: string): string {
	const claim = /^claims\.(\d+)\.value\.(best|high|low)/.exec(path);
	if (claim) return claim[2];
	if (path.startsWith('claims')) return 'best';
	if (path.startsWith('actors')) return 'side_a';
	if (path.startsWith('title') || path.startsWith('summary')) return 'where_description';
	if (path.startsWith('sources')) return 'source_office';
	if (path.startsWith('geometry')) return 'latitude';
	if (path === 'id' || path.startsWith('external_ids')) return 'id';
	return path;
}

const list = (value: string | undefined) =>
	(value ?? '')
		.split(';')
		.map((s) => s.trim())
		.filter(Boolean);

/** One GED row → its records, or its problems. */
export function ucdpRow(row: Record<string, string>, rowNumber: number) {
	const problems = new RowProblems(rowNumber);
	const gedId = row.id ?? '';
	if (!gedId) problems.add('id', 'is empty');
	const start = parseDay(row.date_start ?? '');
	if (!start) problems.add('date_start', `"${row.date_start}" is not a date (YYYY-MM-DD)`);
	const end = row.date_end ? parseDay(row.date_end) : start;
	if (!end) problems.add('date_end', `"${row.date_end}" is not a date (YYYY-MM-DD)`);
	else if (start && end < start) problems.add('date_end', `${end} is before date_start ${start}`);
	const datePrecision = UCDP_DATE_PREC[row.date_prec as keyof typeof UCDP_DATE_PREC];
	if (!datePrecision) problems.add('date_prec', `"${row.date_prec}" is not 1–5`);
	const where = UCDP_WHERE_PREC[row.where_prec];
	if (!where) problems.add('where_prec', `"${row.where_prec}" is not 1–7`);
	const kind = UCDP_TYPES[row.type_of_violence];
	if (!kind)
		problems.add(
			'type_of_violence',
			`"${row.type_of_violence}" is not 1 (state-based), 2 (non-state) or 3 (one-sided)`
		);
	if (!row.side_a) problems.add('side_a', 'is empty');
	const position = readLonLat(
		row.longitude,
		row.latitude,
		{ lon: 'longitude', lat: 'latitude' },
		problems
	);
	const low = readCount(row.low, 'low', problems);
	const best = readCount(row.best, 'best', problems);
	const high = readCount(row.high, 'high', problems);
	if (best === null && row.best === '') problems.add('best', 'is empty');
	const breakdown = (
		[
			['deaths_a', row.side_a],
			['deaths_b', row.side_b],
			['deaths_civilians', 'civilians'],
			['deaths_unknown', 'people of unknown affiliation']
		] as const
	).map(([column, subject]) => ({ subject, n: readCount(row[column], column, problems) }));
	if (!problems.ok || !start || !end || !datePrecision || !where || !kind || !position)
		return { problems };

	const id = `ucdp-${slug(gedId)}`;
	const offices = list(row.source_office);
	const dates = list(row.source_date);
	const headlines = list(row.source_headline);
	const cited: Source[] = offices.map((publisher, i) => {
		const published = parseDay(dates[i] ?? '') ?? null;
		const headline = headlines.length === offices.length ? headlines[i] : '';
		return datasetCitation({
			id: `${id}-s${i + 1}`,
			publisher,
			title: headline || `${publisher}, as cited by UCDP GED for event ${gedId}`,
			published: published ?? start,
			...(published ? {} : { published_precision: datePrecision }),
			note: published
				? 'UCDP names this report (office, date, headline) but gives no URL.'
				: 'UCDP names this source but not its date; the date is the event’s, so the report is from that day or later.'
		});
	});
	const gedSource = datasetCitation({
		id,
		publisher: GED_PUBLISHER,
		title: `UCDP GED event ${gedId}`,
		published: end,
		language: 'en',
		note: 'The date is the end of the event; UCDP publishes its dataset yearly.'
	});
	const claimant = citing(GED, offices);
	const value = { low: low ?? best!, best: best!, high: high ?? best! };
	const claims: Claim[] = [
		{
			metric: 'killed',
			value,
			subject: 'people on all sides (UCDP’s total)',
			claimant,
			source_id: id
		},
		...breakdown
			.filter((b): b is { subject: string; n: number } => Boolean(b.subject) && (b.n ?? 0) > 0)
			.map((b) => ({
				metric: 'killed',
				value: b.n,
				subject: clip(b.subject, 'name'),
				claimant,
				source_id: id,
				note: 'UCDP’s breakdown of its best estimate.'
			}))
	];
	const placeText = [row.where_description, row.adm_2, row.adm_1, row.country]
		.filter(Boolean)
		.join(', ');
	const item: ImportItem = {
		row: rowNumber,
		incident: incidentOf(
			id,
			{ type: 'Point', coordinates: position },
			{
				title: {
					en: clip(
						`${kind.sub_type}: ${row.side_a}${row.side_b ? ` – ${row.side_b}` : ''}${row.where_description ? `, ${row.where_description}` : ''}`,
						'title'
					)
				},
				summary: {
					en: `UCDP GED event ${gedId} (${kind.label}${row.conflict_name ? `, ${row.conflict_name}` : ''}): ${row.side_a}${row.side_b ? ` and ${row.side_b}` : ''}${placeText ? ` at ${placeText}` : ''}. Deaths, UCDP's estimate: best ${value.best}, low ${value.low}, high ${value.high}.`
				},
				date: start,
				...(end !== start ? { date_end: end } : {}),
				date_precision: datePrecision,
				type: kind.type,
				sub_type: kind.sub_type,
				actors: [row.side_a, row.side_b].filter(Boolean).map((a) => clip(a, 'name')),
				place_ids: [],
				location_precision: where.precision,
				uncertainty_m: where.uncertainty_m,
				...(placeText ? { location_note: `${placeText} (UCDP where_prec ${row.where_prec})` } : {}),
				claims,
				source_ids: [id, ...cited.map((s) => s.id)],
				external_ids: { ucdp: gedId }
			}
		),
		sources: [gedSource, ...cited],
		statements: [],
		geometryColumn: 'latitude, longitude'
	};
	return checkItem(item, problems, columnOf) ? { item, problems } : { problems };
}

/** UCDP GED's table: its required columns, then {@link ucdpRow} for each row. */
export const ucdpTable: TableFormat = {
	format: 'ucdp',
	header(columns) {
		const missing = UCDP_REQUIRED.filter((c) => !columns.includes(c));
		if (!missing.length) return ucdpRow;
		return missing.map((column) => ({ row: 1, column, reason: 'required column is missing' }));
	}
};

/** A UCDP GED file (CSV) → records and rejections. */
export function parseUcdp(bytes: Uint8Array): ParseResult {
	return parseTable(ucdpTable, bytes);
}
