import { ACLED_REQUIRED } from './acled';
import type { ImportFormat } from './types';

/** Columns only a UCDP GED export has. */
const UCDP_MARKERS = ['where_prec', 'date_prec', 'type_of_violence', 'side_a'];

/**
 * The format a file most likely is, from its name and its first bytes: XML with `<kml` is KML;
 * JSON (or a `.geojson` name) is GeoJSON; a table whose header has ACLED's required columns is
 * ACLED, one with UCDP GED's precision columns is UCDP; any other table is a spreadsheet (CSV).
 * A guess the editor can change: the import itself reports what does not fit.
 */
export function detectFormat(fileName: string, head: string): ImportFormat {
	const text = head.replace(/^\uFEFF/, '').trimStart();
	const name = fileName.toLowerCase();
	if (name.endsWith('.kml') || (text.startsWith('<') && /<kml[\s>]/i.test(text))) return 'kml';
	if (name.endsWith('.geojson') || name.endsWith('.json') || text.startsWith('{')) return 'geojson';
	const header = (text.split(/\r?\n/, 1)[0] ?? '')
		.split(/[,;\t|]/)
		.map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
	if (ACLED_REQUIRED.every((c) => header.includes(c))) return 'acled';
	if (UCDP_MARKERS.every((c) => header.includes(c))) return 'ucdp';
	return 'csv';
}
