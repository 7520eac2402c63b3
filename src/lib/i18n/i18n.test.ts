import { describe, expect, it, vi as vitest } from 'vitest';
import { en } from './en';
import { vi } from './vi';
import { LANG_NAMES, LANGS, isLang, loadMessages, locale, messages, vocab } from './index';

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
const SAME_IN_BOTH = new Set(['claims.range', 'export.geojson', 'export.kml']);

describe('UI strings', () => {
	const enLeaves = leaves(en);
	const viLeaves = new Map(leaves(vi).map((l) => [l.path, l.value]));

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
