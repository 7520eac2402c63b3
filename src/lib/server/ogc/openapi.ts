import { EVENT_TYPES } from '$lib/data/vocabulary';
import type { OgcIndex } from './collections';
import { LIMIT_DEFAULT, LIMIT_MAX } from './params';

const ERROR = {
	description: 'A bad parameter (400), an unknown collection or feature (404).',
	content: {
		'application/json': { schema: { $ref: '#/components/schemas/exception' } }
	}
};

function jsonOk(description: string, schema: unknown, type = 'application/json') {
	return { description, content: { [type]: { schema } } };
}

const link = {
	type: 'object',
	required: ['href', 'rel'],
	properties: {
		href: { type: 'string' },
		rel: { type: 'string' },
		type: { type: 'string' },
		title: { type: 'string' }
	}
};

/** The OpenAPI 3.0 description of the OGC API served under `base` (e.g. `http://host/ogc`). */
export function openApiDocument(base: string, index: OgcIndex): Record<string, unknown> {
	const collectionIds = index.collections.map((c) => c.id);
	const f = {
		name: 'f',
		in: 'query',
		required: false,
		description: 'Output format; JSON is the only one served.',
		schema: { type: 'string', enum: ['json'] }
	};
	const collectionId = {
		name: 'collectionId',
		in: 'path',
		required: true,
		schema: { type: 'string', enum: collectionIds }
	};
	return {
		openapi: '3.0.3',
		info: {
			title: `${index.datasetName} — OGC API – Features`,
			version: index.datasetVersion,
			description:
				'Incidents, places and region layers of Incident Atlas as OGC API – Features Part 1 (Core, GeoJSON, OpenAPI 3.0). Casualty figures are claims, attributed to their claimant.'
		},
		servers: [{ url: base }],
		paths: {
			'/': {
				get: {
					operationId: 'getLandingPage',
					summary: 'Landing page',
					parameters: [f],
					responses: { '200': jsonOk('Links to the API', { type: 'object' }), '400': ERROR }
				}
			},
			'/api': {
				get: {
					operationId: 'getApiDescription',
					summary: 'This document',
					responses: {
						'200': jsonOk(
							'The OpenAPI document',
							{ type: 'object' },
							'application/vnd.oai.openapi+json;version=3.0'
						)
					}
				}
			},
			'/conformance': {
				get: {
					operationId: 'getConformanceDeclaration',
					summary: 'Conformance classes implemented',
					parameters: [f],
					responses: {
						'200': jsonOk('Conformance classes', {
							type: 'object',
							properties: { conformsTo: { type: 'array', items: { type: 'string' } } }
						}),
						'400': ERROR
					}
				}
			},
			'/collections': {
				get: {
					operationId: 'getCollections',
					summary: 'The feature collections',
					parameters: [f],
					responses: { '200': jsonOk('Collections', { type: 'object' }), '400': ERROR }
				}
			},
			'/collections/{collectionId}': {
				get: {
					operationId: 'describeCollection',
					summary: 'One collection, with its spatial and temporal extent',
					parameters: [collectionId, f],
					responses: {
						'200': jsonOk('Collection', { type: 'object' }),
						'400': ERROR,
						'404': ERROR
					}
				}
			},
			'/collections/{collectionId}/items': {
				get: {
					operationId: 'getFeatures',
					summary: 'Features of a collection, filtered and paged',
					parameters: [
						collectionId,
						{
							name: 'limit',
							in: 'query',
							required: false,
							style: 'form',
							explode: false,
							schema: {
								type: 'integer',
								minimum: 1,
								maximum: LIMIT_MAX,
								default: LIMIT_DEFAULT
							}
						},
						{
							name: 'offset',
							in: 'query',
							required: false,
							description: 'Features to skip (the `next` and `prev` links carry it).',
							schema: { type: 'integer', minimum: 0, default: 0 }
						},
						{
							name: 'bbox',
							in: 'query',
							required: false,
							style: 'form',
							explode: false,
							description:
								'minLon,minLat,maxLon,maxLat in CRS84 (6 numbers with heights are accepted, heights ignored).',
							schema: {
								type: 'array',
								minItems: 4,
								maxItems: 6,
								items: { type: 'number' }
							}
						},
						{
							name: 'datetime',
							in: 'query',
							required: false,
							style: 'form',
							explode: false,
							description:
								'An RFC 3339 date or date-time, or an interval start/end with ".." for an open end. Features without time (places) never match.',
							schema: { type: 'string' }
						},
						...(['from', 'to'] as const).map((name) => ({
							name,
							in: 'query',
							required: false,
							description: `An ISO date: features whose days ${name === 'from' ? 'end on or after' : 'start on or before'} it (as on /api and the dashboard); applied together with datetime.`,
							schema: { type: 'string', format: 'date' }
						})),
						{
							name: 'type',
							in: 'query',
							required: false,
							description: 'Incidents only: ACLED event types, repeated or comma-separated.',
							schema: { type: 'array', items: { type: 'string', enum: [...EVENT_TYPES] } },
							style: 'form',
							explode: true
						},
						{
							name: 'actor',
							in: 'query',
							required: false,
							description:
								'Incidents only: actors (any of), each an organisation id or one of its names in any language, or a free-text actor as written; repeated or as a comma list (a comma followed by a space stays inside a name).',
							schema: { type: 'array', items: { type: 'string' } },
							style: 'form',
							explode: true
						},
						{
							name: 'q',
							in: 'query',
							required: false,
							description:
								'Incidents only: words that must all occur in the incident, its places (every spelling) or its statements; case and diacritics ignored.',
							schema: { type: 'string', maxLength: 500 }
						},
						f
					],
					responses: {
						'200': jsonOk(
							'A page of features',
							{ $ref: '#/components/schemas/featureCollectionGeoJSON' },
							'application/geo+json'
						),
						'400': ERROR,
						'404': ERROR
					}
				}
			},
			'/collections/{collectionId}/items/{featureId}': {
				get: {
					operationId: 'getFeature',
					summary: 'One feature',
					parameters: [
						collectionId,
						{ name: 'featureId', in: 'path', required: true, schema: { type: 'string' } },
						f
					],
					responses: {
						'200': jsonOk('The feature', { type: 'object' }, 'application/geo+json'),
						'400': ERROR,
						'404': ERROR
					}
				}
			}
		},
		components: {
			schemas: {
				exception: {
					type: 'object',
					required: ['code'],
					properties: { code: { type: 'string' }, description: { type: 'string' } }
				},
				link,
				featureCollectionGeoJSON: {
					type: 'object',
					required: ['type', 'features'],
					properties: {
						type: { type: 'string', enum: ['FeatureCollection'] },
						features: { type: 'array', items: { type: 'object' } },
						links: { type: 'array', items: { $ref: '#/components/schemas/link' } },
						timeStamp: { type: 'string', format: 'date-time' },
						numberMatched: { type: 'integer', minimum: 0 },
						numberReturned: { type: 'integer', minimum: 0 }
					}
				}
			}
		}
	};
}
