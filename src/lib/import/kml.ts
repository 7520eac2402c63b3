import { SaxesParser } from 'saxes';
import type { DraftIncidentFeature } from '../data/schema';
import { detectMapping, genericRow, type Field } from './fields';
import { decodeUtf8 } from './text';
import type { ImportItem, ParseOptions, ParseResult, Rejection } from './types';

/** What the import reads of one KML Placemark. */
export interface Placemark {
	name: string;
	description: string;
	/** `TimeStamp/when`, or `TimeSpan/begin`. */
	when: string;
	/** `TimeSpan/end`. */
	end: string;
	/** Where `when` came from, for messages. */
	whenPath: string;
	geometry: DraftIncidentFeature['geometry'] | string | null;
	/** `ExtendedData` `Data`/`SimpleData` values by name. */
	data: Record<string, string>;
}

type Position = [number, number];

function coordinates(text: string): Position[] | string {
	const out: Position[] = [];
	for (const tuple of text.trim().split(/\s+/)) {
		const parts = tuple.split(',').map(Number);
		if (parts.length < 2 || parts.some((n) => !Number.isFinite(n)))
			return `"${tuple}" is not lon,lat[,alt]`;
		out.push([parts[0], parts[1]]);
	}
	return out;
}

/** Every Placemark of a KML document, in document order; throws on XML that is not well-formed. */
export function readPlacemarks(xml: string): Placemark[] {
	const parser = new SaxesParser();
	const placemarks: Placemark[] = [];
	const stack: string[] = [];
	let current: Placemark | null = null;
	let text = '';
	let dataName = '';
	let lines: Position[][] = [];
	let points: Position[] = [];
	let geometryError = '';
	let error: Error | null = null;
	parser.on('error', (e) => (error ??= e));
	parser.on('opentag', (tag) => {
		const name = tag.name.replace(/^.*:/, '');
		stack.push(name);
		text = '';
		if (name === 'Placemark') {
			current = {
				name: '',
				description: '',
				when: '',
				end: '',
				whenPath: 'TimeStamp.when',
				geometry: null,
				data: {}
			};
			lines = [];
			points = [];
			geometryError = '';
		} else if ((name === 'Data' || name === 'SimpleData') && current) {
			dataName = String(tag.attributes.name ?? '');
		}
	});
	parser.on('text', (t) => (text += t));
	parser.on('cdata', (t) => (text += t));
	parser.on('closetag', (tag) => {
		const name = tag.name.replace(/^.*:/, '');
		const parent = stack[stack.length - 2];
		stack.pop();
		const p = current;
		if (!p) return;
		const value = text.trim();
		if (name === 'name' && parent === 'Placemark') p.name = value;
		else if (name === 'description' && parent === 'Placemark') p.description = value;
		else if (name === 'when' && parent === 'TimeStamp') p.when = value;
		else if (name === 'begin' && parent === 'TimeSpan') {
			p.when = value;
			p.whenPath = 'TimeSpan.begin';
		} else if (name === 'end' && parent === 'TimeSpan') p.end = value;
		else if (name === 'value' && parent === 'Data') p.data[dataName] = value;
		else if (name === 'SimpleData') p.data[dataName] = value;
		else if (name === 'coordinates') {
			const c = coordinates(value);
			if (typeof c === 'string') geometryError ||= `${parent}.coordinates ${c}`;
			else if (parent === 'Point') points.push(...c);
			else if (parent === 'LineString') lines.push(c);
			else
				geometryError ||= `a ${stack.includes('Polygon') ? 'Polygon' : parent}: an incident is a Point, LineString or MultiLineString`;
		} else if (name === 'Polygon') {
			geometryError ||= 'a Polygon: an incident is a Point, LineString or MultiLineString';
		} else if (name === 'Placemark') {
			if (geometryError) p.geometry = geometryError;
			else if (points.length === 1 && lines.length === 0)
				p.geometry = { type: 'Point', coordinates: points[0] };
			else if (points.length === 0 && lines.length === 1)
				p.geometry = { type: 'LineString', coordinates: lines[0] };
			else if (points.length === 0 && lines.length > 1)
				p.geometry = { type: 'MultiLineString', coordinates: lines };
			else if (points.length + lines.length === 0) p.geometry = 'the placemark has no geometry';
			else p.geometry = 'mixes points and lines: an incident is one Point, or lines';
			placemarks.push(p);
			current = null;
		}
		text = '';
	});
	parser.write(xml).close();
	if (error) throw error;
	return placemarks;
}

/** A KML `when`: a day, a month (`2020-10`) or a year, or a dateTime (its day is kept). */
function kmlTime(value: string): { date: string; precision: string } | null {
	let m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
	if (m) return { date: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' };
	m = /^(\d{4})-(\d{2})$/.exec(value);
	if (m) return { date: `${m[1]}-${m[2]}-01`, precision: 'month' };
	m = /^(\d{4})$/.exec(value);
	if (m) return { date: `${m[1]}-01-01`, precision: 'year' };
	return null;
}

/**
 * A KML file (Google Earth, our own export) → records: a Placemark's `name` is the title, its
 * `description` the summary, `TimeStamp/when` or `TimeSpan/begin`–`end` the dates, and its
 * ExtendedData values are read through the same field mapping as a spreadsheet's columns.
 */
export function parseKml(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
	const { text, notes } = decodeUtf8(bytes);
	let placemarks: Placemark[];
	try {
		placemarks = readPlacemarks(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return {
			format: 'kml',
			rows: 0,
			items: [],
			rejected: [
				{ row: 0, column: '', reason: `is not well-formed XML: ${(error as Error).message}` }
			],
			notes
		};
	}
	const items: ImportItem[] = [];
	const rejected: Rejection[] = [];
	const set = options.set ?? {};
	placemarks.forEach((p, i) => {
		const row = i + 1;
		const time = p.when ? kmlTime(p.when) : null;
		const end = p.end ? kmlTime(p.end) : null;
		const keys = Object.keys(p.data);
		const { mapping } = detectMapping(keys, options.map);
		const fromData = (field: Field) => {
			const key = mapping[field]?.[0];
			return key === undefined ? '' : p.data[key];
		};
		const own: Partial<Record<Field, string>> = {
			title: p.name,
			summary: p.description,
			date: p.when ? (time?.date ?? p.when) : '',
			date_end: p.end ? (end?.date ?? p.end) : '',
			date_precision: time && time.precision !== 'day' ? time.precision : ''
		};
		const ownPath: Partial<Record<Field, string>> = {
			title: 'name',
			summary: 'description',
			date: p.whenPath,
			date_end: 'TimeSpan.end',
			wkt: 'geometry'
		};
		const { item, problems } = genericRow({
			row,
			get: (field) => own[field] || fromData(field) || set[field] || '',
			all: (field) => (mapping[field] ?? []).map((k) => p.data[k]).filter(Boolean),
			columnOf: (field) =>
				(own[field] && ownPath[field]) ||
				ownPath[field as 'wkt'] ||
				(mapping[field] ? `ExtendedData.${mapping[field]![0]}` : field),
			geometry: p.geometry ?? 'the placemark has no geometry',
			prefix: 'kml'
		});
		if (item) items.push(item);
		rejected.push(...problems.list);
	});
	return { format: 'kml', rows: placemarks.length, items, rejected, notes };
}
