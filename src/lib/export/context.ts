import type { IncidentFeature, Meta, PlaceFeature, Source, Statement } from '$lib/data/schema';
import type { IncidentFilter } from '$lib/geo/filter';

/** Everything an export needs besides the incidents themselves. */
export interface ExportContext {
	statements: Statement[];
	sources: Source[];
	places: PlaceFeature[];
	meta: Meta;
	/** The filter that selected the incidents, recorded in the file. */
	filter: IncidentFilter;
	/** ISO timestamp, passed in so the output is reproducible. */
	generatedAt: string;
	/** What was picked beyond the filter, e.g. "incident 2020-11-23-madagiz-mine"; recorded in the file. */
	selection?: string;
}

/** Look-ups from ids to the records incidents refer to, built once per export. */
export interface ExportLookups {
	statements: Map<string, Statement>;
	statementsByIncident: Map<string, Statement[]>;
	sources: Map<string, Source>;
	places: Map<string, PlaceFeature>;
}

export function exportLookups(
	ctx: Pick<ExportContext, 'statements' | 'sources' | 'places'>
): ExportLookups {
	const statementsByIncident = new Map<string, Statement[]>();
	for (const s of ctx.statements) {
		for (const id of s.incident_ids) {
			const list = statementsByIncident.get(id);
			if (list) list.push(s);
			else statementsByIncident.set(id, [s]);
		}
	}
	return {
		statements: new Map(ctx.statements.map((s) => [s.id, s])),
		statementsByIncident,
		sources: new Map(ctx.sources.map((s) => [s.id, s])),
		places: new Map(ctx.places.map((p) => [p.properties.id, p]))
	};
}

function byDateThenId<T extends { id: string }>(date: (t: T) => string) {
	return (a: T, b: T) =>
		date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The statements about an incident, linked from either side (`statement_ids` or the statement's
 * `incident_ids`), oldest first.
 */
export function linkedStatements(feature: IncidentFeature, lookups: ExportLookups): Statement[] {
	const found = new Set<Statement>();
	for (const id of feature.properties.statement_ids) {
		const s = lookups.statements.get(id);
		if (s) found.add(s);
	}
	for (const s of lookups.statementsByIncident.get(feature.properties.id) ?? []) found.add(s);
	return [...found].sort(byDateThenId((s) => s.said_on));
}

/**
 * Every source an incident rests on: its own `source_ids`, its claims' sources and its statements'
 * sources, in that order, without repeats.
 */
export function linkedSources(
	feature: IncidentFeature,
	statements: Statement[],
	lookups: ExportLookups
): Source[] {
	const ids = new Set<string>([
		...feature.properties.source_ids,
		...feature.properties.claims.map((c) => c.source_id),
		...statements.map((s) => s.source_id)
	]);
	return [...ids].flatMap((id) => {
		const s = lookups.sources.get(id);
		return s ? [s] : [];
	});
}

export function linkedPlaces(feature: IncidentFeature, lookups: ExportLookups): PlaceFeature[] {
	return feature.properties.place_ids.flatMap((id) => {
		const p = lookups.places.get(id);
		return p ? [p] : [];
	});
}

/**
 * The statements about any of the features, each once, oldest first: what `statements.csv` and
 * `/api/statements.json` hold for a selection.
 */
export function statementsOf(features: IncidentFeature[], lookups: ExportLookups): Statement[] {
	const found = new Set<Statement>();
	for (const f of features) for (const s of linkedStatements(f, lookups)) found.add(s);
	return [...found].sort(byDateThenId((s) => s.said_on));
}
