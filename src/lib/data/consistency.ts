import type { Geometry } from 'geojson';
import { outsideMessage, outsidePositions, type Bounds } from './extent';
import { checkGeometry } from './geometry_checks';
import { actorProblem } from '../atlas/actors';
import type {
	FeatureCollectionOf,
	IncidentFeature,
	LayerCollection,
	LayerFeature,
	LayerId,
	Meta,
	Organization,
	PlaceFeature,
	Source,
	Statement
} from './schema';
import {
	LAYER_ID_PATTERN,
	LAYER_KIND_GEOMETRIES,
	LAYER_STYLES,
	LAYER_STYLE_KIND,
	type LayerKind
} from './vocabulary';

/** Collects error lines for one file: `file: entry: field message`. */
export class FileErrors {
	constructor(
		readonly file: string,
		private readonly out: string[]
	) {}

	/** `entry` names the item (`features[3] (2016-04-02-mi24)`); `field` may be empty. */
	add(entry: string, field: string, message: string): void {
		this.out.push(
			[this.file, entry, field ? `${field} ${message}` : message].filter(Boolean).join(': ')
		);
	}
}

const featureEntry = (i: number, id: string | undefined) => `features[${i}]${id ? ` (${id})` : ''}`;
const itemEntry = (i: number, id: string | undefined) => `[${i}]${id ? ` (${id})` : ''}`;

function reportDuplicates(
	ids: (string | undefined)[],
	entry: (i: number) => string,
	errors: FileErrors
) {
	const first = new Map<string, number>();
	ids.forEach((id, i) => {
		if (id === undefined) return;
		const seen = first.get(id);
		if (seen === undefined) first.set(id, i);
		else errors.add(entry(i), 'id', `"${id}" is a duplicate (first used at index ${seen})`);
	});
}

function checkFeatureIds(
	features: { id?: string | number; properties: { id: string } }[],
	errors: FileErrors,
	topLevelRequired: boolean
) {
	features.forEach((f, i) => {
		if (f.id === undefined) {
			if (topLevelRequired)
				errors.add(
					featureEntry(i, f.properties.id),
					'id',
					'is missing at the top level of the feature'
				);
		} else if (f.id !== f.properties.id) {
			errors.add(
				featureEntry(i, f.properties.id),
				'id',
				`"${f.id}" differs from properties.id "${f.properties.id}"`
			);
		}
	});
	reportDuplicates(
		features.map((f) => f.properties.id),
		(i) => featureEntry(i, features[i].properties.id),
		errors
	);
}

function checkGeometries(
	features: { geometry: Geometry; properties: { id: string } }[],
	errors: FileErrors,
	lines: boolean
) {
	const options = { lines };
	features.forEach((f, i) => {
		for (const issue of checkGeometry(f.geometry, options)) {
			errors.add(featureEntry(i, f.properties.id), `geometry.${issue.path}`, issue.message);
		}
	});
}

export function checkPlaces(places: FeatureCollectionOf<PlaceFeature>, errors: FileErrors): void {
	checkFeatureIds(places.features, errors, false);
}

export function checkIncidents(
	incidents: FeatureCollectionOf<IncidentFeature>,
	errors: FileErrors
): void {
	checkFeatureIds(incidents.features, errors, true);
	checkGeometries(
		incidents.features as { geometry: Geometry; properties: { id: string } }[],
		errors,
		false
	);
	incidents.features.forEach((f, i) => {
		const p = f.properties;
		if (p.date_end !== undefined && p.date_end < p.date) {
			errors.add(featureEntry(i, p.id), 'date_end', `${p.date_end} is before date ${p.date}`);
		}
	});
}

/**
 * Every incident's title and summary in each of the dataset's languages (`meta.languages`; English
 * is required by the schema itself). This is what keeps an imported draft, which arrives in English
 * only, from being published before a reviewer adds its translation.
 */
export function checkIncidentLanguages(
	incidents: FeatureCollectionOf<IncidentFeature>,
	languages: readonly string[],
	errors: FileErrors
): void {
	incidents.features.forEach((f, i) => {
		const p = f.properties;
		for (const field of ['title', 'summary'] as const) {
			for (const lang of languages) {
				if (!Object.hasOwn(p[field], lang))
					errors.add(featureEntry(i, p.id), `${field}.${lang}`, 'is missing');
			}
		}
	});
}

/** The style classes that suit a kind of layer. */
export const stylesFor = (kind: LayerKind) =>
	LAYER_STYLES.filter((s) => LAYER_STYLE_KIND[s] === kind);

/**
 * One layer file: its declaration (`layer`: the id is the file's name, the style suits the kind,
 * the dates are in order) and its features (ids, geometry of the declared kind, valid RFC 7946
 * geometry, dates in order and within the layer's declared validity). `fileId` is the file's
 * base name.
 */
