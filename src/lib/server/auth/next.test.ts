import { describe, expect, it } from 'vitest';
import { safeNext } from './next';

describe('the address to go to after signing in', () => {
	it.each([
		['/', '/'],
		[
			'/incidents/2020-10-04-stepanakert-shelling?lang=vi',
			'/incidents/2020-10-04-stepanakert-shelling?lang=vi'
		],
		['/?sel=abc#map', '/?sel=abc#map'],
		['/a/../b', '/b']
	])('keeps the path %s on this site', (next, expected) => {
		expect(safeNext(next)).toBe(expected);
	});

	it.each([
		null,
		'',
		'https://evil.example/',
		'//evil.example/',
		'/\\evil.example/',
		'/\tevil',
		'\\\\evil.example',
		'javascript:alert(1)',
		'incidents/x',
		'/%0d%0aSet-Cookie:x=1',
		'/ok\\..\\evil'
	])('sends %j to / instead', (next) => {
		const result = safeNext(next);
		expect(result.startsWith('/')).toBe(true);
		expect(result.startsWith('//')).toBe(false);
		expect(new URL(result, 'http://atlas.test').origin).toBe('http://atlas.test');
		if (next !== '/%0d%0aSet-Cookie:x=1') expect(result).toBe('/');
	});
});
