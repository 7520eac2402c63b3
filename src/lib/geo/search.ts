import type {
	Dataset,
	IncidentFeature,
	Organization,
	PlaceFeature,
	Statement
} from '$lib/data/schema';
import { linkedStatements, RecordLinks } from '$lib/atlas/links';
import { actorNames, type Organizations } from '$lib/atlas/actors';

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const FOLD: Record<string, string> = { ə: 'e', ı: 'i', đ: 'd', ł: 'l', ø: 'o', ß: 'ss' };

const classified = new Map<string, string>();

/**
 * What a character other than a-z, 0-9 and space becomes: a mark vanishes, a letter or digit
 * stays (folded where {@link FOLD} says so), anything else is a space. Remembered, up to a bound.
 */
function classify(ch: string): string {
	let out = classified.get(ch);
	if (out === undefined) {
		out = /^\p{M}$/u.test(ch) ? '' : (FOLD[ch] ?? (/^[\p{L}\p{N}]$/u.test(ch) ? ch : ' '));
		if (classified.size < 20_000) classified.set(ch, out);
	}
	return out;
}

const NON_ASCII = /[\u0080-\uffff]/;
const OTHER = /[\ud800-\udbff][\udc00-\udfff]|[^a-z0-9 ]/g;

/**
 * Folds text for matching: lowercase, diacritics stripped (NFD, then marks removed, so ş ç ğ ö ü
 * and Vietnamese tones fold to their base letter), ə→e and ı→i (Azerbaijani), đ→d (Vietnamese),
 * and every run of whitespace or punctuation collapsed to one space. "Tərtər" and "Terter" both
 * become "terter"; "Suqovuşan" becomes "suqovusan". Written for speed (100,000 incidents are
 * indexed at start): ASCII text takes a short path, and other characters are classified once each
 * and remembered, instead of running Unicode-property regexes over every string.
 */
export function normalise(text: string): string {
	const lower = text.toLowerCase();
	if (!NON_ASCII.test(lower)) return lower.replace(/[^a-z0-9]+/g, ' ').trim();
	return lower.normalize('NFD').replace(OTHER, classify).replace(/ {2,}/g, ' ').trim();
}

/** The normalised words of a query; empty when it has none. */
export function queryWords(q: string): string[] {
	const n = normalise(q);
	return n ? n.split(' ') : [];
}

export interface SearchIndex {
	/** incident id → normalised haystack */
	text: Map<string, string>;
}

/** Whether every word occurs in the haystack (as a substring, so "madag" finds "madagiz"). */
export function haystackMatches(haystack: string, words: string[]): boolean {
	for (const w of words) if (!haystack.includes(w)) return false;
	return true;
}

function placeParts(place: PlaceFeature): string[] {
	const p = place.properties;
	return [p.name, p.label, ...p.aliases, ...Object.values(p.names).filter((v) => v !== undefined)];
}

/** A statement's text with its organisation's names in every language the data gives. */
function statementParts(s: Statement, organizations: ReadonlyMap<string, Organization>): string[] {
	const names = Object.values(organizations.get(s.speaker.organization_id)?.names ?? {});
	return [s.quote.text, s.translation.text, s.speaker.name, s.speaker.role, ...names];
}

/**
 * The text of an incident itself (titles and summaries in every language, actors, type), without
 * linked records. An actor that is an organisation's id counts with the id and the record's names
 * in every language, so "Lực lượng vũ trang" finds what "Armed Forces" finds.
 */
export function incidentOwnText(
	feature: IncidentFeature,
	organizations: Organizations = new Map()
): string[] {
	const p = feature.properties;
	return [
		...Object.values(p.title),
		...Object.values(p.summary),
		...p.actors.flatMap((a) =>
			organizations.has(a) ? [a, ...Object.values(actorNames(a, organizations))] : [a]
		),
		p.type,
		p.sub_type,
		p.location_note ?? ''
	];
}

/**
 * Builds the search haystack of every incident: its own text plus the text of the places it
 * names (every alias and language, so "Madagiz" finds an incident filed under Sugovushan) and of
 * the statements linked to it, from either side (`statement_ids` or the statement's `incident_ids`).
 * Each place and statement is normalised once, however many incidents share it.
 */
export function buildSearchIndex(
	dataset: Pick<Dataset, 'incidents' | 'statements' | 'places' | 'sources' | 'organizations'>,
	links: RecordLinks = new RecordLinks({
		statements: dataset.statements,
		sources: dataset.sources,
		places: dataset.places.features,
		organizations: dataset.organizations
	})
): SearchIndex {
	const organizations = links.organizations;
	const placeText = new Map<string, string>();
	for (const p of dataset.places.features)
		placeText.set(p.properties.id, normalise(placeParts(p).join(' ')));
	const statementText = new Map<string, string>();
	for (const s of dataset.statements)
		statementText.set(s.id, normalise(statementParts(s, organizations).join(' ')));
	const text = new Map<string, string>();
	for (const feature of dataset.incidents.features) {
		const p = feature.properties;
		const parts = [normalise(incidentOwnText(feature, organizations).join(' '))];
		for (const id of p.place_ids) {
			const t = placeText.get(id);
			if (t) parts.push(t);
		}
		for (const s of linkedStatements(feature, links)) {
			const t = statementText.get(s.id);
			if (t) parts.push(t);
		}
		text.set(p.id, parts.join(' '));
	}
	return { text };
}
