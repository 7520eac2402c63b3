import { acledTable, parseAcled } from './acled';
import { csvTable, parseCsv } from './csv';
import { parseGeoJSON } from './geojson';
import { parseKml } from './kml';
import { tableSource, wholeFileSource, type ImportSource, type OpenBytes } from './stream';
import { parseUcdp, ucdpTable } from './ucdp';
import type { ImportFormat, ParseOptions, ParseResult } from './types';

/** Reads a file of `format` into records and rejections; pure (the bytes in, no I/O). */
export function parseImport(
	format: ImportFormat,
	bytes: Uint8Array,
	options: ParseOptions = {}
): ParseResult {
	switch (format) {
		case 'acled':
			return parseAcled(bytes);
		case 'ucdp':
			return parseUcdp(bytes);
		case 'csv':
			return parseCsv(bytes, options);
		case 'geojson':
			return parseGeoJSON(bytes, options);
		case 'kml':
			return parseKml(bytes, options);
	}
}

/**
 * A file of `format` as an import reads it: tables (ACLED, UCDP, CSV) as a stream of rows, GeoJSON
 * and KML whole (see {@link wholeFileSource}). `open` gives the file's bytes from the start.
 */
export function importSource(
	format: ImportFormat,
	open: OpenBytes,
	options: ParseOptions = {}
): ImportSource {
	switch (format) {
		case 'acled':
			return tableSource(acledTable, open);
		case 'ucdp':
			return tableSource(ucdpTable, open);
		case 'csv':
			return tableSource(csvTable(options), open);
		case 'geojson':
			return wholeFileSource(format, open, (bytes) => parseGeoJSON(bytes, options));
		case 'kml':
			return wholeFileSource(format, open, (bytes) => parseKml(bytes, options));
	}
}