export function checkLayer(fileId: LayerId, layer: LayerCollection, errors: FileErrors): void {
	const d = layer.layer;
	if (!LAYER_ID_PATTERN.test(fileId)) {
		errors.add(
			'',
			'',
			`file name "${fileId}" is not a layer id: lower-case letters and digits joined by hyphens, e.g. "line-of-contact-1994-2020"`
		);
	}
	if (d.id !== fileId) {
		errors.add(
			'',
			'layer.id',
			`"${d.id}" differs from the file name: layer "${d.id}" must be in layers/${d.id}.geojson`
		);
	}
	if (LAYER_STYLE_KIND[d.style] !== d.kind) {
		errors.add(
			'',
			'layer.style',
			`"${d.style}" does not suit a layer of kind "${d.kind}" (allowed: ${stylesFor(d.kind).join(', ')})`
		);
	}
	const declaredInOrder = d.valid_to === null || d.valid_to >= d.valid_from;
	if (!declaredInOrder) {
		errors.add('', 'layer.valid_to', `${d.valid_to} is before layer.valid_from ${d.valid_from}`);
	}
	checkFeatureIds(layer.features, errors, false);
	const allowed = LAYER_KIND_GEOMETRIES[d.kind] as readonly Geometry['type'][];
	layer.features.forEach((f, i) => {
		const p = f.properties;
		if (!allowed.includes(f.geometry.type)) {
			errors.add(
				featureEntry(i, p.id),
				'geometry.type',
				`${f.geometry.type} is not allowed in this layer (expected ${allowed.join(' or ')})`
			);
		}
		if (p.valid_to !== null && p.valid_to < p.valid_from) {
			errors.add(
				featureEntry(i, p.id),
				'valid_to',
				`${p.valid_to} is before valid_from ${p.valid_from}`
			);
		}
		if (declaredInOrder) checkWithinLayer(d, p, featureEntry(i, p.id), errors);
	});
	checkGeometries(layer.features, errors, true);
}

/**
 * A layer feature's own dates lie within its layer's declared validity: it starts no earlier than
 * `layer.valid_from`, and a layer that ends (`layer.valid_to`) holds no feature that ends later or
 * never (`valid_to: null`). The two checks cover every way out (given dates in order, which are
 * checked apart): a feature starting after the layer ends also ends after it, or is out of order.
 */
function checkWithinLayer(
	d: LayerCollection['layer'],
	p: { valid_from: string; valid_to: string | null },
	entry: string,
	errors: FileErrors
): void {
	if (p.valid_from < d.valid_from) {
		errors.add(
			entry,
			'valid_from',
			`${p.valid_from} is before layer.valid_from ${d.valid_from}: a feature's dates lie within its layer's`
		);
	}
	if (d.valid_to !== null && (p.valid_to === null || p.valid_to > d.valid_to)) {
		errors.add(
			entry,
			'valid_to',
			`${p.valid_to ?? 'null (still valid)'} is after layer.valid_to ${d.valid_to}: a feature's dates lie within its layer's`
		);
	}
}

/**
 * Across layer files: no two declare the same id (each reports the file that declared it
 * first). `files` maps each file's path, as error lines name it, to its declaration.
 */
export function checkLayerIds(declared: { file: string; id: string; errors: FileErrors }[]): void {
	const first = new Map<string, string>();
	for (const { file, id, errors } of declared) {
		const seen = first.get(id);
		if (seen === undefined) first.set(id, file);
		else errors.add('', 'layer.id', `"${id}" is a duplicate (first declared in ${seen})`);
	}
}

/** Every region of `meta.json` that names a layer names a declared one. */
export function checkRegionLayers(meta: Meta, layerIds: readonly LayerId[], errors: FileErrors) {
	(meta.regions ?? []).forEach((r, i) => {
		if (r.layer_id !== undefined && !layerIds.includes(r.layer_id)) {
			errors.add(
				`regions${itemEntry(i, r.id)}`,
				'layer_id',
				`"${r.layer_id}" is not a declared layer (layers: ${layerIds.join(', ') || 'none'})`
			);
		}
	});
}

export function checkStatements(statements: Statement[], errors: FileErrors): void {
	reportDuplicates(
		statements.map((s) => s.id),
		(i) => itemEntry(i, statements[i].id),
		errors
	);
}

export function checkSources(sources: Source[], errors: FileErrors): void {
	reportDuplicates(
		sources.map((s) => s.id),
		(i) => itemEntry(i, sources[i].id),
		errors
	);
}

/** Ids are unique, and an organisation's `state` names an organisation of kind `state`. */
export function checkOrganizations(organizations: Organization[], errors: FileErrors): void {
	reportDuplicates(
		organizations.map((o) => o.id),
		(i) => itemEntry(i, organizations[i].id),
		errors
	);
	const kinds = new Map(organizations.map((o) => [o.id, o.kind]));
	organizations.forEach((o, i) => {
		if (o.state === undefined) return;
		const entry = itemEntry(i, o.id);
		const kind = kinds.get(o.state);
		if (kind === undefined) errors.add(entry, 'state', `"${o.state}" does not exist`);
		else if (kind !== 'state')
			errors.add(entry, 'state', `"${o.state}" is a ${kind}, not an organisation of kind "state"`);
		else if (o.kind === 'state') errors.add(entry, 'state', 'a state belongs to no other state');
	});
}

