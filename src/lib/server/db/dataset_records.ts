import { DATASET_FILES, layerFile, type Dataset, type LayerId } from '../../data/schema';
import {
	RECORD_SCHEMAS,
	validateCheckedDataset,
	validateDataset,
	type ValidateOptions,
	type ValidationResult
} from '../../data/validate';

/**
 * The one mapping between the {@link Dataset} and stored records, derived from `DATASET_FILES`:
 * a `*.geojson` file is a FeatureCollection whose features are records, a `*.json` file a list of
 * records with ids, except the files named in {@link SINGLE_RECORD_FILES}, which are one record
 * each; a layer file (`layers/<id>.geojson`, any number of them) is one record of kind `layer`,
 * its declaration and features together, the record id being the layer id. A new file in
 * `DATASET_FILES` therefore needs no edit here unless it is a single object like `meta.json`.
 */
export const SINGLE_RECORD_FILES: ReadonlySet<string> = new Set(['meta']);

export type DatasetKey = keyof typeof DATASET_FILES | 'layers';

/** One record as stored: its kind, id, body and place in its file. */
export interface DatasetRecord {
	kind: string;
	id: string;
	/** Order within its file; display order, not part of the record's content. */
	position: number;
	body: unknown;
}

/** A file of the dataset: where it lives and how its records are laid out. */
interface FileSpec {
	key: string;
	kind: string;
	path: string;
	layout: 'features' | 'list' | 'single';
	/** For nested entries (`layers`): the record id, which is the key of the file in its group. */
	recordId?: string;
}

/** `incidents` → `incident`, `meta` → `meta`. */
export function kindOf(key: string): string {
	return key.endsWith('s') ? key.slice(0, -1) : key;
}

function layoutOf(key: string, path: string): FileSpec['layout'] {
	if (path.endsWith('.geojson')) return 'features';
	return SINGLE_RECORD_FILES.has(key) ? 'single' : 'list';
}

/** Every file of a dataset with its record layout, in `DATASET_FILES` order, then the layers. */
export function fileSpecs(layerIds: readonly LayerId[] = []): FileSpec[] {
	const specs: FileSpec[] = [];
	for (const [key, path] of Object.entries(DATASET_FILES)) {
		specs.push({ key, kind: kindOf(key), path, layout: layoutOf(key, path) });
	}
	for (const recordId of layerIds) {
		specs.push({
			key: 'layers',
			kind: 'layer',
			path: layerFile(recordId),
			layout: 'single',
			recordId
		});
	}
	return specs;
}

/** The record kinds a dataset is made of, e.g. `incident`, `statement`, `layer`. */
export function recordKinds(): string[] {
	return [...new Set([...fileSpecs().map((s) => s.kind), 'layer'])];
}

function idOf(item: unknown, where: string): string {
	const record = item as { id?: unknown; properties?: { id?: unknown } };
	const id = record?.properties?.id ?? record?.id;
	if (typeof id !== 'string' || !id) throw new Error(`${where}: a record without an id`);
	return id;
}

/** A validated dataset → the records to store, one per incident, statement, source, place, layer… */
export function datasetToRecords(dataset: Dataset): DatasetRecord[] {
	const out: DatasetRecord[] = [];
	const data = dataset as unknown as Record<string, unknown>;
	for (const spec of fileSpecs(Object.keys(dataset.layers))) {
		const value = spec.recordId
			? (data[spec.key] as Record<string, unknown>)[spec.recordId]
			: data[spec.key];
		if (spec.layout === 'single') {
			out.push({ kind: spec.kind, id: spec.recordId ?? spec.key, position: 0, body: value });
			continue;
		}
		const items =
			spec.layout === 'features'
				? (value as { features: unknown[] }).features
				: (value as unknown[]);
		items.forEach((item, position) =>
			out.push({ kind: spec.kind, id: idOf(item, spec.path), position, body: item })
		);
	}
	return out;
}

/**
 * The published records as read from the store for the read model: per kind stored as a list or
 * as features, its bodies (JSON text) joined by commas in file order; per kind stored one record
 * per file ({@link singleRecordKinds}), each body by record id.
 */
export interface StoredKinds {
	joined: Map<string, string>;
	single: Map<string, Map<string, string>>;
}

/** The kinds whose records are each a file of their own: `meta`, `layer`. */
export function singleRecordKinds(): string[] {
	const kinds = fileSpecs()
		.filter((s) => s.layout === 'single')
		.map((s) => s.kind);
	return [...new Set([...kinds, 'layer'])];
}

/** The schema one record of `kind` is checked against (`undefined` for a kind no file holds). */
export function recordSchemaOf(kind: string): (typeof RECORD_SCHEMAS)[DatasetKey] | undefined {
	const spec = fileSpecs().find((s) => s.kind === kind);
	const key = kind === 'layer' ? 'layers' : (spec?.key as DatasetKey | undefined);
	return key === undefined ? undefined : RECORD_SCHEMAS[key];
}

/**
 * The records of `kind` in `text` (bodies joined by commas) as their record schema gives them
 * back, or `null` when the text is not JSON or a record does not pass (or no file holds `kind`):
 * the caller then validates the dataset's texts as a dataset directory is, for its error lines.
 */
