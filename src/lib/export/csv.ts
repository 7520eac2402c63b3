import { csvFormat } from 'd3-dsv';
import type { Claim, IncidentFeature } from '$lib/data/schema';
import { roundTo } from '$lib/geo/rfc7946';
import {
	exportLookups,
	linkedPlaces,
	linkedSources,
	linkedStatements,
	statementsOf,
	type ExportContext
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
	'via',
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

/**
 * One row per incident, ACLED-like (see {@link INCIDENT_COLUMNS}); UTF-8 with a BOM. `location`
 * and `admin1` come from the incident's first place: its label (both names where disputed) and
 * its recorded district or province, which are Azerbaijan's and Armenia's first-order units;
 * `admin2` is not recorded and stays blank. A line incident's latitude/longitude is the point
 * halfway along it, and its notes say so.
 */
export function toIncidentsCSV(features: IncidentFeature[], ctx: ExportContext): string {
	const lookups = exportLookups(ctx);
	const rows = features.map((f) => {
		const p = f.properties;
		const statements = linkedStatements(f, lookups);
		const sources = linkedSources(f, statements, lookups);
		const place = linkedPlaces(f, lookups)[0];
		const [lon, lat] = representativePoint(f.geometry);
		const { low, high } = fatalities(p.claims);
		return {
			event_id: guardCell(p.id),
			event_date: p.date,
			date_precision: p.date_precision,
			event_type: p.type,
			sub_event_type: guardCell(p.sub_type),
			actor1: guardCell(p.actors[0] ?? ''),
			actor2: guardCell(p.actors[1] ?? ''),
			admin1: guardCell(place?.properties.admin ?? ''),
			admin2: '',
			location: guardCell(place?.properties.label ?? ''),
			latitude: String(roundTo(lat)),
			longitude: String(roundTo(lon)),
			geo_precision: String(p.location_precision),
			source: guardCell(sources.map((s) => s.publisher).join('; ')),
			source_url: guardCell(sources.map((s) => s.url).join('; ')),
			notes: guardCell(notes(f, p.actors.slice(2))),
			fatalities_low: String(low),
			fatalities_high: String(high)
		};
	});
	return BOM + csvFormat(rows, [...INCIDENT_COLUMNS]) + '\n';
}

/** One row per statement about any of the incidents (each once, oldest first); UTF-8 with a BOM. */
export function toStatementsCSV(features: IncidentFeature[], ctx: ExportContext): string {
	const lookups = exportLookups(ctx);
	const rows = statementsOf(features, lookups).map((s) => {
		const source = lookups.sources.get(s.source_id);
		return {
			statement_id: guardCell(s.id),
			said_on: s.said_on,
			date_precision: s.date_precision,
			speaker_name: guardCell(s.speaker.name),
			speaker_role: guardCell(s.speaker.role),
			speaker_organization: guardCell(s.speaker.organization),
			via: guardCell(s.via),
			quote_lang: guardCell(s.quote.lang),
			quote: guardCell(s.quote.text),
			translation: guardCell(s.translation.text),
			translation_by: guardCell(s.translation.by),
			source_id: guardCell(s.source_id),
			source_publisher: guardCell(source?.publisher ?? ''),
			source_title: guardCell(source?.title ?? ''),
			source_url: guardCell(source?.url ?? ''),
			source_published: source?.published ?? '',
			incident_ids: guardCell(s.incident_ids.join('; ')),
			topics: guardCell(s.topics.join('; '))
		};
	});
	return BOM + csvFormat(rows, [...STATEMENT_COLUMNS]) + '\n';
}
