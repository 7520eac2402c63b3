import { en, type Messages } from './en';
import type { Lang } from './index';

/** English ships with the page; every other language is a chunk of its own, fetched when chosen. */
const LOADERS: Record<Lang, () => Promise<Messages>> = {
	en: () => Promise.resolve(en),
	vi: () => import('./vi').then((m) => m.vi)
};

/** The strings loaded so far: reactive, so text shown in the fallback updates once they arrive. */
let loaded = $state.raw<Partial<Record<Lang, Messages>>>({ en });
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
	loadMessages(lang).catch(() => {});
	return en;
}
