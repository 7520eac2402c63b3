import { z } from 'zod';
import {
	FileErrors,
	checkBasemap,
	checkExtent,
	checkIncidentLanguages,
	checkIncidents,
	checkLayer,
	checkLayerIds,
	checkOrganizations,
	checkRegionLayers,
	checkPlaces,
	checkReferences,
	checkSources,
	checkStatements
} from './consistency';
import { JsonSyntaxError, parseJson } from './json';
import {
	BASEMAP_PATHS,
	DATASET_FILES,
	LAYERS_DIR,
	basemapBorders,
	basemapCountries,
	basemapLabels,
	basemapSettlements,
	basemapWater,
	featureCollection,
	incidentFeature,
	layerCollection,
	layerIdOfPath,
	meta,
	organization,
	placeFeature,
	source,
	statement,
	type Dataset,
	type LayerCollection,
	type LayerId
} from './schema';
import { layerOrder } from './vocabulary';

/**
 * Reads one file of the dataset by its path relative to the dataset directory; `undefined` if
 * missing. `list` names the files of one of its folders (relative to the dataset directory, e.g.
 * `layers/nkao-1923-1991.geojson`): the region layers are whatever files `layers/` holds.
 */
export interface ReadFile {
	(relativePath: string): string | undefined;
	list?: (dir: string) => string[];
}

/** `read` with the folder listing of `listing` (a reader that wraps another keeps its files). */
export function withListing(
	read: (relativePath: string) => string | undefined,
	listing: Pick<ReadFile, 'list'>
): ReadFile {
	return Object.assign((path: string) => read(path), { list: listing.list });
}

/** The layer files of a dataset, sorted: every `layers/*.geojson` its reader lists. */
export function layerPaths(read: ReadFile): string[] {
	return (read.list?.(LAYERS_DIR) ?? []).filter((p) => layerIdOfPath(p) !== undefined).sort();
}

export interface ValidationResult {
	dataset: Dataset | null;
	/** One line each, naming the file, the entry (index and id) and the field. */
	errors: string[];
}

type Path = ReadonlyArray<PropertyKey>;

function formatPath(path: Path): string {
	let out = '';
	for (const key of path) {
		out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
	}
	return out;
}

/** Names an entry: `features[3] (2016-04-02-mi24)`. */
function entryLabel(root: unknown, path: Path): { entry: string; rest: Path } {
	const arrayKey = path[0] === 'features' ? 2 : typeof path[0] === 'number' ? 1 : 0;
	if (arrayKey === 0) return { entry: '', rest: path };
	const items = (
		path[0] === 'features' ? (root as { features?: unknown[] })?.features : root
	) as unknown[];
	const index = path[arrayKey - 1] as number;
	const item = Array.isArray(items)
		? (items[index] as Record<string, unknown> | undefined)
		: undefined;
	const id =
		(item && typeof item.id === 'string' && item.id) ||
		(item?.properties &&
			typeof (item.properties as Record<string, unknown>).id === 'string' &&
			((item.properties as Record<string, unknown>).id as string)) ||
		'';
	const entry = formatPath(path.slice(0, arrayKey)) + (id ? ` (${id})` : '');
	return { entry, rest: path.slice(arrayKey) };
}

/** Zod says "Invalid input: expected string, received undefined" for a missing field. */
function issueMessage(issue: z.core.$ZodIssue): string {
	if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
		return 'is missing';
	return issue.message;
}

/** Formats one error line: `file: entry: field message`. */
export function errorLine(file: string, root: unknown, path: Path, message: string): string {
	const { entry, rest } = entryLabel(root, path);
	const field = formatPath(
		path[0] === 'features' && rest[0] === 'properties' ? rest.slice(1) : rest
	);
	return [file, entry, field ? `${field} ${message}` : message].filter(Boolean).join(': ');
}

function check<T extends z.ZodType>(
	label: string,
	text: string | undefined,
	schema: T,
	errors: string[]
): z.infer<T> | null {
	if (text === undefined) {
		errors.push(`${label}: file is missing`);
		return null;
	}
	let json: unknown;
	try {
		json = parseJson(label, text);
	} catch (error) {
		errors.push(error instanceof JsonSyntaxError ? error.message : `${label}: ${String(error)}`);
		return null;
	}
	const result = schema.safeParse(json);
	if (!result.success) {
		for (const issue of result.error.issues) {
			errors.push(errorLine(label, json, issue.path, issueMessage(issue)));
		}
		return null;
	}
	return result.data;
}

