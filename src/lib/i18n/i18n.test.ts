import { readFileSync } from 'node:fs';
import { describe, expect, it, vi as vitest } from 'vitest';
import type { IncidentFeature, Statement } from '$lib/data/schema';
import { en as reading, withEditorial } from './en';
import { enEditorial } from './en_editorial';
import { vi } from './vi';
import {
	LANG_NAMES,
	LANGS,
	englishIn,
	isLang,
	loadMessages,
	locale,
	messages,
	term,
	textIn,
	vocab
} from './index';

/** The whole English catalogue, as `loadMessages('en')` gives it. */
const en = withEditorial(reading, enEditorial);

type Leaf = { path: string; value: unknown };

function leaves(value: unknown, path = ''): Leaf[] {
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));
	}
	return [{ path, value }];
}

function render(value: unknown): string {
	if (typeof value === 'function') return String(value(7, 12));
	return String(value);
}

/** The catalogue as a page that has loaded no language but English yet finds it. */
async function freshCatalog() {
	vitest.resetModules();
	return import('./catalog.svelte');
}

/** Strings that are the same in both languages on purpose. */
// `ingest.failed` is "<field>: <the server's message>", with no words of its own to translate.
const SAME_IN_BOTH = new Set(['claims.range', 'export.geojson', 'export.kml', 'ingest.failed']);

describe('UI strings', () => {
	/** The dataset's vocabulary (`terms`) has entries only in the languages that translate it. */
	const enLeaves = leaves(en).filter((l) => !l.path.startsWith('terms.'));
	const viLeaves = new Map(
		leaves(vi)
			.filter((l) => !l.path.startsWith('terms.'))
			.map((l) => [l.path, l.value])
	);

	it('Vietnamese has the same vocabulary tables as English', () => {
		expect(Object.keys(vi.terms).sort()).toEqual(Object.keys(en.terms).sort());
	});

	it('Vietnamese has exactly the keys English has', () => {
		expect([...viLeaves.keys()].sort()).toEqual(enLeaves.map((l) => l.path).sort());
	});

	it.each(enLeaves.map((l) => [l.path, l.value] as const))('%s is translated', (path, value) => {
		const other = viLeaves.get(path);
		expect(typeof other).toBe(typeof value);
		const text = render(other);
		expect(text.trim()).not.toBe('');
		if (!SAME_IN_BOTH.has(path)) expect(text).not.toBe(render(value));
	});

	it('counts incidents in both languages', () => {
		expect(en.incidents.count(1, 1)).toBe('1 incident');
		expect(en.incidents.count(1200, 100000)).toBe('1,200 of 100,000 incidents');
		expect(vi.incidents.count(3, 3)).toBe('3 sự kiện');
		expect(vi.incidents.count(1200, 100000)).toBe('1.200 trên 100.000 sự kiện');
	});
});

describe('loading', () => {
	it('answers in English until Vietnamese has loaded, then in Vietnamese', async () => {
		const { messages: fresh, loadMessages: load } = await freshCatalog();
		expect(fresh('vi').timeline.heading).toBe('Timeline');
		const loading = load('vi');
		expect(load('vi')).toBe(loading);
		expect((await loading).timeline.heading).toBe('Dòng thời gian');
		expect(fresh('vi').timeline.heading).toBe('Dòng thời gian');
	});

	it('ships the reading pages’ English with the page and loads the editorial strings on asking', async () => {
		const { messages: fresh, loadMessages: load } = await freshCatalog();
		expect(fresh('en').editor.newIncident).toBe('New incident');
		expect(fresh('en').editor.headingNew).toBeUndefined();
		expect(reading).not.toHaveProperty('evidence');
		const whole = await load('en');
		expect(whole.editor.headingNew).toBe('New incident');
		expect(whole.editor.newIncident).toBe('New incident');
		expect(whole.evidence.newSource).toBe('New source');
		expect(fresh('en')).toBe(whole);
		expect(fresh('vi').evidence.newSource).toBe('New source');
	});

	it('names every language in itself without loading it', () => {
		expect(LANGS.map((lang) => LANG_NAMES[lang])).toEqual(['English', 'Tiếng Việt']);
	});
});

