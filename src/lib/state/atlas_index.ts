import type {
	Dataset,
	IncidentFeature,
	Organization,
	PlaceFeature,
	Source,
	Statement
} from '$lib/data/schema';
import { EVENT_TYPES } from '$lib/data/vocabulary';
import { buildSearchIndex, type SearchIndex } from '$lib/geo/search';
import { byStatementDate, linkedStatements, linksOf } from '$lib/atlas/links';
import { actorEnglishName } from '$lib/atlas/actors';

export interface TimeWindow {
	from: string;
	to: string;
}

/** Look-ups over a dataset, built once when the page opens; plain data, never reactive. */
export interface AtlasIndex {
	/**
	 * The text search index, built on first use: at 100,000 incidents it takes seconds, and a
	 * reader who never searches should not wait for it when the page opens.
	 */
	readonly search: SearchIndex;
	/** Every incident, oldest first (ties by id): filtering keeps this order. */
	incidents: IncidentFeature[];
	byId: Map<string, IncidentFeature>;
	places: Map<string, PlaceFeature>;
	sources: Map<string, Source>;
	organizations: Map<string, Organization>;
	statements: Map<string, Statement>;
	/** Statements about each incident, linked from either side, oldest first. */
	statementsByIncident: Map<string, Statement[]>;
	statementsBySource: Map<string, Statement[]>;
	/** From the earliest to the latest date of any incident or statement. */
	span: TimeWindow;
	eventTypes: string[];
	/** The actor entries (organisation ids, free-text names) incidents name, by English name. */
	actors: string[];
	/** The ids of the organisations that speak in some statement, each once. */
	organisations: string[];
	topics: string[];
}

const byDateThenId = (a: IncidentFeature, b: IncidentFeature) => {
	const x = a.properties.date;
	const y = b.properties.date;
	return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

export { byStatementDate };

const distinct = (values: Iterable<string>) =>
	[...new Set(values)].sort((a, b) => a.localeCompare(b));

export function indexDataset(dataset: Dataset): AtlasIndex {
	const features = dataset.incidents.features;
	const links = linksOf(dataset);
	const statementsByIncident = new Map<string, Statement[]>();
	for (const f of features) {
		const about = linkedStatements(f, links);
		if (about.length) statementsByIncident.set(f.id, about);
	}

	let from = '9999-12-31';
	let to = '0000-01-01';
	for (const f of features) {
		if (f.properties.date < from) from = f.properties.date;
		const end = f.properties.date_end ?? f.properties.date;
		if (end > to) to = end;
	}
	for (const s of dataset.statements) {
		if (s.said_on < from) from = s.said_on;
		if (s.said_on > to) to = s.said_on;
	}
	const present = new Set(features.map((f) => f.properties.type));
	let search: SearchIndex | null = null;
	return {
		get search() {
			search ??= buildSearchIndex(dataset, links);
			return search;
		},
		incidents: [...features].sort(byDateThenId),
		byId: new Map(features.map((f) => [f.id, f])),
		places: links.places,
		sources: links.sources,
		organizations: links.organizations,
		statements: links.statements,
		statementsByIncident,
		statementsBySource: links.statementsBySource,
		span: from <= to ? { from, to } : { from: '2000-01-01', to: '2000-01-01' },
		eventTypes: EVENT_TYPES.filter((t) => present.has(t)),
		actors: [...new Set(features.flatMap((f) => f.properties.actors))]
			.map((entry) => ({ entry, name: actorEnglishName(entry, links.organizations) }))
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((a) => a.entry),
		organisations: distinct(dataset.statements.map((s) => s.speaker.organization_id)),
		topics: distinct(dataset.statements.flatMap((s) => s.topics))
	};
}

export interface StatementChoice {
	org: string | null;
	topic: string | null;
}

function chosen(s: Statement, { org, topic }: StatementChoice): boolean {
	return (!org || s.speaker.organization_id === org) && (!topic || s.topics.includes(topic));
}

/**
 * The statements the panel lists: those about the selected incident or, with none selected,
 * those said within the window; narrowed by organisation and topic; oldest first.
 */
export function panelStatements(
	index: AtlasIndex,
	all: readonly Statement[],
	selectedId: string | null,
	window: TimeWindow,
	choice: StatementChoice
): Statement[] {
	const base = selectedId
		? (index.statementsByIncident.get(selectedId) ?? [])
		: all.filter((s) => s.said_on >= window.from && s.said_on <= window.to).sort(byStatementDate);
	return base.filter((s) => chosen(s, choice));
}

/**
 * Why the statements panel lists nothing: no statement is linked to the selected incident, none
 * was said in the time window, or there are some but the organisation or topic chosen hides them
 * all. `null` while it lists some.
 */
export function statementsGap(
	index: AtlasIndex,
	all: readonly Statement[],
	selectedId: string | null,
	window: TimeWindow,
	choice: StatementChoice
): 'none-linked' | 'none-in-window' | 'filtered' | null {
	if (panelStatements(index, all, selectedId, window, choice).length) return null;
	if (panelStatements(index, all, selectedId, window, { org: null, topic: null }).length)
		return 'filtered';
	return selectedId ? 'none-linked' : 'none-in-window';
}

/**
 * Statements reported in an incident's own sources but not linked to it (what else was said, in
 * the same article, that day), narrowed by organisation and topic; oldest first.
 */
export function relatedStatements(
	index: AtlasIndex,
	incident: IncidentFeature,
	choice: StatementChoice
): Statement[] {
	const linked = new Set(index.statementsByIncident.get(incident.id) ?? []);
	const out = new Set<Statement>();
	for (const id of incident.properties.source_ids) {
		for (const s of index.statementsBySource.get(id) ?? []) {
			if (!linked.has(s) && chosen(s, choice)) out.add(s);
		}
	}
	return [...out].sort(byStatementDate);
}

/** The incidents a statement is about, linked from either side. */
export function statementIncidentIds(index: AtlasIndex, statementId: string | null): Set<string> {
	const ids = new Set<string>();
	if (!statementId) return ids;
	for (const [incidentId, list] of index.statementsByIncident) {
		if (list.some((s) => s.id === statementId)) ids.add(incidentId);
	}
	return ids;
}

export function idSet(features: readonly IncidentFeature[]): Set<string> {
	return new Set(features.map((f) => f.id));
}
