import { describe, expect, it } from 'vitest';
import { SETTLEMENT_NAMES, settlementName } from './names';

describe('settlementName', () => {
	it('keeps GeoNames’ primary name where the table has no entry', () => {
		expect(settlementName(586523, 'Ganja')).toEqual({ name: 'Ganja', aliases: [] });
	});

	it('replaces a Soviet-era name by the English one and keeps the old one as the first alias', () => {
		expect(settlementName(584716, 'Yelenendorf')).toEqual({
			name: 'Goygol',
			aliases: ['Yelenendorf', 'Khanlar']
		});
	});

	it('gives a disputed place both names, one / other, and never repeats the label as an alias', () => {
		expect(settlementName(584871, 'Terter')).toEqual({
			name: 'Terter / Tartar',
			aliases: ['Terter', 'Tartar']
		});
	});

	it('puts the GeoNames name first even when the table does not list it', () => {
		const table = { 1: { name: 'New', aliases: ['Older'] } };
		expect(settlementName(1, 'Old', table)).toEqual({ name: 'New', aliases: ['Old', 'Older'] });
	});

	it('has no entry whose label is also one of its aliases, and no alias twice', () => {
		for (const [id, entry] of Object.entries(SETTLEMENT_NAMES)) {
			expect(entry.aliases, id).not.toContain(entry.name);
			expect(new Set(entry.aliases).size, id).toBe(entry.aliases.length);
		}
	});
});
