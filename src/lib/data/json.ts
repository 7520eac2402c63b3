import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** A JSON syntax error located by line and column, which `JSON.parse` alone does not give. */
export class JsonSyntaxError extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		readonly column: number,
		readonly reason: string
	) {
		super(`${file}: invalid JSON at line ${line}, column ${column}: ${reason}`);
		this.name = 'JsonSyntaxError';
	}
}

/** Line and column (both 1-based) of a character offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset && i < text.length; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}

/**
 * Parses strict JSON. On a syntax error, a second, tolerant pass (jsonc-parser, with comments and
 * trailing commas disallowed) finds where it is, since Node 20's `JSON.parse` often gives no
 * position.
 */
export function parseJson(file: string, text: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		const errors: ParseError[] = [];
		parseTolerant(text, errors, { allowTrailingComma: false, disallowComments: true });
		const first = errors[0];
		const offset = first ? first.offset : text.length;
		const reason = first
			? printParseErrorCode(first.error)
					.replace(/([a-z])([A-Z])/g, '$1 $2')
					.toLowerCase()
			: error instanceof Error
				? error.message
				: String(error);
		const { line, column } = lineColumn(text, offset);
		throw new JsonSyntaxError(file, line, column, reason);
	}
}
