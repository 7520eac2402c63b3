import type { CollectionIndex, OgcIndex } from './collections';
import { CRS84, GREGORIAN } from './collections';
import { openApiDocument } from './openapi';
import { selectItems } from './select';
import { featureSlices } from './feature_store';
import { parseItemsQuery } from './params';
import {
	GEOJSON_TYPE,
	JSON_TYPE,
	OPENAPI_TYPE,
	badRequest,
	errorResponse,
	bytesResponse,
	jsonResponse,
	notFound,
	textResponse,
	type HttpResponse
} from './response';

export const CONFORMANCE = [
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30'
];

export interface OgcRequest {
	url: URL;
	/** The request's Accept header, if any. */
	accept?: string | null;
}

interface Link {
	href: string;
	rel: string;
	type: string;
	title?: string;
}

type Kind = 'json' | 'geojson' | 'openapi';

const ACCEPTED: Record<Kind, string[]> = {
	json: ['application/json'],
	geojson: ['application/geo+json', 'application/json'],
	openapi: ['application/vnd.oai.openapi+json', 'application/json']
};

/**
 * Content negotiation: `f=json` (or `f=geojson` for features) wins; otherwise the Accept header
 * must admit JSON (`*\/*`, `application/*`, a listed type or any `+json` type). Only JSON is served,
 * so the answer is either "go on" (null) or an error response.
 */
function negotiate(request: OgcRequest, kind: Kind): HttpResponse | null {
	const fs = request.url.searchParams.getAll('f');
	if (fs.length > 1) return badRequest('Parameter "f" must be given once');
	const f = fs[0];
	if (f !== undefined && f !== '') {
		const allowed = kind === 'geojson' ? ['json', 'geojson'] : ['json'];
		if (!allowed.includes(f.toLowerCase())) {
			return badRequest(
				`Parameter "f" must be ${allowed.map((a) => `"${a}"`).join(' or ')}; only JSON is served (got ${JSON.stringify(f.slice(0, 40))})`
			);
		}
		return null;
	}
	const accept = request.accept?.trim();
	if (!accept) return null;
	for (const range of accept.split(',')) {
		const [media, ...params] = range.split(';').map((s) => s.trim().toLowerCase());
		const q = params.find((p) => p.startsWith('q='));
		if (q && Number(q.slice(2)) === 0) continue;
		if (
			media === '*/*' ||
			media === 'application/*' ||
			media.endsWith('+json') ||
			ACCEPTED[kind].includes(media)
		) {
			return null;
		}
	}
	return errorResponse(
		406,
		'NotAcceptable',
		`Only ${ACCEPTED[kind][0]} is served here; the Accept header ${JSON.stringify(accept.slice(0, 80))} does not admit it (or use f=json)`
	);
}

function collectionDocument(c: CollectionIndex, base: string): Record<string, unknown> {
	const href = `${base}/collections/${encodeURIComponent(c.id)}`;
	const extent: Record<string, unknown> = {};
	if (c.extent.bbox) extent.spatial = { bbox: [c.extent.bbox], crs: CRS84 };
	if (c.extent.interval) extent.temporal = { interval: [c.extent.interval], trs: GREGORIAN };
	return {
		id: c.id,
		title: c.title,
		description: c.description,
		links: [
			{ href, rel: 'self', type: JSON_TYPE, title: 'This collection' },
			{ href: `${href}/items`, rel: 'items', type: GEOJSON_TYPE, title: `${c.title} as GeoJSON` }
		] satisfies Link[],
		extent,
		itemType: 'feature',
		crs: [CRS84]
	};
}

const FEATURE_COLLECTION_HEAD = Buffer.from('{"type":"FeatureCollection","features":[');

function itemsResponse(
	c: CollectionIndex,
	request: OgcRequest,
	base: string,
	now: string
): HttpResponse {
	const parsed = parseItemsQuery(request.url.searchParams, c.id === 'incidents');
	if (!parsed.ok) return badRequest(parsed.description);
	const q = parsed.value;
	const { matched, page } = selectItems(c, q);
	const itemsHref = `${base}/collections/${encodeURIComponent(c.id)}/items`;
	const withOffset = (offset: number) => {
		const params = new URLSearchParams(request.url.searchParams);
		params.set('limit', String(q.limit));
		params.set('offset', String(offset));
		return `${itemsHref}?${params}`;
	};
	const self = request.url.search ? `${itemsHref}${request.url.search}` : itemsHref;
	const links: Link[] = [
		{ href: self, rel: 'self', type: GEOJSON_TYPE, title: 'This page' },
		{
			href: `${base}/collections/${encodeURIComponent(c.id)}`,
			rel: 'collection',
			type: JSON_TYPE,
			title: c.title
		}
	];
	if (q.offset + page.length < matched) {
		links.push({
			href: withOffset(q.offset + q.limit),
			rel: 'next',
			type: GEOJSON_TYPE,
			title: 'Next page'
		});
	}
	if (q.offset > 0) {
		links.push({
			href: withOffset(Math.max(0, q.offset - q.limit)),
			rel: 'prev',
			type: GEOJSON_TYPE,
			title: 'Previous page'
		});
	}
	const tail = Buffer.from(
		`],"links":${JSON.stringify(links)},"numberMatched":${matched},` +
			`"numberReturned":${page.length},"timeStamp":${JSON.stringify(now)}}`
	);
	const parts = [FEATURE_COLLECTION_HEAD, ...featureSlices(c.features, page), tail];
	return bytesResponse(200, GEOJSON_TYPE, parts);
}

