import type {
	IncidentFeature,
	Meta,
	Organization,
	PlaceFeature,
	Source,
	Statement
} from '../data/schema';
import type { IncidentQuery } from '../atlas/query';
import { attributionText, organizationName } from '../format/speech';

/** Everything an export needs besides the incidents themselves. */
export interface ExportContext {
	statements: Statement[];
	sources: Source[];
	places: PlaceFeature[];
	organizations: Organization[];
	meta: Meta;
	/** The dataset version (`Dataset.revision`), written into the file when known. */
	revision?: number;
	/** The filter that selected the incidents, recorded in the file. */
	filter: IncidentQuery;
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
	organizations: Map<string, Organization>;
}

export function exportLookups(
	ctx: Pick<ExportContext, 'statements' | 'sources' | 'places' | 'organizations'>
): ExportLookups {
	const statementsByIncident = new Map<string, Statement[]>();
	for (const s of ctx.statements) {
		for (const id of s.incident_ids) {
			const list = statementsByIncident.get(id);
			if (list) {
				if (!list.includes(s)) list.push(s);
			} else statementsByIncident.set(id, [s]);
		}
	}
	for (const list of statementsByIncident.values()) if (list.length > 1) list.sort(byStatementDate);
	return {
		statements: new Map(ctx.statements.map((s) => [s.id, s])),
		statementsByIncident,
		sources: new Map(ctx.sources.map((s) => [s.id, s])),
		places: new Map(ctx.places.map((p) => [p.properties.id, p])),
		organizations: new Map(ctx.organizations.map((o) => [o.id, o]))
	};
}

/** The speaker's organisation by its English name, and who the excerpt is by, in plain words. */
export function statementAttribution(
	s: Statement,
	lookups: ExportLookups
): { organization: string; attribution: string } {
	const organization = organizationName(lookups.organizations, s.speaker.organization_id);
	const publisher = lookups.sources.get(s.source_id)?.publisher;
	return { organization, attribution: attributionText(s, publisher, organization) };
}

function byDateThenId<T extends { id: string }>(date: (t: T) => string) {
	return (a: T, b: T) =>
		date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const byStatementDate = byDateThenId<Statement>((s) => s.said_on);

const NONE: Statement[] = [];

/**
 * The statements about an incident, linked from either side (`statement_ids` or the statement's
 * `incident_ids`), oldest first. Called once per exported incident, so it avoids allocating
 * where it can: most incidents have none or one.
 */
export function linkedStatements(feature: IncidentFeature, lookups: ExportLookups): Statement[] {
	const fromStatements = lookups.statementsByIncident.get(feature.properties.id) ?? NONE;
	const ids = feature.properties.statement_ids;
	if (ids.length === 0) return fromStatements.slice();
	const found = fromStatements.slice();
	let added = false;
	for (const id of ids) {
		const s = lookups.statements.get(id);
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
	statements: Statement[],
	lookups: ExportLookups
): Source[] {
	const ids: string[] = [];
	for (const id of feature.properties.source_ids) if (!ids.includes(id)) ids.push(id);
	for (const c of feature.properties.claims) if (!ids.includes(c.source_id)) ids.push(c.source_id);
	for (const s of statements) if (!ids.includes(s.source_id)) ids.push(s.source_id);
	const found: Source[] = [];
	for (const id of ids) {
		const s = lookups.sources.get(id);
		if (s) found.push(s);
	}
	return found;
}

export function linkedPlaces(feature: IncidentFeature, lookups: ExportLookups): PlaceFeature[] {
	const found: PlaceFeature[] = [];
	for (const id of feature.properties.place_ids) {
		const p = lookups.places.get(id);
		if (p) found.push(p);
	}
	return found;
}

/**
 * The statements about any of the features, each once, oldest first: what `statements.csv` and
 * `/api/statements.json` hold for a selection.
 */
export function statementsOf(features: IncidentFeature[], lookups: ExportLookups): Statement[] {
	const found = new Set<Statement>();
	for (const f of features) for (const s of linkedStatements(f, lookups)) found.add(s);
	return [...found].sort(byStatementDate);
}

/**
 * `ctx` with only the statements, sources and places that `features` refer to: every export of
 * `features` comes out the same, but a one-incident request to the export worker carries a few
 * records instead of the whole dataset's.
 */
export function contextFor<C extends Pick<ExportContext, 'statements' | 'sources' | 'places'>>(
	features: readonly IncidentFeature[],
	ctx: C
): C {
	const incidentIds = new Set<string>();
	const statementIds = new Set<string>();
	const sourceIds = new Set<string>();
	const placeIds = new Set<string>();
	for (const f of features) {
		const p = f.properties;
		incidentIds.add(p.id);
		for (const id of p.statement_ids) statementIds.add(id);
		for (const id of p.source_ids) sourceIds.add(id);
		for (const c of p.claims) sourceIds.add(c.source_id);
		for (const id of p.place_ids) placeIds.add(id);
	}
	const statements = ctx.statements.filter(
		(s) => statementIds.has(s.id) || s.incident_ids.some((id) => incidentIds.has(id))
	);
	for (const s of statements) sourceIds.add(s.source_id);
	return {
		...ctx,
		statements,
		sources: ctx.sources.filter((s) => sourceIds.has(s.id)),
		places: ctx.places.filter((p) => placeIds.has(p.properties.id))
	};
}
