/**
 * The href for a link to `url`, or `null` when it must not become a link: only absolute http(s)
 * URLs qualify. Parsing with `URL` (as the browser would) defeats tricks such as tabs inside
 * `java\tscript:` or leading spaces, which the browser strips before choosing the protocol.
 */
export function safeHref(url: unknown): string | null {
	if (typeof url !== 'string' || url.trim() === '') return null;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return null;
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
	if (!parsed.hostname) return null;
	return parsed.href;
}

/** Attributes every link out of the app carries: a new tab that cannot reach back into ours. */
export const EXTERNAL_LINK = { target: '_blank', rel: 'noopener noreferrer' } as const;

/** A short name for a link: the host of an http(s) URL, else the text itself. */
export function hostOf(url: string): string {
	const href = safeHref(url);
	return href ? new URL(href).hostname : url;
}
