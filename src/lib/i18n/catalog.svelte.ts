import { en, withEditorial, type Messages } from './en';
import type { Lang } from './index';

/**
 * English for the reading pages ships with the page; the editorial pages' English and every other
 * language are chunks of their own, fetched by `loadMessages`.
 */
const LOADERS: Record<Lang, () => Promise<Messages>> = {
	en: () => import('./en_editorial').then((m) => withEditorial(en, m.enEditorial)),
	vi: () => import('./vi').then((m) => m.vi)
};

/**
 * The reading pages' English, typed as the whole catalogue: its editorial sections arrive with
 * `loadMessages('en')`, which every page that shows them awaits in its load (and the dashboard
 * shows none of them).
 */
const reading = en as Messages;

/** The strings loaded so far: reactive, so text shown in the fallback updates once they arrive. */
let loaded = $state.raw<Partial<Record<Lang, Messages>>>({});
const loading: Partial<Record<Lang, Promise<Messages>>> = {};

/** Loads the UI strings of `lang` (once); await it before showing a page in that language. */
export function loadMessages(lang: Lang): Promise<Messages> {
	const ready = loaded[lang];
	if (ready) return Promise.resolve(ready);
	let promise = loading[lang];
	if (!promise) {
		promise = LOADERS[lang]().then(
			(m) => {
				loaded = { ...loaded, [lang]: m };
				return m;
			},
			(error: unknown) => {
				delete loading[lang];
				throw error;
			}
		);
		loading[lang] = promise;
	}
	return promise;
}

/**
 * The UI strings of `lang`. Callers load them first (`loadMessages`); should one not have, this
 * answers in English and starts the load, and reactive callers switch once the strings arrive.
 */
export function messages(lang: Lang): Messages {
	const ready = loaded[lang];
	if (ready) return ready;
	// English for reading is here already; only another language is worth fetching unasked.
	if (lang !== 'en') loadMessages(lang).catch(() => {});
	return loaded.en ?? reading;
}
