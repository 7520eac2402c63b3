import { buildSpeakers, type Speaker } from './speakers';
import { keyPrefixes, nameKey } from './tokens';

export interface PlaceEntry {
	place_id: string | null;
	name: string;
	kind: string;
	/** Lower is preferred when one spelling names several places. */
	rank: number;
	/** True for a word that only names a place when capitalised. */
	capitalised: boolean;
}

export interface Gazetteer {
	/** Name key → every place that spelling can name, best first. */
	places: Map<string, PlaceEntry[]>;
	placePrefixes: Set<string>;
	speakers: Map<string, Speaker>;
	speakerByName: Map<string, Speaker>;
	speakerPrefixes: Set<string>;
	maxPlaceWords: number;
	maxSpeakerWords: number;
	/** Existing incidents, to propose attaching to one of them. */
	incidents: ExistingIncident[];
}

export interface ExistingIncident {
	id: string;
	date: string;
	date_end?: string;
	date_precision: 'day' | 'month' | 'year';
	place_ids: string[];
}

export interface GazetteerData {
	places?: unknown;
	meta?: unknown;
	settlements?: unknown;
	statements?: unknown;
	/** `organizations.json`: names the organisation of each statement's speaker. */
	organizations?: unknown;
	incidents?: unknown;
}

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const strings = (x: unknown): string[] =>
	Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
const features = (x: unknown): Rec[] =>
	isRec(x) && Array.isArray(x.features) ? (x.features.filter(isRec) as Rec[]) : [];

function kindRank(kind: string): number {
	if (/capital|city|town|village|hill|pass|monastery/.test(kind)) return 0;
	if (/region|country/.test(kind)) return 1;
	if (/reservoir|mountain/.test(kind)) return 2;
	if (kind === 'settlement') return 3;
	return 4;
}

/**
 * Builds the look-up tables from the parsed dataset files. Every spelling of `places.geojson`
 * (name, names per language, aliases), the regions of `meta.json` and the basemap's GeoNames
 * settlements; a spelling shared by several places keeps them all, best first.
 */
export function buildGazetteer(data: GazetteerData): Gazetteer {
	const places = new Map<string, PlaceEntry[]>();
	let maxPlaceWords = 1;
	const add = (spelling: string, entry: PlaceEntry) => {
		const key = nameKey(spelling);
		if (!key) return;
		maxPlaceWords = Math.max(maxPlaceWords, key.split(' ').length);
		const list = places.get(key) ?? [];
		if (!list.some((e) => e.place_id === entry.place_id)) list.push(entry);
		places.set(key, list);
	};
	for (const f of features(data.places)) {
		const p = isRec(f.properties) ? f.properties : {};
		const id = typeof p.id === 'string' ? p.id : typeof f.id === 'string' ? f.id : null;
		const name = typeof p.name === 'string' ? p.name : id;
		if (!id || !name) continue;
		const kind = typeof p.kind === 'string' ? p.kind : 'place';
		const entry = { place_id: id, name, kind, rank: kindRank(kind), capitalised: true };
		const names = isRec(p.names) ? Object.values(p.names) : [];
		for (const s of [name, ...strings(names), ...strings(p.aliases)]) add(s, entry);
	}
	const regions = isRec(data.meta) && Array.isArray(data.meta.regions) ? data.meta.regions : [];
	for (const r of regions.filter(isRec)) {
		if (typeof r.id !== 'string' || typeof r.name !== 'string') continue;
		const kind = typeof r.kind === 'string' ? r.kind : 'region';
		const entry = { place_id: r.id, name: r.name, kind, rank: kindRank(kind), capitalised: true };
		for (const s of [r.name, ...strings(r.aliases)]) add(s, entry);
	}
	for (const f of features(data.settlements)) {
		const p = isRec(f.properties) ? f.properties : {};
		if (typeof p.name !== 'string' || typeof p.geonameid !== 'number') continue;
		// The basemap's label and its aliases (GeoNames' own name where the label replaces it).
		const aliases = Array.isArray(p.aliases) ? p.aliases.filter((a) => typeof a === 'string') : [];
		for (const spelling of [p.name, ...aliases]) {
			add(spelling, {
				place_id: `geonames:${p.geonameid}`,
				name: p.name,
				kind: 'settlement',
				rank: kindRank('settlement'),
				capitalised: true
			});
		}
	}
	for (const list of places.values()) list.sort((a, b) => a.rank - b.rank);

	const speakers = new Map<string, Speaker>();
	let maxSpeakerWords = 1;
	const speakerByName = new Map<string, Speaker>();
	for (const s of buildSpeakers(data.statements, data.organizations)) {
		speakerByName.set(s.name, s);
		for (const alias of [s.name, ...s.aliases]) {
			const key = nameKey(alias);
			if (!key || speakers.has(key)) continue;
			speakers.set(key, s);
			maxSpeakerWords = Math.max(maxSpeakerWords, key.split(' ').length);
		}
	}

	const incidents: ExistingIncident[] = [];
	for (const f of features(data.incidents)) {
		const p = isRec(f.properties) ? f.properties : {};
		if (typeof p.id !== 'string' || typeof p.date !== 'string') continue;
		const precision =
			p.date_precision === 'month' || p.date_precision === 'year' ? p.date_precision : 'day';
		incidents.push({
			id: p.id,
			date: p.date,
			date_end: typeof p.date_end === 'string' ? p.date_end : undefined,
			date_precision: precision,
			place_ids: strings(p.place_ids)
		});
	}
	return {
		places,
		placePrefixes: keyPrefixes(places.keys()),
		speakers,
		speakerByName,
		speakerPrefixes: keyPrefixes(speakers.keys()),
		maxPlaceWords,
		maxSpeakerWords,
		incidents
	};
}
