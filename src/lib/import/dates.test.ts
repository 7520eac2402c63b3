import { describe, expect, it } from 'vitest';
import { parseDay } from './dates';

describe('parseDay', () => {
	it('reads ISO days, with or without a time after them', () => {
		expect(parseDay('2020-09-27')).toBe('2020-09-27');
		expect(parseDay('2020-09-27 00:00:00.000')).toBe('2020-09-27');
		expect(parseDay('2020-09-27T00:00:00Z')).toBe('2020-09-27');
	});

	it('reads ACLED’s "DD Month YYYY", full or abbreviated', () => {
		expect(parseDay('27 September 2020')).toBe('2020-09-27');
		expect(parseDay('3 Oct 2020')).toBe('2020-10-03');
		expect(parseDay('03-Oct-2020')).toBe('2020-10-03');
	});

	it('refuses days that do not exist and other forms', () => {
		expect(parseDay('2020-02-30')).toBeNull();
		expect(parseDay('31 September 2020')).toBeNull();
		expect(parseDay('27 Sept 2020')).toBeNull();
		expect(parseDay('09/27/2020')).toBeNull();
		expect(parseDay('')).toBeNull();
	});
});
