import { error } from '@sveltejs/kit';
import type { Dataset, IncidentFeature, Statement } from '$lib/data/schema';
import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { getBasemapFile, getDataset, getStore } from '$lib/server/dataset';
import { correctionsOf } from '$lib/server/db/corrections';
import { parseUrlState, serialiseUrlState } from '$lib/state/url_state';
import { buildLocator, type LocatorArea } from './locator';
import type { PageServerLoad } from './$types';

/** Look-ups built once per dataset (the server holds one, read-only). */
const lookups = new WeakMap<
	Dataset,
	{ byId: Map<string, IncidentFeature>; statementsBySource: Map<string, Statement[]> }
>();

function lookupsOf(dataset: Dataset) {
	let found = lookups.get(dataset);
	if (!found) {
		const statementsBySource = new Map<string, Statement[]>();
		for (const s of dataset.statements) {
			const list = statementsBySource.get(s.source_id);
			if (list) list.push(s);
			else statementsBySource.set(s.source_id, [s]);
		}
		found = { byId: new Map(dataset.incidents.features.map((f) => [f.id, f])), statementsBySource };
		lookups.set(dataset, found);
	}
	return found;
}

let countriesCache: { text: string; areas: LocatorArea[] } | null = null;

/** The basemap countries, parsed once; none where the basemap has not been generated. */
function countries(): LocatorArea[] {
	const text = getBasemapFile('countries.geojson');
	if (!text) return [];
	if (countriesCache?.text !== text) {
		const fc = JSON.parse(text) as {
			features: { properties?: { name?: string }; geometry: LocatorArea['geometry'] | null }[];
		};
		const areas = fc.features
			.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')
			.map((f) => ({ name: f.properties?.name ?? '', geometry: f.geometry! }));
		countriesCache = { text, areas };
	}
	return countriesCache.areas;
}

const byDate = (a: Statement, b: Statement) =>
	a.said_on.localeCompare(b.said_on) || a.id.localeCompare(b.id);

export const load: PageServerLoad = async ({ params, url }) => {
	const dataset = getDataset();
	const { byId, statementsBySource } = lookupsOf(dataset);
	const incident = byId.get(params.id);
	const langParam = url.searchParams.get('lang');
	const lang = isLang(langParam) ? langParam : DEFAULT_LANG;
	const corrections = await correctionsOf(getStore().db, 'incident', params.id);
	if (!incident) {
		// A retracted incident keeps its permalink: it says when and why it was withdrawn.
		if (corrections.retracted) {
			error(410, {
				message: `Retracted on ${corrections.retracted.at.slice(0, 10)}: ${corrections.retracted.reason}`,
				retraction: { ...corrections.retracted, lang }
			});
		}
		error(404, `No incident with id "${params.id}"`);
	}
	const p = incident.properties;
	// The dashboard's state (query, layers, view) as the link here carried it, for the way back.
	const mapQuery = serialiseUrlState({
		...parseUrlState(url.searchParams),
		sel: incident.id,
		lang
	});

	const linked = new Set<Statement>();
	for (const s of dataset.statements) {
		if (s.incident_ids.includes(incident.id) || p.statement_ids.includes(s.id)) linked.add(s);
	}
	const related = new Set<Statement>();
	for (const id of p.source_ids) {
		for (const s of statementsBySource.get(id) ?? []) if (!linked.has(s)) related.add(s);
	}
	const sourceIds = new Set([
		...p.source_ids,
		...p.claims.map((c) => c.source_id),
		...[...linked, ...related].map((s) => s.source_id)
	]);
	const nkao = dataset.layers['nkao-1923-1991']?.features[0];
	const locator = buildLocator({
		focus: incident.geometry,
		uncertaintyM: p.uncertainty_m,
		countries: countries(),
		outline: nkao
			? {
					name: nkao.properties.name,
					geometry: nkao.geometry as LocatorArea['geometry']
				}
			: null,
		width: 320,
		height: 220
	});
	return {
		lang,
		updatedAt: corrections.updatedAt,
		mapQuery,
		incident,
		places: p.place_ids
			.map((id) => dataset.places.features.find((f) => f.properties.id === id))
			.filter((f) => f !== undefined),
		statements: [...linked].sort(byDate),
		related: [...related].sort(byDate),
		sources: dataset.sources.filter((s) => sourceIds.has(s.id)),
		organizations: dataset.organizations.filter((o) =>
			[...linked, ...related].some((s) => s.speaker.organization_id === o.id)
		),
		incidentSources: p.source_ids,
		locator,
		meta: dataset.meta
	};
};
