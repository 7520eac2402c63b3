import { error } from '@sveltejs/kit';
import {
	byStatementDate,
	linkedPlaces,
	linkedStatements,
	linksOf,
	relatedStatements
} from '$lib/atlas/links';
import { DEFAULT_LANG, isLang } from '$lib/i18n';
import { getBasemapFile, getDataset, getStore } from '$lib/server/dataset';
import { correctionsOf } from '$lib/server/db/corrections';
import { parseUrlState, serialiseUrlState } from '$lib/state/url_state';
import { buildLocator, regionOutline, type LocatorArea } from './locator';
import type { PageServerLoad } from './$types';

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

export const load: PageServerLoad = async ({ params, url }) => {
	const dataset = getDataset();
	const links = linksOf(dataset);
	const incident = links.incidents.get(params.id);
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
		...parseUrlState(url.searchParams, { layers: Object.keys(dataset.layers) }),
		sel: incident.id,
		lang
	});

	const linked = linkedStatements(incident, links);
	const related = relatedStatements(incident, linked, links).sort(byStatementDate);
	const sourceIds = new Set([
		...p.source_ids,
		...p.claims.map((c) => c.source_id),
		...[...linked, ...related].map((s) => s.source_id)
	]);
	const locator = buildLocator({
		focus: incident.geometry,
		uncertaintyM: p.uncertainty_m,
		countries: countries(),
		outline: regionOutline(dataset),
		width: 320,
		height: 220
	});
	return {
		lang,
		updatedAt: corrections.updatedAt,
		mapQuery,
		incident,
		places: linkedPlaces(incident, links),
		statements: linked,
		related,
		sources: dataset.sources.filter((s) => sourceIds.has(s.id)),
		organizations: dataset.organizations.filter(
			(o) =>
				p.actors.includes(o.id) ||
				[...linked, ...related].some((s) => s.speaker.organization_id === o.id)
		),
		incidentSources: p.source_ids,
		locator,
		meta: dataset.meta
	};
};
