import { en, type Messages } from './en';
import { vi } from './vi';

export type { Messages };
export type Lang = 'en' | 'vi';
export const LANGS: readonly Lang[] = ['en', 'vi'];
export const DEFAULT_LANG: Lang = 'en';

const BY_LANG: Record<Lang, Messages> = { en, vi };

export function isLang(value: unknown): value is Lang {
	return value === 'en' || value === 'vi';
}

/** The UI strings of `lang`. */
export function messages(lang: Lang): Messages {
	return BY_LANG[lang];
}

/** The BCP 47 locale `Intl` formats dates and numbers with for a UI language. */
export function locale(lang: Lang): string {
	return lang === 'en' ? 'en-GB' : 'vi';
}

/** A label from an open vocabulary (metric, topic, language code): the translation, else the key made readable. */
export function vocab(table: Record<string, string>, key: string): string {
	return Object.hasOwn(table, key) ? table[key] : key.replace(/[_-]+/g, ' ');
}
