import type { Claim, IncidentFeature } from '../data/schema';
import { roundTo } from '../geo/rfc7946';
import {
	exportLookups,
	statementAttribution,
	linkedPlaces,
	linkedSources,
	linkedStatements,
	statementsOf,
	type ExportContext,
	type ExportLookups
} from './context';
import { representativePoint } from './representative_point';

/**
 * A byte-order mark opens every CSV file: without it Excel reads UTF-8 as a legacy code page and
 * mangles Vietnamese, Azerbaijani and Armenian letters. GDAL, pandas and d3 skip it.
 */
export const BOM = '\uFEFF';

/** Columns of `incidents.csv`, named after ACLED's export so existing scripts can read it. */
export const INCIDENT_COLUMNS = [
	'event_id',
	'event_date',
	'date_precision',
	'event_type',
	'sub_event_type',
	'actor1',
	'actor2',
	'admin1',
	'admin2',
	'location',
	'latitude',
	'longitude',
	'geo_precision',
	'source',
	'source_url',
	'notes',
	'fatalities_low',
	'fatalities_high'
] as const;

export const STATEMENT_COLUMNS = [
	'statement_id',
	'said_on',
	'date_precision',
	'speaker_name',
	'speaker_role',
	'speaker_organization',
	'speaker_organization_id',
	'via',
	'form',
	'attribution',
	'quote_lang',
	'quote',
	'translation',
	'translation_by',
	'source_id',
	'source_publisher',
	'source_title',
	'source_url',
	'source_published',
	'incident_ids',
	'topics'
] as const;

/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe, the OWASP advice against CSV injection. Only text columns are guarded; the GeoJSON
 * export keeps every quote byte for byte.
 */
