import type { DraftIncidentFeature, Source, Statement } from '../data/schema';

export const IMPORT_FORMATS = ['acled', 'ucdp', 'geojson', 'csv', 'kml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Why a row was refused: `row` as a spreadsheet numbers it (header = 1) for CSV, ACLED and UCDP,
 * the feature's or placemark's position (first = 1) for GeoJSON and KML (0 for the file itself);
 * `column` the column, or the property path for GeoJSON and KML.
 */
export interface Rejection {
	row: number;
	column: string;
	reason: string;
}

/** The records one row becomes: an incident and the sources (and statements) it cites. */
export interface ImportItem {
	row: number;
	incident: DraftIncidentFeature;
	sources: Source[];
	statements: Statement[];
	/**
	 * The sources and statements are partial copies (as our GeoJSON export embeds them): each is
	 * written only where the database has no record by its id, never over one it has.
	 */
	partial?: boolean;
	/** The column(s) or property path the geometry came from, for the extent check's rejections. */
	geometryColumn?: string;
}

/** A parser's output: every row either became an item or was rejected (maybe for several fields). */
export interface ParseResult {
	format: ImportFormat;
	/** Data rows (or features) read, header excluded. */
	rows: number;
	items: ImportItem[];
	rejected: Rejection[];
	/** Notes on the file as a whole ("read as UTF-8 with a byte-order mark"). */
	notes: string[];
}

export interface ParseOptions {
	/** The file's name, for messages and for sources that cite the file itself. */
	fileName?: string;
	/** CSV and KML: our field → the column (or ExtendedData name) that holds it, over the detected one. */
	map?: Record<string, string>;
	/** CSV and KML: a value for a field the file does not give (e.g. the event type of every row). */
	set?: Record<string, string>;
}

/** A file whose bytes cannot be read as rows at all (encoding, delimiter, XML): said in one line. */
export class ImportFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportFileError';
	}
}
