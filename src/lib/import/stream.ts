import { TableStream, Utf8Stream } from './text';
import type { ImportFormat, ImportItem, ParseResult, Rejection } from './types';

/** What one row of a table becomes: an item, or the reasons it is refused (maybe both empty). */
export interface RowRead {
	item?: ImportItem;
	problems: { list: Rejection[] };
}

/**
 * A table format (ACLED, UCDP, a spreadsheet): given the header's columns, either the function
 * that reads each row (keyed by column, with its spreadsheet row number) or the header's
 * rejections (row 1), in which case no row is read (they are only counted).
 */
export interface TableFormat {
	format: 'acled' | 'ucdp' | 'csv';
	header(
		columns: string[],
		notes: string[]
	): ((row: Record<string, string>, rowNumber: number) => RowRead) | Rejection[];
}

/** Something a pass over a file finds, in file order: an item, or a row's (or the file's) rejections. */
export type ImportEvent = { item: ImportItem } | { rejected: Rejection[] };

/** What a pass over a file knows once it has read all of it. */
export interface ImportSummary {
	/** Data rows (features, placemarks) read, header excluded. */
	rows: number;
	/** Notes on the file as a whole ("read as UTF-8 with a byte-order mark"). */
	notes: string[];
}

/**
 * A file to import, readable from its start as often as needed (an import reads it twice: once to
 * learn its ids and dates, once to plan and write), never held whole in memory for a table.
 * `read()` throws {@link ImportFileError} for a file that cannot be read at all.
 */
export interface ImportSource {
	format: ImportFormat;
	read(): AsyncGenerator<ImportEvent, ImportSummary>;
}

/** The bytes of a file, in pieces, from its start (a fresh iteration each call). */
export type OpenBytes = () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * Reads a table piece by piece, calling `onEvent` for each row's item or rejections as soon as its
 * record is complete. The driver of both the whole-file parsers and the streaming source.
 */
export class TableReader {
	readonly #decoder = new Utf8Stream();
	readonly #notes: string[] = [];
	readonly #table: TableStream;
	readonly #onEvent: (event: ImportEvent) => void;
	#header: Rejection[] = [];

	constructor(format: TableFormat, onEvent: (event: ImportEvent) => void) {
		this.#onEvent = onEvent;
		let read: ((row: Record<string, string>, n: number) => RowRead) | null = null;
		this.#table = new TableStream(
			this.#notes,
			(columns) => {
				const reader = format.header(columns, this.#notes);
				if (Array.isArray(reader)) {
					this.#header = reader;
					onEvent({ rejected: reader });
				} else read = reader;
			},
			(row, n) => {
				if (!read) return;
				const { item, problems } = read(row, n);
				if (item) onEvent({ item });
				if (problems.list.length) onEvent({ rejected: problems.list });
			}
		);
	}

	push(bytes: Uint8Array): void {
		const text = this.#decoder.push(bytes);
		if (text) this.#table.push(text);
	}

	end(): ImportSummary {
		const text = this.#decoder.end();
		if (text) this.#table.push(text);
		this.#table.end();
		const unclosed = this.#table.unclosedQuoteRow;
		if (unclosed !== null && this.#header.length === 0)
			this.#onEvent({
				rejected: [
					{
						row: unclosed,
						column: '',
						reason:
							'a quoted cell opens in this row and is never closed: the rest of the file was read into it'
					}
				]
			});
		return { rows: this.#table.rows, notes: [...this.#decoder.notes, ...this.#notes] };
	}
}

/** A whole table file at once (the parsers' pure entry point; the same reading as the stream). */
export function parseTable(format: TableFormat, bytes: Uint8Array): ParseResult {
	const items: ImportItem[] = [];
	const rejected: Rejection[] = [];
	const reader = new TableReader(format, (event) => {
		if ('item' in event) items.push(event.item);
		else rejected.push(...event.rejected);
	});
	reader.push(bytes);
	const { rows, notes } = reader.end();
	return { format: format.format, rows, items, rejected, notes };
}

/** A table file read as a stream: at most one piece of bytes and its rows in memory at a time. */
export function tableSource(format: TableFormat, open: OpenBytes): ImportSource {
	return {
		format: format.format,
		async *read() {
			let events: ImportEvent[] = [];
			const reader = new TableReader(format, (event) => events.push(event));
			for await (const piece of open()) {
				reader.push(piece);
				if (events.length) {
					const ready = events;
					events = [];
					yield* ready;
				}
			}
			const summary = reader.end();
			yield* events;
			return summary;
		}
	};
}

/**
 * A file parsed whole (GeoJSON is one JSON document, and KML's placemarks are collected by its
 * parser): the bytes are joined and parsed once, on the first read, and the result is kept for the
 * second. See README "Import your data" for why these two are not streamed.
 */
export function wholeFileSource(
	format: ImportFormat,
	open: OpenBytes,
	parse: (bytes: Uint8Array) => ParseResult
): ImportSource {
	let parsed: Promise<ParseResult> | null = null;
	const load = async () => {
		const pieces: Uint8Array[] = [];
		let length = 0;
		for await (const piece of open()) {
			pieces.push(piece);
			length += piece.length;
		}
		const bytes = new Uint8Array(length);
		let at = 0;
		for (const piece of pieces) {
			bytes.set(piece, at);
			at += piece.length;
		}
		return parse(bytes);
	};
	return {
		format,
		async *read() {
			parsed ??= load();
			return yield* parsedEvents(await parsed);
		}
	};
}

async function* parsedEvents(parsed: ParseResult): AsyncGenerator<ImportEvent, ImportSummary> {
	if (parsed.rejected.length) yield { rejected: parsed.rejected };
	for (const item of parsed.items) yield { item };
	return { rows: parsed.rows, notes: parsed.notes };
}

/** A file already parsed (tests, and callers that have a {@link ParseResult}) as a source. */
export function parsedSource(parsed: ParseResult): ImportSource {
	return { format: parsed.format, read: () => parsedEvents(parsed) };
}

/** `bytes` in pieces of `size` (views, not copies): an in-memory file as a stream. */
export function piecesOf(bytes: Uint8Array, size = 256 * 1024): OpenBytes {
	return function* () {
		for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
	};
}

/** The first `count` items of a file (for a preview), reading no further than they are. */
export async function firstItems(source: ImportSource, count: number): Promise<ImportItem[]> {
	const items: ImportItem[] = [];
	if (count <= 0) return items;
	const pass = source.read();
	try {
		for (;;) {
			const next = await pass.next();
			if (next.done) break;
			if ('item' in next.value) items.push(next.value.item);
			if (items.length >= count) break;
		}
	} finally {
		await pass.return(undefined as never);
	}
	return items;
}