export function guardCell(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function claimLow(c: Claim): number {
	return typeof c.value === 'number' ? c.value : c.value.low;
}

function claimHigh(c: Claim): number {
	return typeof c.value === 'number' ? c.value : (c.value.high ?? c.value.low);
}

/**
 * Fatalities as a range over every claim whose metric is "killed": low is the smallest figure
 * claimed, high the largest (an open-ended "at least 30" counts as 30). Claims about different
 * groups are pooled, so the range says how far the claims spread, not a count; the claims
 * themselves, with their claimants, are listed in `notes`. Blank when nobody claimed a figure.
 */
export function fatalities(claims: Claim[]): { low: number | ''; high: number | '' } {
	const killed = claims.filter((c) => c.metric.trim().toLowerCase() === 'killed');
	if (killed.length === 0) return { low: '', high: '' };
	return {
		low: Math.min(...killed.map(claimLow)),
		high: Math.max(...killed.map(claimHigh))
	};
}

function claimText(c: Claim): string {
	const v =
		typeof c.value === 'number'
			? String(c.value)
			: c.value.high !== undefined
				? `${c.value.low}–${c.value.high}`
				: `at least ${c.value.low}`;
	return `${c.claimant}: ${c.metric} ${v} (${c.subject})`;
}

function notes(feature: IncidentFeature, otherActors: string[]): string {
	const p = feature.properties;
	const parts = [p.summary.en];
	if (p.date_end) parts.push(`Until ${p.date_end}.`);
	if (feature.geometry.type !== 'Point') {
		parts.push(
			`Line incident: latitude/longitude give the point halfway along the line; the GeoJSON export has the full geometry.`
		);
	}
	if (p.location_note) parts.push(`Location: ${p.location_note}`);
	if (otherActors.length) parts.push(`Other actors: ${otherActors.join('; ')}.`);
	if (p.claims.length) parts.push(`Claims: ${p.claims.map(claimText).join('; ')}.`);
	if (p.synthetic) parts.push('[synthetic record]');
	return parts.join(' ');
}

/** Rows per string part of a CSV file (see {@link toIncidentsCSVParts}). */
const ROWS_PER_PART = 2000;

const NEEDS_QUOTES = /[",\n\r]/;

/** A cell as d3-dsv's `csvFormat` writes it: quoted, quotes doubled, when it holds `",\n\r`. */
function csvCell(value: string): string {
	return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * `csvFormat(rows, columns)` of d3-dsv, byte for byte, cut into parts: the header, then `\n` and
 * a block of rows per part. Each row is written straight from its cells, without a row object.
 */
function csvParts<T>(items: T[], columns: readonly string[], row: (item: T) => string[]) {
	const parts = [csvHeader(columns)];
	for (let start = 0; start < items.length; start += ROWS_PER_PART) {
		const end = Math.min(start + ROWS_PER_PART, items.length);
		let block = '';
		for (let i = start; i < end; i++) block += '\n' + csvLine(row(items[i]));
		parts.push(block);
	}
	parts.push('\n');
	return parts;
}

/** The start of a CSV file: the byte-order mark and the header line (no newline). */
export function csvHeader(columns: readonly string[]): string {
	return BOM + csvLine(columns);
}

/** One line of CSV (no newline) from its cells. */
export function csvLine(cells: readonly string[]): string {
	return cells.map(csvCell).join(',');
}

/**
 * One row per incident, ACLED-like (see {@link INCIDENT_COLUMNS}); UTF-8 with a BOM. `location`
 * and `admin1` come from the incident's first place: its label (both names where disputed) and
 * its recorded district or province, which are Azerbaijan's and Armenia's first-order units;
 * `admin2` is not recorded and stays blank. A line incident's latitude/longitude is the point
 * halfway along it, and its notes say so.
 */
export function toIncidentsCSV(
	features: IncidentFeature[],
	ctx: ExportContext,
	lookups?: ExportLookups
): string {
	return toIncidentsCSVParts(features, ctx, lookups).join('');
}

/** {@link toIncidentsCSV} as string parts whose concatenation is the file, for a Blob. */
export function toIncidentsCSVParts(
	features: IncidentFeature[],
	ctx: ExportContext,
	lookups: ExportLookups = exportLookups(ctx)
): string[] {
	return csvParts(features, INCIDENT_COLUMNS, (f) => incidentCells(f, lookups));
}

/** The cells of an incident's row of `incidents.csv`, in the order of {@link INCIDENT_COLUMNS}. */
export function incidentCells(f: IncidentFeature, lookups: ExportLookups): string[] {
	const p = f.properties;
	const statements = linkedStatements(f, lookups);
	const sources = linkedSources(f, statements, lookups);
	const place = linkedPlaces(f, lookups)[0];
	const [lon, lat] = representativePoint(f.geometry);
	const { low, high } = fatalities(p.claims);
	return [
		guardCell(p.id),
		p.date,
		p.date_precision,
		p.type,
		guardCell(p.sub_type),
		guardCell(p.actors[0] ?? ''),
		guardCell(p.actors[1] ?? ''),
		guardCell(place?.properties.admin ?? ''),
		'',
		guardCell(place?.properties.label ?? ''),
		String(roundTo(lat)),
		String(roundTo(lon)),
		String(p.location_precision),
		guardCell(sources.map((s) => s.publisher).join('; ')),
		guardCell(sources.map((s) => s.url).join('; ')),
		guardCell(notes(f, p.actors.slice(2))),
		String(low),
		String(high)
	];
}

/** One row per statement about any of the incidents (each once, oldest first); UTF-8 with a BOM. */
export function toStatementsCSV(
	features: IncidentFeature[],
	ctx: ExportContext,
	lookups?: ExportLookups
): string {
	return toStatementsCSVParts(features, ctx, lookups).join('');
}

/** {@link toStatementsCSV} as string parts whose concatenation is the file, for a Blob. */
export function toStatementsCSVParts(
	features: IncidentFeature[],
	ctx: ExportContext,
	lookups: ExportLookups = exportLookups(ctx)
): string[] {
	return csvParts(statementsOf(features, lookups), STATEMENT_COLUMNS, (s) => {
		const source = lookups.sources.get(s.source_id);
		const { organization, attribution } = statementAttribution(s, lookups);
		// In the order of STATEMENT_COLUMNS.
		return [
			guardCell(s.id),
			s.said_on,
			s.date_precision,
			guardCell(s.speaker.name),
			guardCell(s.speaker.role),
			guardCell(organization),
			guardCell(s.speaker.organization_id),
			guardCell(s.via),
			s.form,
			guardCell(attribution),
			guardCell(s.quote.lang),
			guardCell(s.quote.text),
			guardCell(s.translation.text),
			guardCell(s.translation.by),
			guardCell(s.source_id),
			guardCell(source?.publisher ?? ''),
			guardCell(source?.title ?? ''),
			guardCell(source?.url ?? ''),
			source?.published ?? '',
			guardCell(s.incident_ids.join('; ')),
			guardCell(s.topics.join('; '))
		];
	});
}
