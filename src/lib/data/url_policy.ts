import { BLOCKED_HOSTS } from './blocked_hosts';

const CITE = "cite the publisher's own page";

/** `perceptio*.com` → a RegExp matching the host and its subdomains. */
function hostPattern(pattern: string): RegExp {
	const body = pattern
		.toLowerCase()
		.split('.')
		.map((label) => label.split('*').map(escapeRegExp).join('[a-z0-9-]*'))
		.join('\\.');
	return new RegExp(`(^|\\.)${body}$`);
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const BLOCKED = BLOCKED_HOSTS.map(([pattern, why]) => ({ test: hostPattern(pattern), why }));

/** The blocklist entry that matches `host` (ASCII, lower case), if any. */
export function blockedHost(host: string): { pattern: string; why: string } | undefined {
	const i = BLOCKED.findIndex((b) => b.test.test(host));
	return i === -1 ? undefined : { pattern: BLOCKED_HOSTS[i][0], why: BLOCKED_HOSTS[i][1] };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** `new URL()` already turns `0x7f.1` and `2130706433` into dotted quads. */
function isIpLiteral(host: string): boolean {
	return IPV4.test(host) || host.startsWith('[');
}

/** Decodes percent-escapes up to three times (a value may be encoded twice), stopping at bad escapes. */
function decodedForms(value: string): string[] {
	const forms = [value];
	let current = value;
	for (let i = 0; i < 3; i++) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			break;
		}
		if (next === current) break;
		forms.push(next);
		current = next;
	}
	return forms;
}

const EMBEDDED_URL = /(^|[^a-z0-9])https?:\/\//i;
/** A query value that is itself a scheme-relative or bare web address. */
const BARE_ADDRESS = /^\s*(\/\/|www\.)/i;

function wrapsUrl(value: string, bare = false): boolean {
	return decodedForms(value).some(
		(form) => EMBEDDED_URL.test(form) || (bare && BARE_ADDRESS.test(form))
	);
}

/** Path segments of a Kiwix or IPFS gateway, and Kiwix ZIM book names (`wikipedia_en_all_maxi_2024-01`). */
const GATEWAY_SEGMENT = /^(kiwix|ipfs|ipns)$/i;
const ZIM_BOOK = /(^|[^a-z])wikipedia_[a-z]{2,3}(-[a-z]+)?_/i;
const GATEWAY_LABEL = /^(kiwix|ipfs|ipns)([-.]|$)/i;

/**
 * Why `url` is not a publisher's own page, or `undefined` if nothing is wrong with it. Refuses
 * IP-literal hosts, URLs that wrap another URL (in a query parameter, percent-encoded or not, or in
 * the path), hosts on {@link BLOCKED_HOSTS}, Kiwix and IPFS gateways, and AMP copies (an `amp.`
 * host, an `/amp` path segment, an `amp` query parameter). Only http(s) URLs are judged here; the
 * scheme is the schema's check.
 */
export function urlProblem(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'is not a valid URL';
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
	const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
	if (isIpLiteral(host)) return `has an IP address as its host (${host}): ${CITE}`;
	for (const [key, value] of parsed.searchParams) {
		if (wrapsUrl(key, true) || wrapsUrl(value, true)) {
			return `wraps another URL in its query parameter "${key}" (a redirector or proxy): ${CITE}`;
		}
	}
	if (wrapsUrl(parsed.pathname)) {
		return `wraps another URL in its path (a redirector or proxy): ${CITE}`;
	}
	const blocked = blockedHost(host);
	if (blocked) return `is on ${host}, ${blocked.why}: ${CITE}`;
	const segments = parsed.pathname.split('/').filter(Boolean);
	if (host.split('.').some((label) => GATEWAY_LABEL.test(label))) {
		return `is on ${host}, a Kiwix or IPFS gateway serving a copy: ${CITE}`;
	}
	if (segments.some((s) => GATEWAY_SEGMENT.test(s)) || ZIM_BOOK.test(parsed.pathname)) {
		return `is a Kiwix or IPFS copy (path ${parsed.pathname}): ${CITE}`;
	}
	if (host.startsWith('amp.') || segments.some((s) => s.toLowerCase() === 'amp')) {
		return "is an AMP copy: cite the article's own URL";
	}
	for (const key of parsed.searchParams.keys()) {
		if (key.toLowerCase() === 'amp') return "is an AMP copy: cite the article's own URL";
	}
	return undefined;
}
