import { describe, expect, it } from 'vitest';
import { TableStream, Utf8Stream, decodeUtf8, readTable } from './text';

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

/** `bytes` cut into pieces of `size` bytes, decoded by one {@link Utf8Stream}. */
function decodeInPieces(bytes: Uint8Array, size: number) {
	const stream = new Utf8Stream();
	let text = '';
	for (let i = 0; i < bytes.length; i += size) text += stream.push(bytes.subarray(i, i + size));
	text += stream.end();
	return { text, notes: stream.notes };
}

describe('Utf8Stream', () => {
	const file = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('id,place\n1,Tərtər 😀\n2,Ağdam\n')]);

	it('decodes a file cut anywhere: the byte-order mark and multi-byte characters split between pieces', () => {
		for (const size of [1, 2, 3, 4, 5, 7, 64])
			expect(decodeInPieces(file, size), `pieces of ${size}`).toEqual({
				text: 'id,place\n1,Tərtər 😀\n2,Ağdam\n',
				notes: ['read as UTF-8 with a byte-order mark']
			});
		expect(decodeInPieces(bytes('ab'), 1)).toEqual({ text: 'ab', notes: ['read as UTF-8'] });
		expect(decodeInPieces(new Uint8Array(), 1)).toEqual({ text: '', notes: ['read as UTF-8'] });
	});

	it('refuses UTF-16 and non-UTF-8 bytes with the offset in the whole file, whatever the pieces', () => {
		for (const size of [1, 2, 3, 1000]) {
			expect(() => decodeInPieces(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), size)).toThrow(
				/UTF-16 \(little-endian/
			);
			expect(() => decodeInPieces(new Uint8Array([0xfe, 0xff, 0x00, 0x61]), size)).toThrow(
				/UTF-16 \(big-endian/
			);
			const latin1 = new Uint8Array([...bytes('a,b\nTərtər,1\nAg'), 0xe9, ...bytes('n,2\n')]);
			expect(() => decodeInPieces(latin1, size)).toThrow(
				'the file is not UTF-8 (byte 0xE9 at offset 17 cannot start or continue'
			);
			// A character cut short by the end of the file.
			expect(() => decodeInPieces(new Uint8Array([0x61, 0x62, 0xc9]), size)).toThrow(
				'byte 0xC9 at offset 2'
			);
			// An encoded surrogate and an overlong form are not UTF-8 either.
			expect(() => decodeInPieces(new Uint8Array([0x61, 0xed, 0xa0, 0x80]), size)).toThrow(
				'byte 0xED at offset 1'
			);
			expect(() => decodeInPieces(new Uint8Array([0x61, 0x62, 0xe0, 0x80, 0xaf]), size)).toThrow(
				'byte 0xE0 at offset 2'
			);
		}
	});
});

describe('TableStream', () => {
	/** The rows of `text` fed in pieces of `size` characters, with their spreadsheet row numbers. */
	function rowsInPieces(text: string, size: number) {
		const rows: [number, Record<string, string>][] = [];
		const notes: string[] = [];
		let columns: string[] = [];
		const table = new TableStream(
			notes,
			(c) => (columns = c),
			(row, n) => rows.push([n, row])
		);
		for (let i = 0; i < text.length; i += size) table.push(text.slice(i, i + size));
		table.end();
		return { columns, rows, notes, count: table.rows, unclosed: table.unclosedQuoteRow };
	}

	it('numbers rows as a spreadsheet does (header = 1), a cell with line breaks being one row', () => {
		const text =
			'\uFEFFid;note\r\n1;"first\r\nsecond\r\nthird line"\r\n2;plain\r\n\r\n3;"a ""b"""\r\n';
		for (const size of [1, 2, 3, 5, 1000]) {
			const read = rowsInPieces(text, size);
			expect(read.columns).toEqual(['id', 'note']);
			expect(read.notes).toEqual(['columns separated by semicolons']);
			expect(read.rows, `pieces of ${size}`).toEqual([
				[2, { id: '1', note: 'first\r\nsecond\r\nthird line' }],
				[3, { id: '2', note: 'plain' }],
				[4, { id: '', note: '' }],
				[5, { id: '3', note: 'a "b"' }]
			]);
			expect(read.count).toBe(4);
		}
	});

	it('says which row a never-closed quote opened in, and refuses a file without a header', () => {
		expect(rowsInPieces('a,b\n1,2\n3,"open\n4,5\n', 4).unclosed).toBe(3);
		expect(rowsInPieces('a,b\n1,2\n', 4).unclosed).toBeNull();
		expect(() => rowsInPieces('\n1,2\n', 1)).toThrow('the file is empty: no header row');
		expect(() => rowsInPieces('', 1)).toThrow('the file is empty: no header row');
	});
});
