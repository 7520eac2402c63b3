import { describe, expect, it } from 'vitest';
import { findExcerpt } from '$lib/evidence/find_excerpt';
import { excerptOf, offsetOfPoint, segmentsOf, selectedRange } from './excerpt_range';

/** The opening of a captured article, as a pasted snapshot holds it: lines, a no-break space. */
const SNAPSHOT =
	'Binh sĩ gìn giữ hòa bình của Nga bị thương\n' +
	'Ngày 23/11, Bộ Quốc phòng Nga cho biết,\u00a01 binh sĩ bị thương.\n';

describe('selectedRange', () => {
	it('is the selection from its earlier end to its later one, dragged either way', () => {
		const start = SNAPSHOT.indexOf('Bộ Quốc phòng');
		const end = start + 'Bộ Quốc phòng Nga'.length;
		expect(selectedRange(SNAPSHOT, start, end)).toEqual({ start, end });
		expect(selectedRange(SNAPSHOT, end, start)).toEqual({ start, end });
	});

	it('leaves out whitespace at either end, as the API does', () => {
		const start = SNAPSHOT.indexOf('\nNgày') - 3;
		const end = SNAPSHOT.indexOf('Ngày') + 4;
		const range = selectedRange(SNAPSHOT, start, end)!;
		expect(excerptOf(SNAPSHOT, range)).toBe('ơng\nNgày');
		const padded = selectedRange(SNAPSHOT, SNAPSHOT.indexOf('\nNgày'), end)!;
		expect(excerptOf(SNAPSHOT, padded)).toBe('Ngày');
	});

	it('is null for nothing selected or whitespace only', () => {
		expect(selectedRange(SNAPSHOT, 5, 5)).toBeNull();
		const nl = SNAPSHOT.indexOf('\n');
		expect(selectedRange(SNAPSHOT, nl, nl + 1)).toBeNull();
		expect(selectedRange('', 0, 0)).toBeNull();
	});

	it('clamps ends outside the text', () => {
		expect(selectedRange('abc', -4, 99)).toEqual({ start: 0, end: 3 });
	});

	it('gives an excerpt the API finds at the very same range', () => {
		const start = SNAPSHOT.indexOf('Bộ Quốc');
		const end = SNAPSHOT.indexOf('bị thương.') + 'bị thương.'.length;
		const range = selectedRange(SNAPSHOT, start, end)!;
		expect(findExcerpt(SNAPSHOT, excerptOf(SNAPSHOT, range))).toEqual(range);
	});
});

describe('segmentsOf', () => {
	it('is the whole text, unmarked, before anything is chosen', () => {
		expect(segmentsOf('abc', null)).toEqual([{ start: 0, text: 'abc', chosen: false }]);
		expect(segmentsOf('', null)).toEqual([]);
	});

	it('marks the chosen range between what comes before and after', () => {
		expect(segmentsOf('one two three', { start: 4, end: 7 })).toEqual([
			{ start: 0, text: 'one ', chosen: false },
			{ start: 4, text: 'two', chosen: true },
			{ start: 7, text: ' three', chosen: false }
		]);
	});

	it('leaves out an empty piece at either end', () => {
		expect(segmentsOf('abc', { start: 0, end: 3 })).toEqual([
			{ start: 0, text: 'abc', chosen: true }
		]);
		expect(segmentsOf('abc', { start: 1, end: 3 })).toEqual([
			{ start: 0, text: 'a', chosen: false },
			{ start: 1, text: 'bc', chosen: true }
		]);
	});

	it('maps a point back into the text through its segment', () => {
		const segments = segmentsOf('one two three', { start: 4, end: 7 });
		expect(offsetOfPoint(segments[2].start, 1)).toBe(8);
		expect(offsetOfPoint(null, 1)).toBeNull();
		expect(offsetOfPoint(Number.NaN, 1)).toBeNull();
	});
});
