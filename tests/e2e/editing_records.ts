import type { IncidentFeature, PlaceFeature, Source, Statement } from '$lib/data/schema';
import { loadDataset } from '$lib/server/load';

/** Records for the editing tests, made from the shipped `geodata/` so they validate against it. */
const dataset = loadDataset('geodata');

export const publishedIncident = (): IncidentFeature =>
	structuredClone(dataset.incidents.features[0]);

/** A Feature as the API takes it to create a record: no id, neither at the top nor in properties. */
export type WithoutId<F extends { properties: { id: string } }> = Omit<F, 'id' | 'properties'> & {
	properties: Omit<F['properties'], 'id'>;
};

/** A new source (no id: the server gives one) whose every text field carries `marker`. */
export function newSource(marker = 'new source'): Omit<Source, 'id'> {
	const { id: _id, ...source } = structuredClone(dataset.sources[0]);
	void _id;
	return {
		...source,
		publisher: `Publisher ${marker}`,
		title: `Title ${marker}`,
		url: `https://example.org/${encodeURIComponent(marker)}`,
		credits: `Credits ${marker}`,
		kind: `kind ${marker}`,
		note: `Note ${marker}`,
		language: 'en'
	};
}

/** A new statement from `sourceId` about `incidentIds`, every text field carrying `marker`. */
export function newStatement(
	marker: string,
	sourceId: string,
	incidentIds: string[]
): Omit<Statement, 'id'> {
	const { id: _id, ...statement } = structuredClone(dataset.statements[0]);
	void _id;
	return {
		...statement,
		speaker: { ...statement.speaker, name: `Speaker ${marker}`, role: `role ${marker}` },
		via: `via ${marker}`,
		quote: { lang: 'en', text: `Quote ${marker}` },
		translation: { lang: 'en', text: `Translation ${marker}`, by: `Translator ${marker}` },
		source_id: sourceId,
		incident_ids: incidentIds,
		topics: [`topic-${marker}`],
		note: `Note ${marker}`
	};
}

/**
 * A new incident (a GeoJSON Feature without an id) at a shipped place, citing `sourceIds`,
 * whose every text field carries `marker`.
 */
export function newIncident(
	marker: string,
	links: { sources: string[]; statements?: string[] }
): WithoutId<IncidentFeature> {
	const base = publishedIncident();
	const { id: _id, ...properties } = base.properties;
	void _id;
	return {
		type: 'Feature',
		geometry: base.geometry,
		properties: {
			...properties,
			title: { en: `Title ${marker}`, vi: `Tiêu đề ${marker}` },
			summary: { en: `Summary ${marker}`, vi: `Tóm tắt ${marker}` },
			sub_type: `sub type ${marker}`,
			actors: [`Actor ${marker}`],
			location_note: `Location ${marker}`,
			claims: [],
			source_ids: links.sources,
			statement_ids: links.statements ?? []
		}
	};
}

/** A new place (no id) at a shipped place's position, every text field carrying `marker`. */
export function newPlace(marker: string): WithoutId<PlaceFeature> {
	const base = structuredClone(dataset.places.features[0]);
	const { id: _id, ...properties } = base.properties;
	void _id;
	return {
		type: 'Feature',
		geometry: base.geometry,
		properties: {
			...properties,
			name: `Name ${marker}`,
			label: `Label ${marker}`,
			names: { en: `Name ${marker}`, vi: `Tên ${marker}` },
			aliases: [`Alias ${marker}`],
			kind: `kind ${marker}`,
			admin: `Admin ${marker}`,
			alt_coordinates: [],
			note: `Note ${marker}`
		}
	};
}