function featureResponse(c: CollectionIndex, featureId: string, base: string): HttpResponse {
	const i = c.position.get(featureId);
	if (i === undefined) {
		return notFound(
			`Collection "${c.id}" has no feature ${JSON.stringify(featureId.slice(0, 120))}`
		);
	}
	const collectionHref = `${base}/collections/${encodeURIComponent(c.id)}`;
	const links: Link[] = [
		{
			href: `${collectionHref}/items/${encodeURIComponent(featureId)}`,
			rel: 'self',
			type: GEOJSON_TYPE,
			title: 'This feature'
		},
		{ href: collectionHref, rel: 'collection', type: JSON_TYPE, title: c.title }
	];
	const json = c.featureJSON(i);
	return textResponse(200, GEOJSON_TYPE, `${json.slice(0, -1)},"links":${JSON.stringify(links)}}`);
}

function segmentsOf(pathname: string, basePath: string): string[] | null {
	if (pathname !== basePath && !pathname.startsWith(basePath + '/')) return null;
	const rest = pathname.slice(basePath.length).split('/').filter(Boolean);
	try {
		return rest.map((s) => decodeURIComponent(s));
	} catch {
		return null;
	}
}

/**
 * Answers one GET request to the OGC API – Features endpoint mounted at `basePath`: landing page,
 * `/api` (OpenAPI 3.0), `/conformance`, `/collections`, `/collections/{id}`,
 * `/collections/{id}/items` and `/collections/{id}/items/{featureId}`. Pure: the request, the
 * prepared index and the current time in, a response out. Every failure is a JSON
 * `{ code, description }` with 400, 404 or 406.
 */
export function handleOgcRequest(
	request: OgcRequest,
	index: OgcIndex,
	now: string,
	basePath = '/ogc'
): HttpResponse {
	const base = `${request.url.origin}${basePath}`;
	const segments = segmentsOf(request.url.pathname, basePath);
	if (!segments) return notFound(`No such resource: ${request.url.pathname.slice(0, 200)}`);
	const [first, id, third, featureId, ...extra] = segments;

	if (first === undefined) {
		const refused = negotiate(request, 'json');
		if (refused) return refused;
		return jsonResponse(200, {
			title: `${index.datasetName} — OGC API – Features`,
			description:
				'Conflict incidents in and around Nagorno-Karabakh, with sourced statements, places and region layers. Casualty figures are claims, attributed to their claimant.',
			links: [
				{ href: base, rel: 'self', type: JSON_TYPE, title: 'This document' },
				{
					href: `${base}/api`,
					rel: 'service-desc',
					type: OPENAPI_TYPE,
					title: 'The API definition (OpenAPI 3.0)'
				},
				{
					href: `${base}/conformance`,
					rel: 'conformance',
					type: JSON_TYPE,
					title: 'Conformance classes'
				},
				{ href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'The collections' }
			] satisfies Link[]
		});
	}
	if (first === 'api' && id === undefined) {
		const refused = negotiate(request, 'openapi');
		if (refused) return refused;
		return jsonResponse(200, openApiDocument(base, index), OPENAPI_TYPE);
	}
	if (first === 'conformance' && id === undefined) {
		const refused = negotiate(request, 'json');
		if (refused) return refused;
		return jsonResponse(200, { conformsTo: CONFORMANCE });
	}
	if (first !== 'collections' || extra.length > 0) {
		return notFound(`No such resource: ${request.url.pathname.slice(0, 200)}`);
	}
	if (id === undefined) {
		const refused = negotiate(request, 'json');
		if (refused) return refused;
		return jsonResponse(200, {
			links: [
				{ href: `${base}/collections`, rel: 'self', type: JSON_TYPE, title: 'This document' }
			] satisfies Link[],
			collections: index.collections.map((c) => collectionDocument(c, base))
		});
	}
	const collection = index.byId.get(id);
	if (!collection) {
		return notFound(
			`No collection ${JSON.stringify(id.slice(0, 120))}; the collections are ${index.collections.map((c) => c.id).join(', ')}`
		);
	}
	if (third === undefined) {
		const refused = negotiate(request, 'json');
		if (refused) return refused;
		return jsonResponse(200, collectionDocument(collection, base));
	}
	if (third !== 'items') return notFound(`No such resource: ${request.url.pathname.slice(0, 200)}`);
	const refused = negotiate(request, 'geojson');
	if (refused) return refused;
	if (featureId === undefined) return itemsResponse(collection, request, base, now);
	return featureResponse(collection, featureId, base);
}