export interface ReferenceTargets {
	places: FeatureCollectionOf<PlaceFeature>;
	incidents: FeatureCollectionOf<IncidentFeature>;
	statements: Statement[];
	sources: Source[];
	organizations: Organization[];
}

/**
 * Every id an incident or statement refers to must exist in its file; an incident's actor that is
 * shaped like an id must be an organisation's (`actorProblem`), any other is a free-text name.
 */
export function checkReferences(
	data: ReferenceTargets,
	incidentErrors: FileErrors,
	statementErrors: FileErrors
): void {
	const placeIds = new Set(data.places.features.map((f) => f.properties.id));
	const incidentIds = new Set(data.incidents.features.map((f) => f.properties.id));
	const statementIds = new Set(data.statements.map((s) => s.id));
	const sourceIds = new Set(data.sources.map((s) => s.id));
	const organizationIds = new Set(data.organizations.map((o) => o.id));
	// The entry and field of an error line are only spelt out for an error.
	const missing = (errors: FileErrors, entry: () => string, field: string, id: string) =>
		errors.add(entry(), field, `"${id}" does not exist`);
	const eachMissing = (
		errors: FileErrors,
		entry: () => string,
		field: string,
		ids: readonly string[],
		known: Set<string>
	) => {
		for (let j = 0; j < ids.length; j++)
			if (!known.has(ids[j])) missing(errors, entry, `${field}[${j}]`, ids[j]);
	};

	data.incidents.features.forEach((f, i) => {
		const p = f.properties;
		const entry = () => featureEntry(i, p.id);
		p.actors.forEach((actor, j) => {
			const problem = actorProblem(actor, organizationIds);
			if (problem) incidentErrors.add(entry(), `actors[${j}]`, problem);
		});
		eachMissing(incidentErrors, entry, 'place_ids', p.place_ids, placeIds);
		eachMissing(incidentErrors, entry, 'source_ids', p.source_ids, sourceIds);
		eachMissing(incidentErrors, entry, 'statement_ids', p.statement_ids, statementIds);
		p.claims.forEach((claim, j) => {
			if (!sourceIds.has(claim.source_id))
				missing(incidentErrors, entry, `claims[${j}].source_id`, claim.source_id);
			if (claim.statement_id !== undefined && !statementIds.has(claim.statement_id)) {
				missing(incidentErrors, entry, `claims[${j}].statement_id`, claim.statement_id);
			}
		});
	});

	data.statements.forEach((s, i) => {
		const entry = () => itemEntry(i, s.id);
		if (!sourceIds.has(s.source_id)) missing(statementErrors, entry, 'source_id', s.source_id);
		if (!organizationIds.has(s.speaker.organization_id))
			missing(statementErrors, entry, 'speaker.organization_id', s.speaker.organization_id);
		eachMissing(statementErrors, entry, 'incident_ids', s.incident_ids, incidentIds);
	});
}

export interface ExtentTargets {
	places: FeatureCollectionOf<PlaceFeature> | null;
	incidents: FeatureCollectionOf<IncidentFeature> | null;
	layers: Partial<Record<LayerId, FeatureCollectionOf<LayerFeature> | null>>;
}

/**
 * Every position of a place (and its alternative positions), a layer and an incident lies within
 * the extent `meta.json` declares; each feature reports its first position outside.
 */
export function checkExtent(
	bounds: Bounds,
	data: ExtentTargets,
	errors: {
		places: FileErrors;
		incidents: FileErrors;
		layers: (id: LayerId) => FileErrors;
	}
): void {
	const check = (features: { geometry: Geometry; properties: { id: string } }[], out: FileErrors) =>
		features.forEach((f, i) => {
			const found = outsidePositions(f.geometry, bounds);
			if (found)
				out.add(
					featureEntry(i, f.properties.id),
					`geometry.${found.path}`,
					outsideMessage(found, bounds)
				);
		});
	if (data.places) {
		check(data.places.features, errors.places);
		data.places.features.forEach((f, i) => {
			(f.properties.alt_coordinates ?? []).forEach((alt, j) => {
				const found = outsidePositions({ type: 'Point', coordinates: alt.coordinates }, bounds);
				if (found) {
					errors.places.add(
						featureEntry(i, f.properties.id),
						`alt_coordinates[${j}].coordinates`,
						outsideMessage(found, bounds)
					);
				}
			});
		});
	}
	if (data.incidents) {
		check(
			data.incidents.features as { geometry: Geometry; properties: { id: string } }[],
			errors.incidents
		);
	}
	for (const [id, layer] of Object.entries(data.layers) as [
		LayerId,
		FeatureCollectionOf<LayerFeature> | null
	][]) {
		if (layer) check(layer.features, errors.layers(id));
	}
}

/** Basemap polygons follow RFC 7946 like the layers: closed, wound, not self-crossing. */
export function checkBasemap(
	basemap: FeatureCollectionOf<{ geometry: Geometry }>,
	errors: FileErrors
): void {
	basemap.features.forEach((f, i) => {
		for (const issue of checkGeometry(f.geometry)) {
			errors.add(featureEntry(i, undefined), `geometry.${issue.path}`, issue.message);
		}
	});
}