export function checkedRecords(kind: string, text: string): unknown[] | null {
	const schema = recordSchemaOf(kind);
	if (!schema) return null;
	let records: unknown[];
	try {
		records = JSON.parse(`[${text}]`);
	} catch {
		return null;
	}
	for (let i = 0; i < records.length; i++) {
		const result = schema.safeParse(records[i]);
		if (!result.success) return null;
		records[i] = result.data;
	}
	return records;
}

/**
 * The published records as {@link StoredKinds}, each body parsed and as its record schema gives
 * it back ({@link checkedRecords}): per kind stored as a list or as features, its records in file order; per kind stored
 * one record per file, each by record id.
 */
export interface CheckedKinds {
	joined: Map<string, unknown[]>;
	single: Map<string, Map<string, unknown>>;
}

/**
 * The dataset made of records already parsed and checked against their schemas
 * ({@link CheckedKinds}), laid out in files as {@link kindsToFiles} lays out their texts, through
 * the checks across files of the same validation ({@link validateCheckedDataset}): the same
 * dataset, or the same errors, as {@link kindsToDataset} of their texts.
 */
export function checkedKindsToDataset(
	kinds: CheckedKinds,
	prefix = 'database:',
	options: ValidateOptions = {}
): ValidationResult {
	const files = new Map<string, unknown>();
	for (const spec of fileSpecs([...(kinds.single.get('layer')?.keys() ?? [])])) {
		if (spec.layout === 'single') {
			const body = kinds.single.get(spec.kind)?.get(spec.recordId ?? spec.key);
			if (body !== undefined) files.set(spec.path, body);
		} else {
			const list = kinds.joined.get(spec.kind) ?? [];
			files.set(
				spec.path,
				spec.layout === 'features' ? { type: 'FeatureCollection', features: list } : list
			);
		}
	}
	return validateCheckedDataset(files, prefix, options);
}

/** Stored records (bodies as JSON text, in file order), grouped as {@link StoredKinds}. */
export function groupRecords(
	rows: Iterable<{ kind: string; id: string; body: string }>
): StoredKinds {
	const single = new Set(singleRecordKinds());
	const lists = new Map<string, string[]>();
	const kinds: StoredKinds = { joined: new Map(), single: new Map() };
	for (const row of rows) {
		if (single.has(row.kind)) {
			let byId = kinds.single.get(row.kind);
			if (!byId) kinds.single.set(row.kind, (byId = new Map()));
			byId.set(row.id, row.body);
			continue;
		}
		let list = lists.get(row.kind);
		if (!list) lists.set(row.kind, (list = []));
		list.push(row.body);
	}
	for (const [kind, list] of lists) kinds.joined.set(kind, list.join(','));
	return kinds;
}

/** The published records, grouped as {@link StoredKinds} → the text of every dataset file. */
export function kindsToFiles(kinds: StoredKinds): Map<string, string> {
	const files = new Map<string, string>();
	for (const spec of fileSpecs([...(kinds.single.get('layer')?.keys() ?? [])])) {
		if (spec.layout === 'single') {
			const body = kinds.single.get(spec.kind)?.get(spec.recordId ?? spec.key);
			if (body !== undefined) files.set(spec.path, body);
		} else {
			const list = kinds.joined.get(spec.kind) ?? '';
			files.set(
				spec.path,
				spec.layout === 'features'
					? `{"type":"FeatureCollection","features":[${list}]}`
					: `[${list}]`
			);
		}
	}
	return files;
}

/** Stored records (bodies as JSON text, in file order) → the text of every dataset file. */
export function recordsToFiles(
	rows: Iterable<{ kind: string; id: string; body: string }>
): Map<string, string> {
	return kindsToFiles(groupRecords(rows));
}

/**
 * Stored records → the dataset, through the same validation as `check:data` and the file-based
 * start, so the read model is built exactly as it was from files (and the store is checked again).
 */
export function recordsToDataset(
	rows: Iterable<{ kind: string; id: string; body: string }>,
	prefix = 'database:',
	options: ValidateOptions = {}
): ValidationResult {
	return filesToDataset(recordsToFiles(rows), prefix, options);
}

/** {@link recordsToDataset} of the records read grouped by kind ({@link StoredKinds}). */
export function kindsToDataset(
	kinds: StoredKinds,
	prefix = 'database:',
	options: ValidateOptions = {}
): ValidationResult {
	return filesToDataset(kindsToFiles(kinds), prefix, options);
}

function filesToDataset(
	files: Map<string, string>,
	prefix: string,
	options: ValidateOptions
): ValidationResult {
	const list = (dir: string) => [...files.keys()].filter((p) => p.startsWith(`${dir}/`));
	return validateDataset(
		Object.assign((path: string) => files.get(path), { list }),
		prefix,
		options
	);
}

/** A validated dataset as the text of its files in the `geodata/` format (tab-indented JSON). */
export function datasetToFiles(dataset: Dataset): Map<string, string> {
	const data = dataset as unknown as Record<string, unknown>;
	const files = new Map<string, string>();
	for (const spec of fileSpecs(Object.keys(dataset.layers))) {
		const value = spec.recordId
			? (data[spec.key] as Record<string, unknown>)[spec.recordId]
			: data[spec.key];
		files.set(spec.path, JSON.stringify(value, null, '\t') + '\n');
	}
	return files;
}
