import { describe, expect, it } from 'vitest';
import { hostOf, safeHref } from './safe_href';

describe('safeHref', () => {
	it('keeps http and https URLs', () => {
		expect(safeHref('https://tass.com/world/1226999')).toBe('https://tass.com/world/1226999');
		expect(safeHref('http://example.org/a?b=1#c')).toBe('http://example.org/a?b=1#c');
	});

	it('normalises what the browser would normalise', () => {
		expect(safeHref('  HTTPS://Meduza.io/amp ')).toBe('https://meduza.io/amp');
	});

	it.each([
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		' javascript:alert(1)',
		'java\tscript:alert(1)',
		'java\nscript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'vbscript:msgbox(1)',
		'file:///etc/passwd',
		'mailto:press@un.org',
		'//evil.example/path',
		'/incidents/2020-11-23-madagiz-mine',
		'[click](javascript:alert(1))',
		'https://',
		'',
		'   '
	])('rejects %j', (url) => {
		expect(safeHref(url)).toBeNull();
	});

	it('rejects what is not a string', () => {
		expect(safeHref(undefined)).toBeNull();
		expect(safeHref(null)).toBeNull();
		expect(safeHref(42)).toBeNull();
		expect(safeHref({ toString: () => 'https://x.org' })).toBeNull();
	});
});

describe('hostOf', () => {
	it('names a link by its host, and leaves anything else as it is', () => {
		expect(hostOf('https://www.primeminister.am/en/press-release/')).toBe('www.primeminister.am');
		expect(hostOf('javascript:alert(1)')).toBe('javascript:alert(1)');
	});
});
