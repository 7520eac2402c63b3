import type { Dataset, IncidentFeature, PlaceFeature, Source, Statement } from '$lib/data/schema';

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

/**
 * An actor an editor may name: `entry` is what the line holds (an organisation's id, or a
 * free-text name), `names` what it is shown as; `record` tells an organisation from free text.
 */
export interface ActorChoice {
	entry: string;
	names: { en: string } & Record<string, string>;
	record: boolean;
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
	/**
	 * What an actor line may say: every organisation's id (an actor that is a record, shown by its
	 * name in the reader's language), then the free-text names incidents use, by name.
	 */
	actors: ActorChoice[];
}

/** The record being edited, as `GET /api/incidents/<id>` answered it. */
export interface EditedRecord {
	feature: IncidentFeature;
	version: number;
	status: string;
	/**
	 * The sources and statements it links to that are not published (drafts made with it, read
	 * through the editing API), so a re-opened draft shows them by title and quote, not by id.
	 */
	linked: { sources: SourceChoice[]; statements: StatementChoice[] };
}

export const sourceChoice = ({
	id,
	publisher,
	title,
	published,
	language
}: Source): SourceChoice => ({
	id,
	publisher,
	title,
	published,
	language
});

export const statementChoice = (s: Statement): StatementChoice => ({
	id: s.id,
	speaker: s.speaker.name,
	quote: s.quote.text,
	source_id: s.source_id
});

/** The ids of the sources and statements `feature` links to that `reference` does not list. */
export function unlisted(
	reference: Pick<EditorReference, 'sources' | 'statements'>,
	feature: IncidentFeature
): { sources: string[]; statements: string[] } {
	const sources = new Set(reference.sources.map((s) => s.id));
	const statements = new Set(reference.statements.map((s) => s.id));
	return {
		sources: [...new Set(feature.properties.source_ids)].filter((id) => !sources.has(id)),
		statements: [...new Set(feature.properties.statement_ids)].filter((id) => !statements.has(id))
	};
}

export function editorReference(dataset: Dataset): EditorReference {
	const sorted = (values: Iterable<string>) =>
		[...new Set(values)].sort((a, b) => a.localeCompare(b));
	const incidents = dataset.incidents.features;
	return {
		places: dataset.places,
		layers: dataset.layers,
		sources: dataset.sources
			.map(sourceChoice)
			.sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id)),
		statements: dataset.statements.map(statementChoice),
		organizations: dataset.organizations
			.map((o) => ({ id: o.id, name: o.names.en }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		subTypes: sorted(incidents.map((f) => f.properties.sub_type)),
		actors: [
			...dataset.organizations
				.map((o) => ({ entry: o.id, names: o.names, record: true }))
				.sort((a, b) => a.names.en.localeCompare(b.names.en)),
			...sorted(incidents.flatMap((f) => f.properties.actors))
				.filter((a) => !dataset.organizations.some((o) => o.id === a))
				.map((a) => ({ entry: a, names: { en: a }, record: false }))
		]
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
