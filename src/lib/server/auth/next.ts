/**
 * Where to go after signing in: `next` when it is a path on this site (`/incidents/x?lang=vi`),
 * else `/`. Refuses absolute and protocol-relative URLs (`https://evil`, `//evil`, `/\evil`,
 * which browsers read as `//evil`) and anything with control characters, so the sign-in page
 * cannot be used to send someone elsewhere.
 */
export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
	const base = 'http://atlas.invalid';
	let url: URL;
	try {
		url = new URL(next, base);
	} catch {
		return '/';
	}
	if (url.origin !== base) return '/';
	return url.pathname + url.search + url.hash;
}
