export type { Messages } from './en';
export { loadMessages, messages } from './catalog.svelte';
export type Lang = 'en' | 'vi';
export const LANGS: readonly Lang[] = ['en', 'vi'];
export const DEFAULT_LANG: Lang = 'en';

/** Each language's name in itself, for the language switch (known before its strings load). */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', vi: 'Tiếng Việt' };

export function isLang(value: unknown): value is Lang {
	return value === 'en' || value === 'vi';
}

/** The BCP 47 locale `Intl` formats dates and numbers with for a UI language. */
export function locale(lang: Lang): string {
	return lang === 'en' ? 'en-GB' : 'vi';
}

/** A label from an open vocabulary (metric, topic, language code): the translation, else the key made readable. */
export function vocab(table: Record<string, string>, key: string): string {
	return Object.hasOwn(table, key) ? table[key] : key.replace(/[_-]+/g, ' ');
}

/** Text with the language it is in: `lang` is set only where it differs from the page's. */
export interface Term {
	text: string;
	lang: 'en' | undefined;
}

/**
 * A word of the dataset's English-only vocabulary (a sub-type, a claim's subject, a
 * metric) in the reader's language: the translation where `table` has one, else the English,
 * marked `lang: 'en'` on a page that is not English, so that it is never passed off silently as
 * the page's language. `readable` turns a key ("aircraft_lost") into words for the fallback.
 */
export function term(
	table: Record<string, string>,
	key: string,
	lang: Lang,
	readable = false
): Term {
	if (Object.hasOwn(table, key)) return { text: table[key], lang: undefined };
	return { text: readable ? key.replace(/[_-]+/g, ' ') : key, lang: englishIn(lang) };
}

/** The `lang` attribute of text the data holds in English only, shown on a page in `lang`. */
export function englishIn(lang: Lang): 'en' | undefined {
	return lang === 'en' ? undefined : 'en';
}

/**
 * A record's text (a map from language to text, English always present) in the reader's
 * language; where the record has none in it, the English, marked `lang: 'en'` so that it is never
 * passed off as the page's language.
 */
export function textIn(
	text: { readonly en: string } & Readonly<Record<string, string>>,
	lang: Lang
): Term {
	const own = Object.hasOwn(text, lang) ? text[lang] : undefined;
	return own ? { text: own, lang: undefined } : { text: text.en, lang: englishIn(lang) };
}
