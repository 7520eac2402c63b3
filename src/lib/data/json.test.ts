import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, lineColumn, parseJson } from './json';

describe('parseJson', () => {
	it('parses valid JSON', () => {
		expect(parseJson('a.json', '{"a": [1, 2]}')).toEqual({ a: [1, 2] });
	});

	it('reports the line and column of a syntax error', () => {
		const text = '{\n  "a": 1,\n  "b": ,\n}';
		try {
			parseJson('geodata/sources.json', text);
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(JsonSyntaxError);
			const e = error as JsonSyntaxError;
			expect(e.line).toBe(3);
			expect(e.column).toBe(8);
			expect(e.message).toMatch(/^geodata\/sources\.json: invalid JSON at line 3, column 8/);
		}
	});

	it('places an unexpected end of input at the end of the text', () => {
		expect(() => parseJson('x.json', '{\n"a": [1,')).toThrow(/line 2/);
	});
});

describe('lineColumn', () => {
	it('counts from 1', () => {
		expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
		expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
	});
});