describe('helpers', () => {
	it('recognises the two UI languages only', () => {
		expect(isLang('en')).toBe(true);
		expect(isLang('vi')).toBe(true);
		expect(isLang('fr')).toBe(false);
		expect(isLang(undefined)).toBe(false);
	});

	it('gives each language its messages and locale', async () => {
		expect((await loadMessages('vi')).timeline.heading).toBe('Dòng thời gian');
		expect(messages('vi').timeline.heading).toBe('Dòng thời gian');
		expect(messages('en').timeline.heading).toBe('Timeline');
		expect(locale('en')).toBe('en-GB');
		expect(locale('vi')).toBe('vi');
	});

	it('labels open vocabularies, falling back to a readable key', () => {
		expect(vocab(en.metrics, 'killed')).toBe('killed');
		expect(vocab(vi.metrics, 'killed')).toBe('thiệt mạng');
		expect(vocab(en.metrics, 'vehicles_destroyed')).toBe('vehicles destroyed');
		expect(vocab(en.topics, 'peace-talks')).toBe('peace talks');
		expect(vocab(en.metrics, 'toString')).toBe('toString');
	});
});

describe('the dataset’s vocabulary in Vietnamese', () => {
	const incidents = (
		JSON.parse(readFileSync('geodata/incidents.geojson', 'utf8')) as {
			features: IncidentFeature[];
		}
	).features.map((f) => f.properties);
	const statements = JSON.parse(readFileSync('geodata/statements.json', 'utf8')) as Statement[];
	const used: [string, Record<string, string>, string[]][] = [
		['subTypes', vi.terms.subTypes, incidents.map((p) => p.sub_type)],
		['subjects', vi.terms.subjects, incidents.flatMap((p) => p.claims.map((c) => c.subject))],
		[
			'names',
			vi.terms.names,
			// A claimant or speaker that is a news agency keeps its own name (AFP) in every language.
			[
				...incidents.flatMap((p) => p.claims.map((c) => c.claimant)),
				...statements.map((s) => s.speaker.name)
			].filter((name) => /\b(of|the|President)\b/.test(name))
		],
		['roles', vi.terms.roles, statements.map((s) => s.speaker.role)],
		['via', vi.terms.via, statements.map((s) => s.via)],
		['metrics', vi.metrics, incidents.flatMap((p) => p.claims.map((c) => c.metric))],
		['topics', vi.topics, statements.flatMap((s) => s.topics)]
	];

	it.each(used)('%s: every one the dataset uses is translated', (_, table, keys) => {
		expect(keys.length).toBeGreaterThan(0);
		expect([...new Set(keys)].filter((key) => !Object.hasOwn(table, key))).toEqual([]);
	});

	it('translates a term, and marks one it cannot translate as English on a Vietnamese page', () => {
		expect(term(vi.terms.subTypes, 'Armed clash', 'vi')).toEqual({
			text: 'Đụng độ vũ trang',
			lang: undefined
		});
		expect(term(vi.terms.subTypes, 'Sexual violence', 'vi')).toEqual({
			text: 'Sexual violence',
			lang: 'en'
		});
		expect(term(en.terms.subTypes, 'Armed clash', 'en')).toEqual({
			text: 'Armed clash',
			lang: undefined
		});
		expect(term(vi.metrics, 'vehicles_destroyed', 'vi', true)).toEqual({
			text: 'vehicles destroyed',
			lang: 'en'
		});
		expect(term(vi.metrics, 'toString', 'vi', true).lang).toBe('en');
		expect(englishIn('en')).toBeUndefined();
		expect(englishIn('vi')).toBe('en');
	});
});

describe('textIn', () => {
	const title = { en: 'Mine blast near Madagiz', ru: 'Взрыв мины у Мадагиза' };

	it('gives the reader’s language where the record has it, unmarked', () => {
		expect(textIn({ ...title, vi: 'Nổ mìn gần Madagiz' }, 'vi')).toEqual({
			text: 'Nổ mìn gần Madagiz',
			lang: undefined
		});
		expect(textIn(title, 'en')).toEqual({ text: 'Mine blast near Madagiz', lang: undefined });
	});

	it('falls back to the English, marked as English, never to another language', () => {
		expect(textIn(title, 'vi')).toEqual({ text: 'Mine blast near Madagiz', lang: 'en' });
		expect(textIn({ ...title, vi: '' }, 'vi')).toEqual({
			text: 'Mine blast near Madagiz',
			lang: 'en'
		});
	});
});
