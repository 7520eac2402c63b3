import { describe, expect, it } from 'vitest';
import { ifNoneMatchMatches, strongEtag } from './etag';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('strongEtag', () => {
	it('is a quoted hash of the bytes: equal bytes, equal tags; one byte changed, another tag', () => {
		const tag = strongEtag(bytes('{"meta":{"version":"1.0.0"}}'));
		expect(tag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
		expect(strongEtag(bytes('{"meta":{"version":"1.0.0"}}'))).toBe(tag);
		expect(strongEtag(bytes('{"meta":{"version":"1.0.1"}}'))).not.toBe(tag);
	});
});

describe('ifNoneMatchMatches', () => {
	const tag = '"abc"';
	it('matches the tag, a list holding it, its weak form and *', () => {
		expect(ifNoneMatchMatches('"abc"', tag)).toBe(true);
		expect(ifNoneMatchMatches('"x", "abc"', tag)).toBe(true);
		expect(ifNoneMatchMatches('W/"abc"', tag)).toBe(true);
		expect(ifNoneMatchMatches('*', tag)).toBe(true);
	});
	it('does not match no header, another tag or an unquoted one', () => {
		expect(ifNoneMatchMatches(null, tag)).toBe(false);
		expect(ifNoneMatchMatches('"abd"', tag)).toBe(false);
		expect(ifNoneMatchMatches('abc', tag)).toBe(false);
	});
});
