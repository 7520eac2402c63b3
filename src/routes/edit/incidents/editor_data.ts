import type { Dataset, IncidentFeature, PlaceFeature } from '$lib/data/schema';

/** A published source as the editor lists it, to be picked. */
export interface SourceChoice {
	id: string;
	publisher: string;
	title: string;
	published: string;
	/** The language the source is written in: a statement's excerpt is in it unless changed. */
	language: string;
}

/** A published statement as the editor lists it: to link a claim to the words it comes from. */
export interface StatementChoice {
	id: string;
	speaker: string;
	quote: string;
	source_id: string;
}

/** An organisation a speaker may speak for, by its English name. */
export interface OrganizationChoice {
	id: string;
	name: string;
}

/** What the editor page needs of the published dataset: the gazetteer, the region layers, the sources. */
export interface EditorReference {
	places: Dataset['places'];
	layers: Dataset['layers'];
	sources: SourceChoice[];
	statements: StatementChoice[];
	organizations: OrganizationChoice[];
	/** The sub-types the dataset uses, offered as suggestions. */
	subTypes: string[];
	/** The actors the dataset names, offered as suggestions. */
	actors: string[];
}

/** The record being edited, as `GET /api/incidents/<id>` answered it. */
export interface EditedRecord {
	feature: IncidentFeature;
	version: number;
	status: string;
}

export function editorReference(dataset: Dataset): EditorReference {
	const sorted = (values: Iterable<string>) =>
		[...new Set(values)].sort((a, b) => a.localeCompare(b));
	const incidents = dataset.incidents.features;
	return {
		places: dataset.places,
		layers: dataset.layers,
		sources: dataset.sources
			.map(({ id, publisher, title, published, language }) => ({
				id,
				publisher,
				title,
				published,
				language
			}))
			.sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id)),
		statements: dataset.statements.map((s) => ({
			id: s.id,
			speaker: s.speaker.name,
			quote: s.quote.text,
			source_id: s.source_id
		})),
		organizations: dataset.organizations
			.map((o) => ({ id: o.id, name: o.names.en }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		subTypes: sorted(incidents.map((f) => f.properties.sub_type)),
		actors: sorted(incidents.flatMap((f) => f.properties.actors))
	};
}

/** The name a place is shown by: its Vietnamese name in Vietnamese, else its label (both forms where disputed). */
export function placeName(place: PlaceFeature, lang: 'en' | 'vi'): string {
	return (lang === 'vi' && place.properties.names.vi) || place.properties.label;
}

/**
 * The gazetteer entry typed into the picker: by its shown name, label, name or any alias,
 * ignoring case; `undefined` when none matches.
 */
export function findPlace(
	places: readonly PlaceFeature[],
	typed: string,
	lang: 'en' | 'vi'
): PlaceFeature | undefined {
	const wanted = typed.trim().toLocaleLowerCase();
	if (!wanted) return undefined;
	return places.find((place) => {
		const p = place.properties;
		return [placeName(place, lang), p.label, p.name, ...Object.values(p.names), ...p.aliases]
			.filter((n): n is string => typeof n === 'string')
			.some((n) => n.toLocaleLowerCase() === wanted);
	});
}
