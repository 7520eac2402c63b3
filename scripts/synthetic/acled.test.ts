import { describe, expect, it } from 'vitest';
import { parseAcled } from '../../src/lib/import/acled';
import { ACLED_COLUMNS, acledLines } from './acled';

const file = (count: number, seed?: number) =>
	new TextEncoder().encode([...acledLines(count, seed)].join('\n') + '\n');

describe('acledLines', () => {
	it('writes the codebook header and rows the ACLED importer reads without a rejection', () => {
		const lines = [...acledLines(500, 7)];
		expect(lines[0]).toBe(ACLED_COLUMNS.join(','));
		expect(lines).toHaveLength(501);
		const parsed = parseAcled(file(500, 7));
		expect(parsed.rejected).toEqual([]);
		expect(parsed.items).toHaveLength(500);
		expect(parsed.items[0].incident.properties.external_ids).toEqual({ acled: 'SYN1' });
		for (const { incident } of parsed.items) {
			const [lon, lat] = incident.geometry.coordinates as number[];
			expect(lon).toBeGreaterThanOrEqual(44);
			expect(lon).toBeLessThanOrEqual(50.5);
			expect(lat).toBeGreaterThanOrEqual(38.3);
			expect(lat).toBeLessThanOrEqual(41.5);
			expect(incident.properties.summary.en).toMatch(/^SYNTHETIC row/);
		}
	});

	it('is the same for the same seed and differs for another', () => {
		expect([...acledLines(20, 3)]).toEqual([...acledLines(20, 3)]);
		expect([...acledLines(20, 3)]).not.toEqual([...acledLines(20, 4)]);
	});
});
