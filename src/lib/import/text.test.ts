import { describe, expect, it } from 'vitest';
import { decodeUtf8, readTable } from './text';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeUtf8', () => {
	it('reads UTF-8 with and without a byte-order mark, and says which', () => {
		expect(decodeUtf8(bytes('a,b\nTərtər,1'))).toEqual({
			text: 'a,b\nTərtər,1',
			notes: ['read as UTF-8']
		});
		const withBom = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('a,b')]));
		expect(withBom.text).toBe('a,b');
		expect(withBom.notes).toEqual(['read as UTF-8 with a byte-order mark']);
	});

	it('refuses Windows-1252 and UTF-16, saying where and what', () => {
		// "Tərtər" is not in Windows-1252; "Ağdam" with "é" stands in for a Latin-1 file.
		expect(() => decodeUtf8(new Uint8Array([0x41, 0x67, 0xe9, 0x2c]))).toThrow(
			'the file is not UTF-8 (byte 0xE9 at offset 2 cannot start or continue a UTF-8 character); it may be Windows-1252 or Latin-1: save it as UTF-8'
		);
		expect(() => decodeUtf8(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toThrow(/UTF-16/);
	});
});

describe('readTable', () => {
	it('finds the delimiter from the header and notes one that is not a comma', () => {
		const notes: string[] = [];
		const table = readTable('date;latitude;"note; with semicolon"\n2020-10-01;39.8;x\n', notes);
		expect(table.columns).toEqual(['date', 'latitude', 'note; with semicolon']);
		expect(table.rows).toEqual([
			{ date: '2020-10-01', latitude: '39.8', 'note; with semicolon': 'x' }
		]);
		expect(notes).toEqual(['columns separated by semicolons']);
	});

	it('keeps quoted line breaks inside one row', () => {
		const table = readTable('a,b\n"one\ntwo",2\n3,4\n', []);
		expect(table.rows).toEqual([
			{ a: 'one\ntwo', b: '2' },
			{ a: '3', b: '4' }
		]);
	});
});
