import type {
	Dataset,
	IncidentFeature,
	Organization,
	PlaceFeature,
	Source,
	Statement
} from '../data/schema';

/**
 * The links between records, in one place: which statements are about an incident (linked from
 * either side: the incident's `statement_ids` or the statement's `incident_ids`), which sources an
 * incident rests on, which places it names. The dashboard's index, the search index, the exports
 * (`/api`, the export worker) and the incident page all read them through this class, so they
 * cannot disagree about what belongs to an incident.
 */
export class RecordLinks {
	/** Incident id → incident; empty unless the incidents were given. */
	readonly incidents: Map<string, IncidentFeature>;
	readonly statements: Map<string, Statement>;
	readonly sources: Map<string, Source>;
	readonly places: Map<string, PlaceFeature>;
	readonly organizations: Map<string, Organization>;
	/** Incident id → the statements naming it in their `incident_ids`, oldest first. */
	readonly statementsNaming: Map<string, Statement[]>;
	/** Source id → the statements quoting it, in the records' order. */
	readonly statementsBySource: Map<string, Statement[]>;

	constructor(records: {
		statements: readonly Statement[];
		sources: readonly Source[];
		places: readonly PlaceFeature[];
		organizations: readonly Organization[];
		incidents?: readonly IncidentFeature[];
	}) {
		this.incidents = new Map((records.incidents ?? []).map((f) => [f.id, f]));
		this.statements = new Map(records.statements.map((s) => [s.id, s]));
		this.sources = new Map(records.sources.map((s) => [s.id, s]));
		this.places = new Map(records.places.map((p) => [p.properties.id, p]));
		this.organizations = new Map(records.organizations.map((o) => [o.id, o]));
		this.statementsNaming = new Map();
		this.statementsBySource = new Map();
		for (const s of records.statements) {
			for (const id of s.incident_ids) push(this.statementsNaming, id, s);
			push(this.statementsBySource, s.source_id, s);
		}
		for (const list of this.statementsNaming.values())
			if (list.length > 1) list.sort(byStatementDate);
	}
}

const linksByDataset = new WeakMap<Dataset, RecordLinks>();

/** The links of a dataset, built on first use and kept as long as the dataset is. */
export function linksOf(dataset: Dataset): RecordLinks {
	let links = linksByDataset.get(dataset);
	if (!links) {
		links = new RecordLinks({
			...dataset,
			places: dataset.places.features,
			incidents: dataset.incidents.features
		});
		linksByDataset.set(dataset, links);
	}
	return links;
}

/** Oldest first, then by id; code-point order, so every place sorts the same in every locale. */
export function byStatementDate(a: Statement, b: Statement): number {
	return a.said_on < b.said_on
		? -1
		: a.said_on > b.said_on
			? 1
			: a.id < b.id
				? -1
				: a.id > b.id
					? 1
					: 0;
}

const NONE: Statement[] = [];

/**
 * The statements about an incident, linked from either side, each once, oldest first. Called once
 * per exported incident, so it avoids allocating where it can: most incidents have none or one.
 */
export function linkedStatements(feature: IncidentFeature, links: RecordLinks): Statement[] {
	const fromStatements = links.statementsNaming.get(feature.properties.id) ?? NONE;
	const ids = feature.properties.statement_ids;
	if (ids.length === 0) return fromStatements.slice();
	const found = fromStatements.slice();
	let added = false;
	for (const id of ids) {
		const s = links.statements.get(id);
		if (s && !found.includes(s)) {
			found.push(s);
			added = true;
		}
	}
	return added && found.length > 1 ? found.sort(byStatementDate) : found;
}

/**
 * Every source an incident rests on: its own `source_ids`, its claims' sources and its statements'
 * sources, in that order, without repeats.
 */
export function linkedSources(
	feature: IncidentFeature,
	statements: readonly Statement[],
	links: RecordLinks
): Source[] {
	const ids: string[] = [];
	for (const id of feature.properties.source_ids) if (!ids.includes(id)) ids.push(id);
	for (const c of feature.properties.claims) if (!ids.includes(c.source_id)) ids.push(c.source_id);
	for (const s of statements) if (!ids.includes(s.source_id)) ids.push(s.source_id);
	const found: Source[] = [];
	for (const id of ids) {
		const s = links.sources.get(id);
		if (s) found.push(s);
	}
	return found;
}

/** The places an incident names, in its `place_ids` order. */
export function linkedPlaces(feature: IncidentFeature, links: RecordLinks): PlaceFeature[] {
	const found: PlaceFeature[] = [];
	for (const id of feature.properties.place_ids) {
		const p = links.places.get(id);
		if (p) found.push(p);
	}
	return found;
}

/**
 * Statements quoting one of the incident's own sources without being linked to it: what else that
 * article reports, shown on the incident page as "more from these sources".
 */
export function relatedStatements(
	feature: IncidentFeature,
	linked: readonly Statement[],
	links: RecordLinks
): Statement[] {
	const related: Statement[] = [];
	for (const id of feature.properties.source_ids)
		for (const s of links.statementsBySource.get(id) ?? NONE)
			if (!linked.includes(s) && !related.includes(s)) related.push(s);
	return related;
}

/** The statements about any of the features, each once, oldest first. */
export function statementsAboutAll(
	features: readonly IncidentFeature[],
	links: RecordLinks
): Statement[] {
	const found = new Set<Statement>();
	for (const f of features) for (const s of linkedStatements(f, links)) found.add(s);
	return [...found].sort(byStatementDate);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (!list) map.set(key, [value]);
	else if (!list.includes(value)) list.push(value);
}
