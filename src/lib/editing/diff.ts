/** One field that differs between two versions of a record. */
export interface FieldChange {
	/** Where it is: `properties.date`, `geometry.coordinates[1]`, `claims[0].best`. */
	path: string;
	/** The value before, as text; `null` where the field did not exist. */
	before: string | null;
	/** The value after, as text; `null` where the field no longer exists. */
	after: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isLeaf = (value: unknown) => !isObject(value) && !Array.isArray(value);

/** A value as a reader reads it: strings as they are, everything else as JSON. */
function asText(value: unknown): string {
	if (typeof value === 'string') return value;
	return JSON.stringify(value) ?? String(value);
}

function join(path: string, key: string | number): string {
	if (typeof key === 'number') return `${path}[${key}]`;
	const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
	return path ? (name.startsWith('"') ? `${path}[${name}]` : `${path}.${name}`) : name;
}

/**
 * The fields that differ between two versions of a record, in the order of their paths in the
 * newer version (then those removed). Objects and arrays are compared element by element, so a
 * change deep in a record is named by its path; an array of numbers (coordinates) counts as one
 * value, since a reader compares a position whole. Pure: the history page only renders this.
 */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
	const changes: FieldChange[] = [];
	walk(before, after, '', changes);
	return changes;
}

const isNumberArray = (value: unknown) =>
	Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number');

function walk(a: unknown, b: unknown, path: string, out: FieldChange[]) {
	if (a === undefined && b === undefined) return;
	if (a === undefined) {
		out.push({ path, before: null, after: asText(b) });
		return;
	}
	if (b === undefined) {
		out.push({ path, before: asText(a), after: null });
		return;
	}
	if (isLeaf(a) || isLeaf(b) || isNumberArray(a) || isNumberArray(b)) {
		if (asText(a) !== asText(b) || typeof a !== typeof b)
			out.push({ path, before: asText(a), after: asText(b) });
		return;
	}
	if (Array.isArray(a) !== Array.isArray(b)) {
		out.push({ path, before: asText(a), after: asText(b) });
		return;
	}
	if (Array.isArray(a) && Array.isArray(b)) {
		for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], join(path, i), out);
		return;
	}
	const x = a as Record<string, unknown>;
	const y = b as Record<string, unknown>;
	for (const key of Object.keys(y)) walk(x[key], y[key], join(path, key), out);
	for (const key of Object.keys(x))
		if (!Object.hasOwn(y, key)) walk(x[key], undefined, join(path, key), out);
}

/** A record's fields as a list, paths as {@link diffRecords} names them, values as text. */
export function fieldsOf(record: unknown): { path: string; value: string }[] {
	return flatten(record, '');
}

function flatten(value: unknown, path: string): { path: string; value: string }[] {
	if (isLeaf(value) || isNumberArray(value) || (Array.isArray(value) && value.length === 0))
		return [{ path, value: asText(value) }];
	if (Array.isArray(value)) return value.flatMap((v, i) => flatten(v, join(path, i)));
	const entries = Object.entries(value as Record<string, unknown>);
	if (entries.length === 0) return [{ path, value: '{}' }];
	return entries.flatMap(([k, v]) => flatten(v, join(path, k)));
}
