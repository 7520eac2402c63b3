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
