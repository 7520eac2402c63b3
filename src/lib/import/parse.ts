import { parseAcled } from './acled';
import { parseCsv } from './csv';
import { parseGeoJSON } from './geojson';
import { parseKml } from './kml';
import { parseUcdp } from './ucdp';
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
