/**
 * The collections of the editing API (`/api/<collection>`) and the record kind each one stores
 * (the kinds of `dataset_records.ts`). Organisations and `meta` are not edited through the API.
 */
export const COLLECTIONS = {
	incidents: 'incident',
	sources: 'source',
	statements: 'statement',
	places: 'place',
	layers: 'layer'
} as const;

export type Collection = keyof typeof COLLECTIONS;
export type EditableKind = (typeof COLLECTIONS)[Collection];

export function isCollection(name: string): name is Collection {
	return Object.hasOwn(COLLECTIONS, name);
}

/** `incidents` → `incident`. */
export function kindOfCollection(collection: Collection): EditableKind {
	return COLLECTIONS[collection];
}

/** `incident` → `incidents`; `undefined` for a kind the API does not edit (`meta`, `organization`). */
export function collectionOfKind(kind: string): Collection | undefined {
	return (Object.keys(COLLECTIONS) as Collection[]).find((c) => COLLECTIONS[c] === kind);
}
