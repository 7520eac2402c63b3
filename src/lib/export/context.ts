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
import { RecordLinks } from '../atlas/links';

export {
	linkedPlaces,
	linkedSources,
	linkedStatements,
	statementsAboutAll as statementsOf
} from '../atlas/links';

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

/**
 * Look-ups from ids to the records incidents refer to: the domain's {@link RecordLinks}, so an
 * export links statements, sources and places exactly as the dashboard and the incident page do.
 */
export type ExportLookups = RecordLinks;

/** The links of `ctx`'s records, built once per export. */
export function exportLookups(
	ctx: Pick<ExportContext, 'statements' | 'sources' | 'places' | 'organizations'>
): ExportLookups {
	// Only these four: a context may be spread from a whole dataset, whose `incidents` is a collection.
	const { statements, sources, places, organizations } = ctx;
	return new RecordLinks({ statements, sources, places, organizations });
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
