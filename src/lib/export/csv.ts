import type { Claim, IncidentFeature, PlaceFeature } from '../data/schema';
import { actorEnglishName } from '../atlas/actors';
import { roundTo } from '../geo/rfc7946';
import { toWKT } from '../geo/wkt';
import {
	claimExactFigure,
	claimValueText,
	PLAIN_CLAIM_WORDS,
	type ClaimWords
} from '../atlas/claims';
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
import { distance, lineLength, nearest, representativePoint } from './representative_point';

/**
 * A byte-order mark opens every CSV file: without it Excel reads UTF-8 as a legacy code page and
 * mangles Vietnamese, Azerbaijani and Armenian letters. GDAL, pandas and d3 skip it.
 */
export const BOM = '\uFEFF';

/**
 * Columns of `incidents.csv`, named after ACLED's export so existing scripts can read it, plus
 * `claims` (every casualty or loss figure with its subject and claimant) and `wkt` (the whole
 * geometry as Well-Known Text, which GDAL and QGIS read as the row's geometry).
 */
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
	'fatalities',
	'claims',
	'wkt',
	'dataset_version'
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
	'topics',
	'dataset_version'
] as const;

/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe, the OWASP advice against CSV injection. Only text columns are guarded; the GeoJSON
 * export keeps every quote byte for byte.
 */
export function guardCell(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The one figure a claim states: an exact number, or the claimant's own best estimate. */
/**
 * ACLED's `fatalities` where one claim gives it: the figure of the incident's only "killed" claim
 * when that claim states an exact number or a best estimate (UCDP's `best`). Blank when nobody claimed a death, when the only claim is
 * a bound or a range ("at least 30"), and when several claims disagree or are about different
 * groups or by different claimants: those are never added up or made into a range. The `claims`
 * column holds them all, attributed.
 */
export function fatalities(claims: readonly Claim[]): number | '' {
	const killed = claims.filter((c) => c.metric.trim().toLowerCase() === 'killed');
	if (killed.length !== 1) return '';
	return claimExactFigure(killed[0].value) ?? '';
}

/** A spreadsheet's compact forms: "≥30", "30–35". */
const CELL_WORDS: ClaimWords = { ...PLAIN_CLAIM_WORDS, atLeast: (low) => `≥${low}` };

/**
 * Every claim of an incident, each with its subject and claimant, as one cell:
 * `killed 12 (Azerbaijani soldiers) — Ministry of Defence of Azerbaijan; killed ≥30 (people on
 * both sides) — AFP`.
 */
export function claimsCell(claims: readonly Claim[]): string {
	return claims
		.map((c) => `${c.metric} ${claimValueText(c.value, CELL_WORDS)} (${c.subject}) — ${c.claimant}`)
		.join('; ');
}

/** How far from the row's point a place may be and still be named as its `location`. */
export const LOCATION_RADIUS_M = 20_000;

const km = (m: number) => (m < 10_000 ? (m / 1000).toFixed(1) : String(Math.round(m / 1000)));

/**
 * The row's point and the place it is near: the incident's point or, for a line, the point
 * halfway along it; `location` is the incident's own place nearest to that point if it lies within
 * {@link LOCATION_RADIUS_M}, else blank. The note says how far the point is from that place
 * (1 km or more) or why there is none, so latitude/longitude and location never disagree unseen.
 */
export function rowLocation(
	feature: IncidentFeature,
	lookups: ExportLookups
): { point: [number, number]; place: PlaceFeature | null; note: string } {
	const point = representativePoint(feature.geometry);
	const places = linkedPlaces(feature, lookups);
	const near = nearest(point, places, (p) => p.geometry.coordinates);
	const place = near && near.distance <= LOCATION_RADIUS_M ? near.item : null;
	const notes: string[] = [];
	if (feature.geometry.type !== 'Point') {
		notes.push(
			`Line incident, ${km(lineLength(feature.geometry))} km long: latitude/longitude give the point halfway along it; the wkt column has the whole line.`
		);
	}
	if (place) {
		const d = distance(point, place.geometry.coordinates);
		if (d >= 1000) notes.push(`That point is ${km(d)} km from ${place.properties.label}.`);
	} else if (near) {
		notes.push(
			`Location left blank: the nearest place named for this incident, ${near.item.properties.label}, is ${km(near.distance)} km from that point.`
		);
	}
	return { point, place, note: notes.join(' ') };
}

function notes(feature: IncidentFeature, otherActors: string[], locationNote: string): string {
	const p = feature.properties;
	const parts = [p.summary.en];
	if (p.date_end) parts.push(`Until ${p.date_end}.`);
	if (locationNote) parts.push(locationNote);
	if (p.location_note) parts.push(`Location: ${p.location_note}`);
	if (otherActors.length) parts.push(`Other actors: ${otherActors.join('; ')}.`);
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
 * and `admin1` come from the place {@link rowLocation} names: its label (both names where
 * disputed) and its recorded district or province, which are Azerbaijan's and Armenia's
 * first-order units; `admin2` is not recorded and stays blank. There is no country column: the
 * dataset does not assign the region to a state.
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
	const version = versionCell(ctx.revision);
	return csvParts(features, INCIDENT_COLUMNS, (f) => [...incidentCells(f, lookups), version]);
}

/**
 * The last cell of every row: the dataset version the file was made from (the same on every row,
 * since a CSV has no place for file metadata); empty when unknown.
 */
export function versionCell(revision: number | undefined): string {
	return revision === undefined ? '' : String(revision);
}

/**
 * The cells of an incident's row of `incidents.csv`, in the order of {@link INCIDENT_COLUMNS},
 * without the trailing {@link versionCell}.
 */
export function incidentCells(f: IncidentFeature, lookups: ExportLookups): string[] {
	const p = f.properties;
	const statements = linkedStatements(f, lookups);
	const sources = linkedSources(f, statements, lookups);
	const { point, place, note } = rowLocation(f, lookups);
	const [lon, lat] = point;
	const actors = p.actors.map((a) => actorEnglishName(a, lookups.organizations));
	return [
		guardCell(p.id),
		p.date,
		p.date_precision,
		p.type,
		guardCell(p.sub_type),
		guardCell(actors[0] ?? ''),
		guardCell(actors[1] ?? ''),
		guardCell(place?.properties.admin ?? ''),
		'',
		guardCell(place?.properties.label ?? ''),
		String(roundTo(lat)),
		String(roundTo(lon)),
		String(p.location_precision),
		guardCell(sources.map((s) => s.publisher).join('; ')),
		guardCell(sources.map((s) => s.url ?? '').join('; ')),
		guardCell(notes(f, actors.slice(2), note)),
		String(fatalities(p.claims)),
		guardCell(claimsCell(p.claims)),
		toWKT(f.geometry)
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
	const version = versionCell(ctx.revision);
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
			guardCell(s.topics.join('; ')),
			version
		];
	});
}