/**
 * The schema of one record of each dataset file: a feature of a `.geojson` file, an entry of a
 * list, or the whole file for those that are one record (`meta`, each layer). A file's schema is
 * made of its record's, and no file's schema checks anything beyond its records (a list's length,
 * say): a file passes exactly when each of its records does, which the store's read relies on.
 */
export const RECORD_SCHEMAS = {
	meta,
	places: placeFeature,
	incidents: incidentFeature,
	statements: statement,
	sources: source,
	organizations: organization,
	layers: layerCollection
} as const satisfies Record<keyof typeof DATASET_FILES | 'layers', z.ZodType>;

const statementsSchema = z.array(RECORD_SCHEMAS.statements);
const sourcesSchema = z.array(RECORD_SCHEMAS.sources);
const organizationsSchema = z.array(RECORD_SCHEMAS.organizations);
const placesSchema = featureCollection(RECORD_SCHEMAS.places);
const incidentsSchema = featureCollection(RECORD_SCHEMAS.incidents);
const basemapSchemas = {
	countries: basemapCountries,
	borders: basemapBorders,
	settlements: basemapSettlements,
	water: basemapWater,
	labels: basemapLabels
} as const;

/** What a validation asks beyond the schema. */
export interface ValidateOptions {
	/**
	 * Whether every incident's title and summary must be in each of `meta.languages` (default
	 * true). A draft may be in English only: the editing API checks drafts with `false`, and the
	 * check comes back when the draft is published (the published dataset is validated with it).
	 */
	requireLanguages?: boolean;
}

/** The files of a dataset as their schemas gave them back; `null` for one missing or invalid. */
interface CheckedFiles {
	meta: z.infer<typeof meta> | null;
	places: z.infer<typeof placesSchema> | null;
	incidents: z.infer<typeof incidentsSchema> | null;
	statements: z.infer<typeof statementsSchema> | null;
	sources: z.infer<typeof sourcesSchema> | null;
	organizations: z.infer<typeof organizationsSchema> | null;
	layers: { path: string; id: LayerId; layer: LayerCollection | null }[];
}

/**
 * Validates a whole dataset: every file against its schema, then the checks across files.
 * Pure: the caller supplies the files, so the CLI, the server and the tests share it.
 * `prefix` is how error lines name the directory (e.g. `geodata/`).
 */
export function validateDataset(
	read: ReadFile,
	prefix = '',
	options: ValidateOptions = {}
): ValidationResult {
	const errors: string[] = [];
	const file = <T extends z.ZodType>(path: string, schema: T) =>
		check(prefix + path, read(path), schema, errors);
	const checked: CheckedFiles = {
		meta: file(DATASET_FILES.meta, meta),
		places: file(DATASET_FILES.places, placesSchema),
		incidents: file(DATASET_FILES.incidents, incidentsSchema),
		statements: file(DATASET_FILES.statements, statementsSchema),
		sources: file(DATASET_FILES.sources, sourcesSchema),
		organizations: file(DATASET_FILES.organizations, organizationsSchema),
		layers: layerPaths(read).map((path) => ({
			path,
			id: layerIdOfPath(path)!,
			layer: file(path, layerCollection) as LayerCollection | null
		}))
	};
	return checkAcrossFiles(checked, read, prefix, options, errors);
}

/**
 * {@link validateDataset} of files already parsed and checked against their schemas: `files`
 * holds, by path, what each file's schema gave back (every file given passed it; a missing one is
 * said as {@link validateDataset} says it). The checks across files and the dataset made of them
 * are then exactly those of {@link validateDataset}. The files are records, never the basemap.
 */
