import { describe, expect, it } from 'vitest';
import { NON_PAGE_CSP, withSecurityHeaders } from './security_headers';

describe('security headers', () => {
	it('adds nosniff, DENY framing and the referrer policy, and a CSP that allows nothing', () => {
		const response = withSecurityHeaders(new Response('{}'));
		expect(Object.fromEntries(response.headers)).toMatchObject({
			'x-content-type-options': 'nosniff',
			'x-frame-options': 'DENY',
			'referrer-policy': 'strict-origin-when-cross-origin',
			'content-security-policy': NON_PAGE_CSP
		});
		expect(NON_PAGE_CSP).toContain("frame-ancestors 'none'");
	});

	it("keeps a page's own Content-Security-Policy (kit.csp, with its nonce)", () => {
		const csp = "script-src 'self' 'nonce-abc'; frame-ancestors 'none'";
		const page = new Response('<html>', { headers: { 'content-security-policy': csp } });
		expect(withSecurityHeaders(page).headers.get('content-security-policy')).toBe(csp);
	});

	it('leaves an HTML answer without kit.csp to its own page policy rather than blocking it', () => {
		const page = new Response('<html>', { headers: { 'content-type': 'text/html' } });
		const response = withSecurityHeaders(page);
		expect(response.headers.get('content-security-policy')).toBeNull();
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	it('copies a response whose headers are immutable (a fetched one) instead of throwing', () => {
		const frozen = Response.redirect('http://atlas.test/', 302);
		const response = withSecurityHeaders(frozen);
		expect(response.status).toBe(302);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
