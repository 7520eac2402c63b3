import { createHash } from 'node:crypto';

/** A strong ETag for `bytes`: a hash of them, so the same bytes always get the same tag. */
export function strongEtag(bytes: Uint8Array): string {
	return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
}

/**
 * Whether an `If-None-Match` header matches `etag` (RFC 9110 §13.1.2: weak comparison, a list of
 * tags or `*`), i.e. whether the client's copy is current and a 304 will do.
 */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
	if (!header) return false;
	if (header.trim() === '*') return true;
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
	const mine = opaque(etag);
	return header.split(',').some((tag) => opaque(tag) === mine);
}
