import { toKML as featureCollectionToKML } from '@placemarkio/tokml';
import type { Feature, Geometry } from 'geojson';
import type { Claim, IncidentFeature } from '../data/schema';
import { actorEnglishName } from '../atlas/actors';
import { toRFC7946Geometry } from '../geo/rfc7946';
import { claimValueText } from '../atlas/claims';
import {
	exportLookups,
	statementAttribution,
	linkedPlaces,
	linkedSources,
	linkedStatements,
	type ExportContext,
	type ExportLookups
} from './context';

function claimLine(c: Claim): string {
	return `${c.claimant} claims ${c.metric}: ${claimValueText(c.value)} (${c.subject}) [source ${c.source_id}]`;
}

/**
 * The incidents as KML (via `@placemarkio/tokml`): one Placemark each, named by its English title,
 * the English summary as description, and everything else — Vietnamese title and summary, dates,
 * type, actors, places, claims, statements with verbatim quotes, sources — as ExtendedData text
 * fields, one record per line inside multi-valued fields. The incident id is a field rather than
 * the Placemark's XML `id`, which may not start with a digit.
 */
/**
 * The title and summary in languages beyond English (`name`, `description`) and Vietnamese (always
 * a column, empty where missing): `title_<tag>`, `summary_<tag>`, so no text of the record is lost.
 */
function otherLanguages(p: IncidentFeature['properties']): Record<string, string> {
	const columns: Record<string, string> = {};
	for (const field of ['title', 'summary'] as const) {
		for (const [lang, text] of Object.entries(p[field])) {
			if (lang !== 'en' && lang !== 'vi') columns[`${field}_${lang}`] = text;
		}
	}
	return columns;
}

export function toKML(
	features: IncidentFeature[],
	ctx: ExportContext,
	lookups: ExportLookups = exportLookups(ctx)
): string {
	const placemarks: Feature<Geometry>[] = features.map((f) => {
		const p = f.properties;
		const statements = linkedStatements(f, lookups);
		const sources = linkedSources(f, statements, lookups);
		return {
			type: 'Feature',
			geometry: toRFC7946Geometry(f.geometry as Geometry),
			properties: {
				name: p.title.en,
				description: p.summary.en,
				id: p.id,
				title_vi: p.title.vi ?? '',
				summary_vi: p.summary.vi ?? '',
				...otherLanguages(p),
				date: p.date,
				date_end: p.date_end ?? '',
				date_precision: p.date_precision,
				event_type: p.type,
				sub_event_type: p.sub_type,
				actors: p.actors.map((a) => actorEnglishName(a, lookups.organizations)).join('\n'),
				places: linkedPlaces(f, lookups)
					.map((pl) => pl.properties.label)
					.join('\n'),
				location_precision: String(p.location_precision),
				uncertainty_m: String(p.uncertainty_m),
				location_note: p.location_note ?? '',
				claims: p.claims.map(claimLine).join('\n'),
				statements: statements
					.map(
						(s) =>
							`${statementAttribution(s, lookups).attribution}, ${s.said_on}: “${s.quote.text}” [${s.quote.lang}] — translation by ${s.translation.by}: “${s.translation.text}” [source ${s.source_id}]`
					)
					.join('\n'),
				sources: sources
					.map((s) => `${s.publisher}: ${s.title} (${s.published})${s.url ? ` ${s.url}` : ''}`)
					.join('\n'),
				...(p.synthetic ? { synthetic: 'true' } : {})
			}
		};
	});
	for (const placemark of placemarks) {
		const properties = placemark.properties!;
		for (const key in properties) properties[key] = xmlChars(properties[key]);
	}
	// tokml escapes `&` and `<` but writes `>` as is, so a `]]>` in a text would end the file's
	// well-formedness; no other `]]>` occurs in its output (it writes no CDATA sections).
	const body = featureCollectionToKML({
		type: 'FeatureCollection',
		features: placemarks
	}).replaceAll(']]>', ']]&gt;');
	const name = `${ctx.meta.name} ${ctx.meta.version}`;
	const description = [
		`Generated ${ctx.generatedAt}; ${features.length} incident(s); filter ${JSON.stringify(ctx.filter)}.`,
		...(ctx.revision !== undefined ? [`Dataset version ${ctx.revision}.`] : []),
		`Licence: ${ctx.meta.licence}`,
		`Attribution: ${ctx.meta.attribution}`,
		'Casualty figures are claims, attributed. Quotes are verbatim; translations by Incident Atlas.'
	].join('\n');
	const head = `<Document><name>${escapeXml(xmlChars(name))}</name><description>${escapeXml(xmlChars(description))}</description>`;
	return `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace('<Document>', () => head)}`;
}

function escapeXml(text: string): string {
	return text.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!
	);
}

/**
 * Characters XML 1.0 cannot carry at all, not even as a character reference: C0 controls other
 * than tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates.
 */
const NOT_XML =
	// eslint-disable-next-line no-control-regex -- these are the characters to find
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with each character XML cannot carry replaced by U+FFFD, so the loss stays visible. */
export function xmlChars(text: string): string {
	return text.replace(NOT_XML, '\uFFFD');
}
