import type { Dataset, IncidentFeature, PlaceFeature } from '$lib/data/schema';

/** A published source as the editor lists it, to be picked. */
export interface SourceChoice {
	id: string;
	publisher: string;
	title: string;
	published: string;
}

/** What the editor page needs of the published dataset: the gazetteer, the region layers, the sources. */
export interface EditorReference {
	places: Dataset['places'];
	layers: Dataset['layers'];
	sources: SourceChoice[];
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
			.map(({ id, publisher, title, published }) => ({ id, publisher, title, published }))
			.sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id)),
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
