import { CsvTokenizer } from './csv_stream';
import { ImportFileError } from './types';

const UTF16_LE = 'the file is UTF-16 (little-endian byte-order mark): save it as UTF-8';
const UTF16_BE = 'the file is UTF-16 (big-endian byte-order mark): save it as UTF-8';

/** The one line that says a file is not UTF-8, naming the first byte that breaks it. */
function notUtf8(byte: number, offset: number): ImportFileError {
	return new ImportFileError(
		`the file is not UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset} cannot start or continue a UTF-8 character); it may be Windows-1252 or Latin-1: save it as UTF-8`
	);
}

/**
 * The text of a file that must be UTF-8, with or without a byte-order mark. Anything else is
 * refused with one line saying what it looks like (UTF-16, or a legacy code page such as
 * Windows-1252), since guessing a code page silently garbles Armenian and Azerbaijani names.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; notes: string[] } {
	const decoder = new Utf8Stream();
	const text = decoder.push(bytes) + decoder.end();
	return { text, notes: decoder.notes };
}

/** How many bytes the UTF-8 sequence that `lead` starts takes (0: `lead` cannot start one). */
function sequenceLength(lead: number): number {
	if (lead < 0x80) return 1;
	if (lead >= 0xc2 && lead < 0xe0) return 2;
	if (lead >= 0xe0 && lead < 0xf0) return 3;
	if (lead >= 0xf0 && lead < 0xf5) return 4;
	return 0;
}

/**
 * {@link decodeUtf8} for a file read in pieces (`push` each, then `end`): the same checks and the
 * same one-line refusals, with the offset counted from the start of the file, whatever the pieces
 * (a character, the byte-order mark or the UTF-16 mark may be split between two of them).
 */
export class Utf8Stream {
	readonly #decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	/** Bytes not decoded yet: the file's first bytes (until the mark is known) or a split character. */
	#pending: Uint8Array = new Uint8Array(0);
	/** The file offset of `#pending[0]`. */
	#offset = 0;
	#started = false;
	#bom = false;

	/** What the file was read as, once its first bytes are known. */
	get notes(): string[] {
		return [this.#bom ? 'read as UTF-8 with a byte-order mark' : 'read as UTF-8'];
	}

	/** The text of `bytes` (and of what an earlier piece left pending); may keep a split character. */
	push(bytes: Uint8Array): string {
		let data = bytes;
		if (this.#pending.length) {
			data = new Uint8Array(this.#pending.length + bytes.length);
			data.set(this.#pending);
			data.set(bytes, this.#pending.length);
		}
		if (!this.#started) {
			if (data.length < 3) {
				this.#pending = data.slice();
				return '';
			}
			this.#start(data);
			data = data.subarray(this.#offset);
		}
		let cut = data.length;
		for (let k = 1; k <= Math.min(3, data.length); k++) {
			const b = data[data.length - k];
			if ((b & 0xc0) === 0x80) continue;
			if (sequenceLength(b) > k) cut = data.length - k;
			break;
		}
		const text = this.#decode(data.subarray(0, cut));
		this.#offset += cut;
		this.#pending = data.slice(cut);
		return text;
	}

	/** The end of the file: the text of what is still pending (an incomplete character is refused). */
	end(): string {
		const data = this.#pending;
		if (!this.#started) {
			this.#start(data);
			const text = this.#decode(data.subarray(this.#offset));
			this.#pending = new Uint8Array(0);
			return text;
		}
		this.#pending = new Uint8Array(0);
		return this.#decode(data);
	}

	/** Looks at the file's first bytes: refuses UTF-16, skips a UTF-8 byte-order mark. */
	#start(data: Uint8Array) {
		this.#started = true;
		if (data[0] === 0xff && data[1] === 0xfe) throw new ImportFileError(UTF16_LE);
		if (data[0] === 0xfe && data[1] === 0xff) throw new ImportFileError(UTF16_BE);
		this.#bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
		this.#offset = this.#bom ? 3 : 0;
	}

	#decode(data: Uint8Array): string {
		try {
			return this.#decoder.decode(data);
		} catch {
			const at = firstInvalidUtf8(data);
			throw notUtf8(data[at], this.#offset + at);
		}
	}
}

/** The offset of the first byte that breaks UTF-8 (overlong forms and surrogates included). */
function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		const need = sequenceLength(b) - 1;
		if (need < 0) return i;
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return i;
		}
		// The second byte's range that keeps the character neither overlong nor a surrogate.
		const c = bytes[i + 1];
		if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c >= 0xa0)) return i;
		if ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c >= 0x90)) return i;
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
 * A delimited table read in pieces of text: the delimiter is the one the header line uses most
 * (comma, semicolon, tab or pipe), so a spreadsheet saved with semicolons (as European locales do)
 * still reads; the notes say which one it was when it is not a comma. The header's columns go to
 * `onHeader` once, then each data row to `onRow` as a record keyed by (trimmed) column, values
 * trimmed, with its row number as a spreadsheet shows it (header = 1; a quoted line break does
 * not start a row). Cells a short row lacks are empty; cells past the header's are dropped.
 */
