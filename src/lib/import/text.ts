import { dsvFormat } from 'd3-dsv';
import { ImportFileError } from './types';

/**
 * The text of a file that must be UTF-8, with or without a byte-order mark. Anything else is
 * refused with one line saying what it looks like (UTF-16, or a legacy code page such as
 * Windows-1252), since guessing a code page silently garbles Armenian and Azerbaijani names.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; notes: string[] } {
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		throw new ImportFileError(
			'the file is UTF-16 (little-endian byte-order mark): save it as UTF-8'
		);
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		throw new ImportFileError('the file is UTF-16 (big-endian byte-order mark): save it as UTF-8');
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		const at = firstInvalidUtf8(bytes);
		throw new ImportFileError(
			`the file is not UTF-8 (byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} at offset ${at} cannot start or continue a UTF-8 character); it may be Windows-1252 or Latin-1: save it as UTF-8`
		);
	}
	return { text, notes: [bom ? 'read as UTF-8 with a byte-order mark' : 'read as UTF-8'] };
}

/** The offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		const need =
			b < 0x80
				? 0
				: b >= 0xc2 && b < 0xe0
					? 1
					: b >= 0xe0 && b < 0xf0
						? 2
						: b >= 0xf0 && b < 0xf5
							? 3
							: -1;
		if (need < 0) return i;
		for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
		i += need + 1;
	}
	return 0;
}

export interface Table {
	columns: string[];
	/** Data rows; row `i` is spreadsheet row `i + 2` (the header is row 1). */
	rows: Record<string, string>[];
	delimiter: string;
}

const DELIMITERS = [',', ';', '\t', '|'];
const NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** How often `delimiter` occurs in `line` outside double quotes. */
function countOutsideQuotes(line: string, delimiter: string): number {
	let n = 0;
	let quoted = false;
	for (const ch of line) {
		if (ch === '"') quoted = !quoted;
		else if (ch === delimiter && !quoted) n++;
	}
	return n;
}

/**
 * A delimited table: the delimiter is the one the header line uses most (comma, semicolon, tab or
 * pipe), so a spreadsheet saved with semicolons (as European locales do) still reads; the notes say
 * which one it was when it is not a comma.
 */
export function readTable(text: string, notes: string[]): Table {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const headerLine = body.slice(0, body.search(/\r?\n|$/));
	if (!headerLine.trim()) throw new ImportFileError('the file is empty: no header row');
	const delimiter = DELIMITERS.reduce((best, d) =>
		countOutsideQuotes(headerLine, d) > countOutsideQuotes(headerLine, best) ? d : best
	);
	if (delimiter !== ',') notes.push(`columns separated by ${NAMES[delimiter]}s`);
	const parsed = dsvFormat(delimiter).parse(body);
	const columns = parsed.columns.map((c) => c.trim());
	const rows = parsed.map((row) => {
		const out: Record<string, string> = {};
		parsed.columns.forEach((c, i) => (out[columns[i]] = (row[c] ?? '').trim()));
		return out;
	});
	return { columns, rows, delimiter };
}
