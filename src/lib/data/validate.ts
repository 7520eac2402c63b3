import { z } from 'zod';
import {
	FileErrors,
	checkBasemap,
	checkExtent,
	checkIncidentLanguages,
	checkIncidents,
	checkLayer,
	checkOrganizations,
	checkPlaces,
	checkReferences,
	checkSources,
	checkStatements
} from './consistency';
import { JsonSyntaxError, parseJson } from './json';
import {
	BASEMAP_PATHS,
	DATASET_FILES,
	LAYER_IDS,
	basemapBorders,
	basemapCountries,
	basemapLabels,
	basemapSettlements,
	basemapWater,
	featureCollection,
	incidentFeature,
	layerFeature,
	meta,
	organization,
	placeFeature,
	source,
	statement,
	type Dataset,
	type LayerId
} from './schema';

/** Reads one file of the dataset by its path relative to the dataset directory; `undefined` if missing. */
export type ReadFile = (relativePath: string) => string | undefined;

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

const statementsSchema = z.array(statement);
const sourcesSchema = z.array(source);
const organizationsSchema = z.array(organization);
const placesSchema = featureCollection(placeFeature);
const incidentsSchema = featureCollection(incidentFeature);
const layerSchema = featureCollection(layerFeature);
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

/**
 * Validates a whole dataset: every file against its schema, then the checks across files.
 * Pure: the caller supplies the files, so the CLI, the server and the tests share it.
 * `prefix` is how error lines name the directory (e.g. `geodata/`).
 */
export function validateDataset(
	read: ReadFile,
	prefix = '',
	{ requireLanguages = true }: ValidateOptions = {}
): ValidationResult {
	const errors: string[] = [];
	const file = <T extends z.ZodType>(path: string, schema: T) =>
		check(prefix + path, read(path), schema, errors);
	const metaData = file(DATASET_FILES.meta, meta);
	const places = file(DATASET_FILES.places, placesSchema);
	const incidents = file(DATASET_FILES.incidents, incidentsSchema);
	const statements = file(DATASET_FILES.statements, statementsSchema);
	const sources = file(DATASET_FILES.sources, sourcesSchema);
	const organizations = file(DATASET_FILES.organizations, organizationsSchema);
	const layers = {} as Record<LayerId, z.infer<typeof layerSchema> | null>;
	for (const id of LAYER_IDS) layers[id] = file(DATASET_FILES.layers[id], layerSchema);

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
	for (const id of LAYER_IDS) {
		const layer = layers[id];
		if (layer) checkLayer(id, layer, fileErrors(DATASET_FILES.layers[id]));
	}
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
				layers: (id) => fileErrors(DATASET_FILES.layers[id])
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
	const dataset = {
		meta: metaData,
		places,
		incidents,
		statements,
		sources,
		organizations,
		layers
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