export class TableStream {
	readonly #notes: string[];
	readonly #onHeader: (columns: string[], delimiter: string) => void;
	readonly #onRow: (row: Record<string, string>, rowNumber: number) => void;
	/** The text before the header line is complete (the delimiter is not known until then). */
	#head: string | null = '';
	#tokenizer: CsvTokenizer | null = null;
	#columns: string[] = [];
	delimiter = ',';

	constructor(
		notes: string[],
		onHeader: (columns: string[], delimiter: string) => void,
		onRow: (row: Record<string, string>, rowNumber: number) => void
	) {
		this.#notes = notes;
		this.#onHeader = onHeader;
		this.#onRow = onRow;
	}

	/** Data rows read so far (the header excluded). */
	get rows(): number {
		return Math.max(0, (this.#tokenizer?.records ?? 0) - 1);
	}

	/** The row (as a spreadsheet numbers it) whose quoted cell the file ended inside, if any. */
	get unclosedQuoteRow(): number | null {
		const index = this.#tokenizer?.unclosedQuote;
		return index === null || index === undefined ? null : index + 1;
	}

	push(text: string): void {
		if (this.#head === null) {
			this.#tokenizer!.push(text);
			return;
		}
		this.#head += text;
		if (/[\r\n]/.test(this.#head)) this.#begin();
	}

	end(): void {
		if (this.#head !== null) this.#begin();
		this.#tokenizer!.end();
	}

	#begin() {
		const body = this.#head!.charCodeAt(0) === 0xfeff ? this.#head!.slice(1) : this.#head!;
		this.#head = null;
		const headerLine = body.slice(0, body.search(/[\r\n]|$/));
		if (!headerLine.trim()) throw new ImportFileError('the file is empty: no header row');
		const delimiter = DELIMITERS.reduce((best, d) =>
			countOutsideQuotes(headerLine, d) > countOutsideQuotes(headerLine, best) ? d : best
		);
		this.delimiter = delimiter;
		if (delimiter !== ',') this.#notes.push(`columns separated by ${NAMES[delimiter]}s`);
		this.#tokenizer = new CsvTokenizer(delimiter, (cells, index) => {
			if (index === 0) {
				this.#columns = cells.map((c) => c.trim());
				this.#onHeader(this.#columns, delimiter);
				return;
			}
			const row: Record<string, string> = {};
			const columns = this.#columns;
			for (let i = 0; i < columns.length; i++) row[columns[i]] = (cells[i] ?? '').trim();
			this.#onRow(row, index + 1);
		});
		this.#tokenizer.push(body);
	}
}

/** A whole table at once (see {@link TableStream}); row `i` is spreadsheet row `i + 2`. */
export function readTable(text: string, notes: string[]): Table {
	const rows: Record<string, string>[] = [];
	let columns: string[] = [];
	const table = new TableStream(
		notes,
		(c) => (columns = c),
		(row) => rows.push(row)
	);
	table.push(text);
	table.end();
	return { columns, rows, delimiter: table.delimiter };
}
