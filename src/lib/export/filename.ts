import type { IncidentQuery } from '../atlas/query';
import { normalise } from '../geo/search';

function slug(text: string, max = 40): string {
	return normalise(text)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+/, '')
		.slice(0, max)
		.replace(/-+$/, '');
}

/**
 * A download name that says what the file holds: `incident-atlas_2016-04-01_2016-04-05_battles.geojson`,
 * `incident-atlas_all.geojson`, `incident-atlas_from-2020-01-01_statements.csv`. Parts, in order:
 * the time window, the types, the actors, the search words, `bbox` when one applies, then `what`
 * (e.g. "statements", or an incident id). Only `a-z 0-9 - _ .` appear in it.
 */
export function exportFileName(
	filter: IncidentQuery,
	format: 'geojson' | 'csv' | 'kml',
	what?: string
): string {
	const parts: string[] = [];
	const from = filter.from ? slug(filter.from) : '';
	const to = filter.to ? slug(filter.to) : '';
	if (from && to) parts.push(`${from}_${to}`);
	else if (from) parts.push(`from-${from}`);
	else if (to) parts.push(`to-${to}`);
	const types = (filter.types ?? []).map((t) => slug(t)).filter(Boolean);
	if (types.length) parts.push(types.join('-'));
	if (filter.actors?.length) {
		const one = filter.actors.length === 1 ? slug(filter.actors[0]) : '';
		parts.push(one || `${filter.actors.length}-actors`);
	}
	const q = filter.q ? slug(filter.q) : '';
	if (q) parts.push(`q-${q}`);
	if (filter.bbox) parts.push('bbox');
	const whatSlug = what ? slug(what, 80) : '';
	if (whatSlug) parts.push(whatSlug);
	const name = ['incident-atlas', ...(parts.length ? parts : ['all'])].join('_');
	return `${name.slice(0, 150).replace(/[-_]+$/, '')}.${format}`;
}
