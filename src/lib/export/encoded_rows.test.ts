import { describe, expect, it } from 'vitest';
import { encodeRows, selectRows } from './encoded_rows';

const texts = ['a,', 'Madagiz / Sugovushan,', 'Mətn ✓,', 'z'.repeat(400_000) + ','];
const encoded = encodeRows(texts.length, (i) => texts[i]);
const decode = (views: Uint8Array[]) => views.map((v) => new TextDecoder().decode(v)).join('');

describe('encodeRows', () => {
	it('keeps each row’s UTF-8 bytes, growing its buffer past the first MiB', () => {
		expect(new TextDecoder().decode(encoded.bytes)).toBe(texts.join(''));
		expect([...encoded.offsets.slice(0, 4)]).toEqual([0, 2, 23, 33]);
	});
});

describe('selectRows', () => {
	it('joins runs of consecutive rows into one view and keeps the requested order', () => {
		const views = selectRows(encoded, Int32Array.of(0, 1, 2, 0));
		expect(views).toHaveLength(2);
		expect(decode(views)).toBe('a,Madagiz / Sugovushan,Mətn ✓,a,');
	});

	it('trims the separator after the last row', () => {
		expect(decode(selectRows(encoded, Int32Array.of(2, 1), 1))).toBe('Mətn ✓,Madagiz / Sugovushan');
		expect(selectRows(encoded, new Int32Array(0), 1)).toEqual([]);
	});

	it('refuses a row outside the rows encoded', () => {
		expect(() => selectRows(encoded, Int32Array.of(4))).toThrow(
			"Row 4 is outside the dataset's 4 incidents"
		);
		expect(() => selectRows(encoded, Int32Array.of(-1))).toThrow(/Row -1/);
	});
});
