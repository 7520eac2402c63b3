import { describe, expect, it } from 'vitest';
import { preloadFor } from './preload';

const asset = '/_app/immutable/assets';
const font = (name: string) => ({ type: 'font' as const, path: `${asset}/${name}` });

describe('preloadFor', () => {
	it('keeps SvelteKit’s default: scripts and stylesheets on every page', () => {
		for (const preload of [preloadFor('/', 'en'), preloadFor('/incidents/[id]', 'vi')]) {
			expect(preload({ type: 'js', path: '/_app/immutable/entry/start.abc.js' })).toBe(true);
			expect(preload({ type: 'css', path: `${asset}/0.abc.css` })).toBe(true);
			expect(preload({ type: 'asset', path: `${asset}/logo.abc.svg` })).toBe(false);
		}
	});

	it('preloads on the dashboard the fonts its own words are set in', () => {
		const en = preloadFor('/', 'en');
		expect(en(font('noto-sans-latin-400-normal.BTkUljjl.woff2'))).toBe(true);
		expect(en(font('noto-sans-latin-700-normal.CrvTEWhy.woff2'))).toBe(true);
		expect(en(font('noto-sans-vietnamese-400-normal.D2wP-Vm-.woff2'))).toBe(true);
		expect(en(font('noto-sans-vietnamese-700-normal.DayJ0F-f.woff2'))).toBe(false);
		expect(preloadFor('/', 'vi')(font('noto-sans-vietnamese-700-normal.DayJ0F-f.woff2'))).toBe(
			true
		);
	});

	it('leaves the data-dependent fonts, other formats and other pages to the browser', () => {
		const en = preloadFor('/', 'en');
		expect(en(font('noto-sans-latin-ext-400-normal.CVf-LbaS.woff2'))).toBe(false);
		expect(en(font('noto-sans-latin-400-italic.4m5KtZ19.woff2'))).toBe(false);
		expect(en(font('noto-sans-armenian-400-normal.abc.woff2'))).toBe(false);
		expect(en(font('noto-sans-latin-400-normal.BTkUljjl.woff'))).toBe(false);
		expect(preloadFor('/incidents/[id]', 'en')(font('noto-sans-latin-400-normal.B.woff2'))).toBe(
			false
		);
		expect(preloadFor(null, 'en')(font('noto-sans-latin-400-normal.B.woff2'))).toBe(false);
	});
});
