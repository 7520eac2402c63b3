import { describe, expect, it } from 'vitest';
import { fixtureDir, readDir } from '../../../tests/fixtures/dataset_reader';
import { DATASET_FILES, TEXT_LIMITS } from './schema';
import { errorLine, layerPaths, validateDataset, withListing } from './validate';

const base = readDir(fixtureDir('valid-min'));
const FILES = [
	DATASET_FILES.meta,
	DATASET_FILES.places,
	DATASET_FILES.incidents,
	DATASET_FILES.statements,
	DATASET_FILES.sources,
	...layerPaths(base)
];

type Path = (string | number)[];

/** Every string in `value` with its path, but GeoJSON `type` members (a fixed vocabulary). */
function stringLeaves(value: unknown, path: Path = []): Path[] {
	if (typeof value === 'string') return [path];
	if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) =>
			k === 'type' ? [] : stringLeaves(v, [...path, k])
		);
	}
	return [];
}

function setAt(root: unknown, path: Path, value: string): unknown {
	const copy = structuredClone(root) as Record<string | number, unknown>;
	let node = copy;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	node[path[path.length - 1]] = value;
	return copy;
}

/** Validates valid-min with one string replaced; the error lines that name its file, entry and field. */
function linesFor(file: string, path: Path, edit: (s: string) => string): string[] {
	const json = JSON.parse(base(file)!);
	let leaf: unknown = json;
	for (const key of path) leaf = (leaf as Record<string | number, unknown>)[key];
	const edited = setAt(json, path, edit(leaf as string));
	const { errors } = validateDataset(
		withListing((p) => (p === file ? JSON.stringify(edited) : base(p)), base),
		'geodata/'
	);
	const prefix = errorLine(`geodata/${file}`, edited, path, '');
	return errors.filter((line) => line.startsWith(prefix));
}

const CASES = FILES.flatMap((file) =>
	stringLeaves(JSON.parse(base(file)!)).map((path) => [file, path] as const)
);

describe('text fields', () => {
	it('finds the text fields of every file', () => {
		expect(CASES.length).toBeGreaterThan(100);
		expect(CASES.some(([file]) => file === DATASET_FILES.statements)).toBe(true);
	});

	it.each(CASES)('%s %j refuses a bidirectional control character', (file, path) => {
		for (const control of ['\u202a', '\u202e', '\u2066', '\u2069']) {
			const lines = linesFor(file, path, (s) => `${s.slice(0, 1)}${control}${s.slice(1)}`);
			expect(
				lines,
				`${file} ${path.join('.')} U+${control.charCodeAt(0).toString(16)}`
			).not.toEqual([]);
		}
	});

	it.each(CASES)('%s %j refuses 20,001 characters', (file, path) => {
		expect(linesFor(file, path, () => 'a'.repeat(TEXT_LIMITS.text + 1))).not.toEqual([]);
	});
});

describe('TEXT_LIMITS', () => {
	const place = (label: string) =>
		linesFor(DATASET_FILES.places, ['features', 0, 'properties', 'label'], () => label);
	const title = (t: string) =>
		linesFor(DATASET_FILES.incidents, ['features', 0, 'properties', 'title', 'en'], () => t);
	const summary = (t: string) =>
		linesFor(DATASET_FILES.incidents, ['features', 0, 'properties', 'summary', 'vi'], () => t);

	it('holds names and labels to 120 characters, counted as characters, not UTF-16 units', () => {
		expect(place('a'.repeat(120))).toEqual([]);
		expect(place('Մ'.repeat(120))).toEqual([]);
		expect(place('😀'.repeat(120))).toEqual([]);
		expect(place('a'.repeat(121))).toEqual([
			'geodata/places.geojson: features[0] (madagiz): label is 121 characters long; at most 120 allowed for a name or label'
		]);
	});

	it('holds titles to 300 characters', () => {
		expect(title('t'.repeat(300))).toEqual([]);
		expect(title('t'.repeat(301))).toEqual([
			'geodata/incidents.geojson: features[0] (2020-11-23-madagiz-mine): title.en is 301 characters long; at most 300 allowed for a title'
		]);
	});

	it('holds summaries, notes and excerpts to 20,000 characters', () => {
		expect(summary('ơ'.repeat(20_000))).toEqual([]);
		expect(summary('ơ'.repeat(20_001))).toHaveLength(1);
	});

	it('accepts right-to-left text without control characters', () => {
		expect(place('مهدی‌لی / Mehdili')).toEqual([]);
	});
});
