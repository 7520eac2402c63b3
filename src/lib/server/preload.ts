import type { Lang } from '$lib/i18n';

/** What SvelteKit asks `resolve`'s `preload` about: one file the rendered page will need. */
export interface PreloadCandidate {
	type: 'font' | 'css' | 'js' | 'asset';
	path: string;
}

/**
 * The Noto Sans files the dashboard's own words are set in, whatever the data: Latin regular
 * and bold (body text, headings) and the Vietnamese subset's regular ("Tiếng Việt" on the
 * language switch), plus the Vietnamese bold when the page is in Vietnamese (its headings).
 * Other subsets and the italic are left to the browser: whether the page uses them depends on
 * the data, and a preloaded font the page does not use is a wasted download and a warning.
 */
function dashboardFont(path: string, lang: Lang): boolean {
	const match = /\/noto-sans-(latin|vietnamese)-(400|700)-normal\.[\w-]+\.woff2$/.exec(path);
	if (!match) return false;
	const [, subset, weight] = match;
	return subset === 'latin' || weight === '400' || lang === 'vi';
}

/**
 * SvelteKit's preload choice for a rendered page: scripts and stylesheets as by default, and on
 * the dashboard the fonts above. SvelteKit does not preload fonts by default, so the browser
 * asked for them only once the first layout found text in them, ~0.5 s into the load, and
 * then laid the whole page out again when they came (60–90 ms of main thread on the way to the
 * map's first draw). Preloaded, they arrive with the stylesheets, before the first layout.
 */
export function preloadFor(routeId: string | null, lang: Lang) {
	return ({ type, path }: PreloadCandidate): boolean =>
		type === 'js' ||
		type === 'css' ||
		(type === 'font' && routeId === '/' && dashboardFont(path, lang));
}
