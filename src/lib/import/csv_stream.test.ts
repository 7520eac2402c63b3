import { dsvFormat } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv_stream';

/** The records of `pieces` fed one by one, each with its index. */
function records(pieces: string[], delimiter = ',') {
	const out: { cells: string[]; index: number }[] = [];
	const tokenizer = new CsvTokenizer(delimiter, (cells, index) => out.push({ cells, index }));
	for (const piece of pieces) tokenizer.push(piece);
	tokenizer.end();
	return { out, unclosed: tokenizer.unclosedQuote };
}

/** Every way of cutting `text` in two, and one piece per character. */
function cuts(text: string): string[][] {
	const all = [[text], [...text]];
	for (let i = 1; i < text.length; i++) all.push([text.slice(0, i), text.slice(i)]);
	return all;
}

const cellsOf = (pieces: string[], delimiter = ',') =>
	records(pieces, delimiter).out.map((r) => r.cells);

describe('CsvTokenizer', () => {
	it('reads the same records however the text is cut: quotes, "" and \\r\\n across pieces', () => {
		const text = 'id,note\r\n1,"a ""quoted"", word"\r\n2,"two\r\nlines"\r\n3,plain\r\n';
		const expected = [
			['id', 'note'],
			['1', 'a "quoted", word'],
			['2', 'two\r\nlines'],
			['3', 'plain']
		];
		for (const pieces of cuts(text))
			expect(cellsOf(pieces), JSON.stringify(pieces)).toEqual(expected);
	});

	it('numbers records, not lines: a quoted line break stays in its row', () => {
		const { out } = records(['h1,h2\n', '"one\nmore\n', 'lines",x\n', 'after,y\n']);
		expect(out).toEqual([
			{ cells: ['h1', 'h2'], index: 0 },
			{ cells: ['one\nmore\nlines', 'x'], index: 1 },
			{ cells: ['after', 'y'], index: 2 }
		]);
	});

	it('ends records at \\n, \\r\\n and a lone \\r, one \\r\\n split between pieces included', () => {
		expect(cellsOf(['a\r', '\nb\rc\nd'])).toEqual([['a'], ['b'], ['c'], ['d']]);
		expect(cellsOf(['a\r', '\r\nb'])).toEqual([['a'], [''], ['b']]);
	});

	it('reads an empty line as one empty cell, and one final line break as the end of the last row', () => {
		expect(cellsOf(['h\n1\n\n2\n'])).toEqual([['h'], ['1'], [''], ['2']]);
		expect(cellsOf(['h\n1\n\n'])).toEqual([['h'], ['1'], ['']]);
		expect(cellsOf(['h\n1'])).toEqual([['h'], ['1']]);
		expect(cellsOf(['h\n1,'])).toEqual([['h'], ['1', '']]);
		expect(cellsOf([''])).toEqual([]);
	});

	it('reads other delimiters, and a quote inside an unquoted cell as text', () => {
		expect(cellsOf(['a;"b;c"\tx;d"e"'], ';')).toEqual([['a', 'b;c\tx', 'd"e"']]);
		expect(cellsOf(['a\t"b\tc"\td'], '\t')).toEqual([['a', 'b\tc', 'd']]);
	});

	it('keeps text after a closing quote, and says when a quoted cell is never closed', () => {
		expect(cellsOf(['"ab"cd,e'])).toEqual([['abcd', 'e']]);
		const open = records(['h,i\n1,2\n3,"never closed\n4,5\n']);
		expect(open.out.map((r) => r.cells)).toEqual([
			['h', 'i'],
			['1', '2'],
			['3', 'never closed\n4,5\n']
		]);
		expect(open.unclosed).toBe(2);
		expect(records(['h\n"closed"']).unclosed).toBeNull();
	});

	it('reads well-formed files as d3-dsv does, cut anywhere (generated files)', () => {
		let seed = 7;
		const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		const alphabet = ['a', 'b', ' ', ',', '"', '\n', '\r\n', 'ə', '😀', ''];
		for (let file = 0; file < 200; file++) {
			const rows = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
				Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
					const cell = Array.from(
						{ length: Math.floor(random() * 6) },
						() => alphabet[Math.floor(random() * alphabet.length)]
					).join('');
					return /[",\r\n]/.test(cell) || random() < 0.2 ? `"${cell.replace(/"/g, '""')}"` : cell;
				}).join(',')
			);
			const text = rows.join(random() < 0.5 ? '\n' : '\r\n') + (random() < 0.5 ? '\n' : '');
			const expected = dsvFormat(',').parseRows(text);
			for (const pieces of [
				[text],
				[...text],
				[text.slice(0, text.length >> 1), text.slice(text.length >> 1)]
			])
				expect(cellsOf(pieces), JSON.stringify(text)).toEqual(expected);
		}
	});
});
