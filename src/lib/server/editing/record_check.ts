import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { LAYER_ID_PATTERN } from '../../data/vocabulary';
import {
	incidentFeature,
	layerCollection,
	placeFeature,
	source,
	statement
} from '../../data/schema';
import { fileSpecs } from '../db/dataset_records';
import type { EditableKind } from './policy';

/** One thing wrong with a record, named as `check:data` names it: the field, then the message. */
export interface FieldProblem {
	field: string;
	message: string;
}

/** The schema each editable kind's record is checked against: the one `check:data` uses. */
const SCHEMAS: Record<EditableKind, z.ZodType> = {
	incident: incidentFeature,
	source,
	statement,
	place: placeFeature,
	layer: layerCollection
};

/** Kinds stored as GeoJSON Features, whose id sits at the top and in `properties`. */
const FEATURE_KINDS: ReadonlySet<EditableKind> = new Set(['incident', 'place']);

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `check:data` names a feature's properties without `properties.` (`title.en`); so does the API,
 * so a message reads the same from the command line and from a script.
 */
function fieldName(kind: EditableKind, path: ReadonlyArray<PropertyKey>): string {
	const parts = FEATURE_KINDS.has(kind) && path[0] === 'properties' ? path.slice(1) : path;
	let out = '';
	for (const key of parts) {
		out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
	}
	return out;
}

/** The record's own fields against its kind's schema; empty when they pass. */
export function schemaProblems(kind: EditableKind, body: unknown): FieldProblem[] {
	if (!isObject(body)) return [{ field: '', message: 'the body must be a JSON object' }];
	const result = SCHEMAS[kind].safeParse(body);
	if (result.success) return [];
	return result.error.issues.map((issue) => ({
		field: fieldName(kind, issue.path),
		message:
			issue.code === 'invalid_type' && /received undefined/.test(issue.message)
				? 'is missing'
				: issue.message
	}));
}

/** The dataset file a record of `kind` (and, for a layer, `id`) is stored in. */
export function fileOf(kind: EditableKind, id: string): string | undefined {
	return fileSpecs(kind === 'layer' ? [id] : []).find(
		(s) => s.kind === kind && (s.recordId === undefined || s.recordId === id)
	)?.path;
}

/**
 * The lines of a whole-dataset validation (`recordsToDataset` with `prefix`) about record
 * `kind/id`, as field problems: those of its entry (`features[3] (id): field message`), or every
 * line of its file for a layer, which is a file of its own.
 */
export function problemsOfRecord(
	lines: readonly string[],
	kind: EditableKind,
	id: string,
	prefix: string
): FieldProblem[] {
	const file = fileOf(kind, id);
	if (!file) return [];
	const head = `${prefix}${file}: `;
	const out: FieldProblem[] = [];
	for (const line of lines) {
		if (!line.startsWith(head)) continue;
		let rest = line.slice(head.length);
		if (kind === 'layer') {
			const entry = /^(features\[\d+\])(?: \(.*?\))?: /.exec(rest);
			if (entry) rest = `${entry[1]}.${rest.slice(entry[0].length)}`;
		} else {
			const entry = /^(?:features)?\[\d+\] /.exec(rest);
			const label = `(${id})`;
			if (!entry || !rest.slice(entry[0].length).startsWith(label)) continue;
			rest = rest.slice(entry[0].length + label.length).replace(/^: /, '');
		}
		const space = rest.indexOf(' ');
		out.push(
			space === -1
				? { field: '', message: rest }
				: { field: rest.slice(0, space), message: rest.slice(space + 1) }
		);
	}
	return out;
}

/** The id a record body carries (`properties.id` or `id`); `undefined` if none, or for a layer. */
export function recordIdOf(kind: EditableKind, body: unknown): string | undefined {
	if (!isObject(body) || kind === 'layer') return undefined;
	const props = body.properties;
	const id = FEATURE_KINDS.has(kind) && isObject(props) ? (props.id ?? body.id) : body.id;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * `body` with its id set to `id` wherever its kind keeps one (both places for a Feature), so a
 * record created without an id validates with the one it is given. Other fields are untouched.
 */
export function withRecordId(kind: EditableKind, body: unknown, id: string): unknown {
	if (!isObject(body) || kind === 'layer') return body;
	if (!FEATURE_KINDS.has(kind)) return { ...body, id };
	const props = isObject(body.properties) ? { ...body.properties, id } : body.properties;
	return { ...body, id, properties: props };
}

/**
 * Problems with the ids of `body` stored as `kind/id`: a layer's id is a file name (lower-case
 * words joined by hyphens) and its declaration names it; a body naming another id than the
 * record's is refused rather than renamed.
 */
export function idProblems(kind: EditableKind, id: string, body: unknown): FieldProblem[] {
	if (kind === 'layer') {
		if (!LAYER_ID_PATTERN.test(id))
			return [{ field: 'id', message: 'must be lower-case letters and digits joined by hyphens' }];
		const declared = isObject(body) && isObject(body.layer) ? body.layer.id : undefined;
		return declared !== undefined && declared !== id
			? [{ field: 'layer.id', message: `differs from the record's id "${id}"` }]
			: [];
	}
	if (!isObject(body)) return [];
	const named = [body.id, isObject(body.properties) ? body.properties.id : undefined].filter(
		(v) => v !== undefined
	);
	return named.some((v) => v !== id)
		? [{ field: 'id', message: `differs from the record's id "${id}"` }]
		: [];
}

/** A fresh id for a record created without one: `<date>-<random>` for an incident. */
export function newRecordId(kind: EditableKind, body: unknown): string {
	const random = randomBytes(5).toString('hex');
	const props = isObject(body) && isObject(body.properties) ? body.properties : {};
	const date =
		typeof props.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(props.date) ? props.date : '';
	return kind === 'incident' && date ? `${date}-${random}` : `${kind}-${random}`;
}

/**
 * The records `body` links to that publishing it needs published too: an incident's places,
 * sources and statements (claims included), a statement's source.
 */
export function linksOf(kind: EditableKind, body: unknown): { kind: EditableKind; id: string }[] {
	const out: { kind: EditableKind; id: string }[] = [];
	const add = (k: EditableKind, id: unknown) => {
		if (typeof id === 'string' && !out.some((l) => l.kind === k && l.id === id))
			out.push({ kind: k, id });
	};
	const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
	if (!isObject(body)) return out;
	if (kind === 'incident' && isObject(body.properties)) {
		const p = body.properties;
		for (const id of list(p.place_ids)) add('place', id);
		for (const id of list(p.source_ids)) add('source', id);
		for (const id of list(p.statement_ids)) add('statement', id);
		for (const claim of list(p.claims)) {
			if (!isObject(claim)) continue;
			add('source', claim.source_id);
			add('statement', claim.statement_id);
		}
	}
	if (kind === 'statement') add('source', body.source_id);
	return out;
}
