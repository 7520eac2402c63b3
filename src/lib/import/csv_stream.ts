const QUOTE = 34;
const LF = 10;
const CR = 13;

// Where the tokenizer is between two characters:
/** At the start of a cell (nothing of it read yet). */
const START = 0;
/** Inside a cell that did not open with a quote. */
const PLAIN = 1;
/** Inside a quoted cell. */
const QUOTED = 2;
/** Just after a quote inside a quoted cell: `""` (a quote) or the cell's closing quote. */
const QUOTE_IN_QUOTED = 3;
/** Just after a carriage return that ended a record: a line feed next belongs to it. */
const AFTER_CR = 4;

/**
 * An RFC 4180 tokenizer fed text in pieces of any size (a quote, a `\r\n` or a `""` may be split
 * between two pieces): each complete record (its cells) goes to `onRecord` with its index (the
 * header is record 0, so a spreadsheet shows record `i` as row `i + 1`; a quoted line break stays
 * inside its cell and does not count as a row).
 *
 * It reads what d3-dsv's `parse` reads for well-formed files: records end at `\n`, `\r\n` or `\r`;
 * an empty line is a record of one empty cell; one line break at the very end of the file ends the
 * last record rather than starting another. Two departures for malformed cells: text after a
 * closing quote is kept in the cell (d3 dropped one character there), and a quoted cell that is
 * never closed is reported ({@link unclosedQuote}) instead of silently taking the rest of the file.
 */
export class CsvTokenizer {
	readonly #delimiter: number;
	readonly #onRecord: (cells: string[], index: number) => void;
	#state = START;
	#cells: string[] = [];
	/** The current cell's text from earlier pieces. */
	#cell = '';
	/** Whether anything of the current record has been read (an empty line is still a record). */
	#started = false;
	#index = 0;
	#unclosed: number | null = null;

	constructor(delimiter: string, onRecord: (cells: string[], index: number) => void) {
		if (delimiter.length !== 1) throw new Error('CsvTokenizer: the delimiter is one character');
		this.#delimiter = delimiter.charCodeAt(0);
		this.#onRecord = onRecord;
	}

	/** Records read so far (the header included). */
	get records(): number {
		return this.#index;
	}

	/** The index of the record whose quoted cell the file ended inside, if it did. */
	get unclosedQuote(): number | null {
		return this.#unclosed;
	}

	#endCell(value: string) {
		this.#cells.push(value);
		this.#cell = '';
		this.#state = START;
	}

	#endRecord(value: string) {
		this.#cells.push(value);
		const cells = this.#cells;
		this.#cells = [];
		this.#cell = '';
		this.#started = false;
		this.#state = START;
		this.#onRecord(cells, this.#index++);
	}

	/** Reads the next piece of the text. */
	push(text: string): void {
		const n = text.length;
		const delimiter = this.#delimiter;
		let i = 0;
		while (i < n) {
			switch (this.#state) {
				case AFTER_CR: {
					this.#state = START;
					if (text.charCodeAt(i) === LF) i++;
					break;
				}
				case START: {
					const c = text.charCodeAt(i);
					this.#started = true;
					if (c === QUOTE) {
						this.#state = QUOTED;
						i++;
					} else if (c === delimiter) {
						this.#endCell('');
						i++;
					} else if (c === LF) {
						this.#endRecord('');
						i++;
					} else if (c === CR) {
						this.#endRecord('');
						this.#state = AFTER_CR;
						i++;
					} else this.#state = PLAIN;
					break;
				}
				case PLAIN: {
					const from = i;
					let c = 0;
					while (i < n) {
						c = text.charCodeAt(i);
						if (c === delimiter || c === LF || c === CR) break;
						i++;
					}
					const value = this.#cell + text.slice(from, i);
					if (i === n) {
						this.#cell = value;
						break;
					}
					i++;
					if (c === delimiter) this.#endCell(value);
					else {
						this.#endRecord(value);
						if (c === CR) this.#state = AFTER_CR;
					}
					break;
				}
				case QUOTED: {
					const quote = text.indexOf('"', i);
					if (quote < 0) {
						this.#cell += text.slice(i);
						i = n;
						break;
					}
					this.#cell += text.slice(i, quote);
					this.#state = QUOTE_IN_QUOTED;
					i = quote + 1;
					break;
				}
				case QUOTE_IN_QUOTED: {
					const c = text.charCodeAt(i);
					if (c === QUOTE) {
						this.#cell += '"';
						this.#state = QUOTED;
						i++;
					} else if (c === delimiter) {
						this.#endCell(this.#cell);
						i++;
					} else if (c === LF || c === CR) {
						this.#endRecord(this.#cell);
						if (c === CR) this.#state = AFTER_CR;
						i++;
					} else {
						// Text after the closing quote (`"a"b`): kept, as most spreadsheets do.
						this.#state = PLAIN;
					}
					break;
				}
			}
		}
	}

	/** The end of the text: the last record, if the text did not end with a line break. */
	end(): void {
		if (this.#state === QUOTED) this.#unclosed = this.#index;
		if (this.#state === AFTER_CR || !this.#started) return;
		this.#endRecord(this.#cell);
	}
}