export function validateCheckedDataset(
	files: ReadonlyMap<string, unknown>,
	prefix = '',
	options: ValidateOptions = {}
): ValidationResult {
	const errors: string[] = [];
	const file = <K extends keyof CheckedFiles>(path: string): CheckedFiles[K] | null => {
		if (files.has(path)) return files.get(path) as CheckedFiles[K];
		errors.push(`${prefix}${path}: file is missing`);
		return null;
	};
	const listing: ReadFile = Object.assign(() => undefined, {
		list: (dir: string) => [...files.keys()].filter((p) => p.startsWith(`${dir}/`))
	});
	const checked: CheckedFiles = {
		meta: file<'meta'>(DATASET_FILES.meta),
		places: file<'places'>(DATASET_FILES.places),
		incidents: file<'incidents'>(DATASET_FILES.incidents),
		statements: file<'statements'>(DATASET_FILES.statements),
		sources: file<'sources'>(DATASET_FILES.sources),
		organizations: file<'organizations'>(DATASET_FILES.organizations),
		layers: layerPaths(listing).map((path) => ({
			path,
			id: layerIdOfPath(path)!,
			layer: files.has(path) ? (files.get(path) as LayerCollection) : null
		}))
	};
	return checkAcrossFiles(checked, listing, prefix, options, errors);
}

/** The checks across files of {@link validateDataset}, and the dataset when nothing failed. */
function checkAcrossFiles(
	checked: CheckedFiles,
	read: ReadFile,
	prefix: string,
	{ requireLanguages = true }: ValidateOptions,
	errors: string[]
): ValidationResult {
	const { meta: metaData, places, incidents, statements, sources, organizations } = checked;
	const layerFiles = checked.layers;
	const fileErrors = (path: string) => new FileErrors(prefix + path, errors);
	const incidentErrors = fileErrors(DATASET_FILES.incidents);
	const statementErrors = fileErrors(DATASET_FILES.statements);
	if (places) checkPlaces(places, fileErrors(DATASET_FILES.places));
	if (incidents) checkIncidents(incidents, incidentErrors);
	if (incidents && metaData && requireLanguages)
		checkIncidentLanguages(incidents, metaData.languages ?? [], incidentErrors);
	if (statements) checkStatements(statements, statementErrors);
	if (sources) checkSources(sources, fileErrors(DATASET_FILES.sources));
	if (organizations) checkOrganizations(organizations, fileErrors(DATASET_FILES.organizations));
	for (const { path, id, layer } of layerFiles) if (layer) checkLayer(id, layer, fileErrors(path));
	const declared = layerFiles.flatMap(({ path, layer }) =>
		layer ? [{ file: prefix + path, id: layer.layer.id, errors: fileErrors(path) }] : []
	);
	checkLayerIds(declared);
	if (metaData) {
		// A layer file that failed its schema has been reported; its name still counts as a layer.
		const known = layerFiles.map(({ id, layer }) => (layer ? layer.layer.id : id));
		checkRegionLayers(metaData, [...new Set(known)].sort(), fileErrors(DATASET_FILES.meta));
	}
	const layers: Record<LayerId, LayerCollection | null> = {};
	for (const { id, layer } of layerFiles) layers[id] = layer;
	if (places && incidents && statements && sources && organizations) {
		checkReferences(
			{ places, incidents, statements, sources, organizations },
			incidentErrors,
			statementErrors
		);
	}
	if (metaData) {
		checkExtent(
			metaData.extent,
			{ places, incidents, layers },
			{
				places: fileErrors(DATASET_FILES.places),
				incidents: incidentErrors,
				layers: (id) => fileErrors(`${LAYERS_DIR}/${id}.geojson`)
			}
		);
	}
	errors.push(...validateBasemap(read, prefix));

	if (
		errors.length > 0 ||
		!metaData ||
		!places ||
		!incidents ||
		!statements ||
		!sources ||
		!organizations
	) {
		return { dataset: null, errors };
	}
	const valid = layers as Record<LayerId, LayerCollection>;
	const ordered = Object.fromEntries(layerOrder(valid).map((id) => [id, valid[id]]));
	const dataset = {
		meta: metaData,
		places,
		incidents,
		statements,
		sources,
		organizations,
		layers: ordered
	} as Dataset;
	return { dataset, errors };
}

/**
 * Validates the basemap files that are present (`BASEMAP_PATHS`); one error line each. Part of
 * {@link validateDataset}, and run on its own at every server start, since the basemap is read from
 * files even when the records come from the store.
 */
export function validateBasemap(read: ReadFile, prefix = ''): string[] {
	const errors: string[] = [];
	for (const [name, path] of Object.entries(BASEMAP_PATHS) as [
		keyof typeof basemapSchemas,
		string
	][]) {
		const text = read(path);
		if (text === undefined) continue;
		const basemap = check(prefix + path, text, basemapSchemas[name], errors);
		if (basemap) checkBasemap(basemap, new FileErrors(prefix + path, errors));
	}
	return errors;
}
