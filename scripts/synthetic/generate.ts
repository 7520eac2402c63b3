import {
	type Claim,
	type Dataset,
	type EventType,
	type IncidentFeature,
	type LayerCollection,
	type LayerDeclaration,
	type LayerFeature,
	type LayerId,
	type Meta,
	type PlaceFeature,
	type Position,
	type Organization,
	type Source,
	type Statement
} from '../../src/lib/data/schema';
import { mulberry32, pick, pickWeighted, randomInt, type Random } from './prng';

/** [west, south, east, north]: every synthetic coordinate lies inside it. */
export const REGION_BBOX = [44.8, 38.8, 47.8, 41.0] as const;

export const FIRST_DATE = '1994-01-01';
export const LAST_DATE = '2023-12-31';
/** No generated date (statements, sources, meta) lies after it. */
export const UPDATED = '2024-03-01';

const SYNTHETIC_URL = 'https://example.invalid/incident-atlas/synthetic';
/** Places keep this far from the bbox edges, so lines and jittered points stay inside. */
const MARGIN_DEG = 0.3;
const DAY_MS = 86_400_000;

/** ACLED event types with their sub-types (ACLED codebook 2023) and how often each type is drawn. */
const TYPES: ReadonlyArray<{
	type: EventType;
	weight: number;
	subTypes: string[];
	en: string;
	vi: string;
}> = [
	{
		type: 'Battles',
		weight: 30,
		subTypes: [
			'Armed clash',
			'Government regains territory',
			'Non-state actor overtakes territory'
		],
		en: 'Armed clash',
		vi: 'Giao tranh'
	},
	{
		type: 'Explosions/Remote violence',
		weight: 35,
		subTypes: [
			'Shelling/artillery/missile attack',
			'Air/drone strike',
			'Remote explosive/landmine/IED',
			'Grenade'
		],
		en: 'Explosion',
		vi: 'Vụ nổ'
	},
	{
		type: 'Violence against civilians',
		weight: 8,
		subTypes: ['Attack', 'Abduction/forced disappearance'],
		en: 'Violence against civilians',
		vi: 'Bạo lực nhằm vào dân thường'
	},
	{
		type: 'Protests',
		weight: 10,
		subTypes: ['Peaceful protest', 'Protest with intervention'],
		en: 'Protest',
		vi: 'Biểu tình'
	},
	{
		type: 'Riots',
		weight: 4,
		subTypes: ['Violent demonstration', 'Mob violence'],
		en: 'Riot',
		vi: 'Bạo loạn'
	},
	{
		type: 'Strategic developments',
		weight: 13,
		subTypes: ['Agreement', 'Arrests', 'Headquarters or base established', 'Other'],
		en: 'Strategic development',
		vi: 'Diễn biến chiến lược'
	}
];

const LOCATION_PRECISIONS = [1, 2, 3] as const;
/** Radius of the uncertainty halo, in metres, per ACLED geo-precision. */
const UNCERTAINTY_M: Record<1 | 2 | 3, [number, number]> = {
	1: [100, 1000],
	2: [2000, 5000],
	3: [10_000, 25_000]
};
const DATE_PRECISIONS = ['day', 'week', 'month', 'year'] as const;
const ACTORS = Array.from({ length: 8 }, (_, i) => `Synthetic armed group ${i + 1}`).concat([
	'Synthetic civilians',
	'Synthetic protesters'
]);
const LANGUAGES = ['en', 'ru', 'hy', 'az', 'vi'];
const SOURCE_KINDS = ['news article', 'official statement', 'report'];
const VIAS = ['press briefing', 'written statement', 'phone call', 'interview'];
const TOPICS = ['casualty-report', 'ceasefire-call', 'condemnation', 'concern', 'humanitarian'];
const CLAIM_METRICS = ['killed', 'wounded', 'missing', 'displaced'];
const CLAIM_SUBJECTS = ['soldiers', 'civilians', 'servicemen'];
const CLAIM_TYPES: ReadonlySet<EventType> = new Set([
	'Battles',
	'Explosions/Remote violence',
	'Violence against civilians'
]);

export interface SyntheticOptions {
	/** Number of incidents (≥ 1). */
	count: number;
	seed: number;
	/** The real layers to reuse; without them, simple placeholder shapes are generated. */
	layers?: Dataset['layers'];
}

/** How many of each record a dataset of `count` incidents gets. */
export function syntheticCounts(count: number): {
	incidents: number;
	statements: number;
	sources: number;
	places: number;
} {
	return {
		incidents: count,
		statements: Math.max(1, Math.round(count / 5)),
		sources: Math.max(1, Math.round(count / 50)),
		places: Math.min(300, Math.max(10, Math.round(count / 25)))
	};
}

function dayOf(iso: string): number {
	return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function isoOf(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function round5(x: number): number {
	return Math.round(x * 1e5) / 1e5;
}

function clamp(x: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, x));
}

function inRegion([lon, lat]: [number, number]): Position {
	const [w, s, e, n] = REGION_BBOX;
	return [round5(clamp(lon, w, e)), round5(clamp(lat, s, n))];
}

/** Moves `metres` from `origin` on `bearing` (radians, 0 = east), on a local flat approximation. */
function offset(origin: Position, metres: number, bearing: number): [number, number] {
	const lat = origin[1];
	const dLat = (metres * Math.sin(bearing)) / 111_320;
	const dLon = (metres * Math.cos(bearing)) / (111_320 * Math.cos((lat * Math.PI) / 180));
	return [origin[0] + dLon, origin[1] + dLat];
}

/** Index of the first source published on or after `day` (sources sorted by date). */
function firstSourceFrom(sourceDays: number[], day: number): number {
	let lo = 0;
	let hi = sourceDays.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sourceDays[mid] < day) lo = mid + 1;
		else hi = mid;
	}
	return Math.min(lo, sourceDays.length - 1);
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

function generatePlaces(random: Random, n: number): PlaceFeature[] {
	const [w, s, e, north] = REGION_BBOX;
	return Array.from({ length: n }, (_, i) => {
		const name = `Synthetic place ${i + 1}`;
		const coordinates: Position = [
			round5(w + MARGIN_DEG + random() * (e - w - 2 * MARGIN_DEG)),
			round5(s + MARGIN_DEG + random() * (north - s - 2 * MARGIN_DEG))
		];
		return {
			type: 'Feature',
			id: `synthetic-place-${i + 1}`,
			geometry: { type: 'Point', coordinates },
			properties: {
				id: `synthetic-place-${i + 1}`,
				name,
				label: name,
				names: { en: name },
				aliases: [],
				kind: pick(random, ['village', 'village', 'town', 'city']),
				admin: `Synthetic district ${1 + (i % 12)}`,
				coord_source: `${SYNTHETIC_URL}/places`,
				confidence: pick(random, ['high', 'medium', 'low'] as const),
				note: 'Synthetic place for load testing; not a real location.'
			}
		};
	});
}

function generateSources(random: Random, n: number): Source[] {
	const first = dayOf(FIRST_DATE);
	const last = dayOf(UPDATED);
	const days = Array.from({ length: n }, () => randomInt(random, first, last)).sort(
		(a, b) => a - b
	);
	// The newest source closes the range, so every incident and statement has a source published after it.
	days[n - 1] = last;
	const width = Math.max(4, String(n).length);
	return days.map((day, i) => ({
		id: `synthetic-source-${pad(i + 1, width)}`,
		publisher: `Synthetic Wire ${1 + (i % 7)}`,
		title: `[synthetic] Report ${i + 1}`,
		url: `${SYNTHETIC_URL}/sources/${i + 1}`,
		published: isoOf(day),
		language: pick(random, LANGUAGES),
		kind: pick(random, SOURCE_KINDS),
		note: 'Synthetic source for load testing; it does not exist.',
		synthetic: true
	}));
}

/** The incident's dates for a precision: coarse precisions span their whole week, month or year. */
function incidentDates(
	random: Random,
	precision: (typeof DATE_PRECISIONS)[number]
): { date: string; date_end?: string } {
	const first = dayOf(FIRST_DATE);
	const last = dayOf(LAST_DATE);
	const day = randomInt(random, first, last);
	const d = new Date(day * DAY_MS);
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth();
	switch (precision) {
		case 'day': {
			if (random() >= 0.15) return { date: isoOf(day) };
			return { date: isoOf(day), date_end: isoOf(Math.min(last, day + randomInt(random, 1, 10))) };
		}
		case 'week': {
			const start = Math.min(day, last - 6);
			return { date: isoOf(start), date_end: isoOf(start + 6) };
		}
		case 'month':
			return {
				date: isoOf(Date.UTC(y, m, 1) / DAY_MS),
				date_end: isoOf(Date.UTC(y, m + 1, 0) / DAY_MS)
			};
		case 'year':
			return { date: `${y}-01-01`, date_end: `${y}-12-31` };
	}
}

/**
 * A line heading roughly one way: every segment keeps within ±60° of the main bearing, so the
 * line is monotone along it and can never cross itself.
 */
function syntheticLine(random: Random, start: Position): Position[] {
	const bearing = random() * 2 * Math.PI;
	const points: Position[] = [inRegion([start[0], start[1]])];
	const vertices = randomInt(random, 2, 5);
	let at: Position = start;
	for (let i = 1; i < vertices; i++) {
		const heading = bearing + ((random() * 2 - 1) * Math.PI) / 3;
		const next = offset(at, randomInt(random, 1000, 5000), heading);
		at = next;
		points.push(inRegion(next));
	}
	return points;
}

function generateIncidents(
	random: Random,
	count: number,
	places: PlaceFeature[],
	sources: Source[]
): IncidentFeature[] {
	const sourceDays = sources.map((s) => dayOf(s.published));
	const width = Math.max(6, String(count).length);
	const incidents: IncidentFeature[] = [];
	for (let i = 0; i < count; i++) {
		const id = `synthetic-${pad(i + 1, width)}`;
		// The first records cycle through every value, so even a tiny dataset has all of them.
		const kind =
			i < TYPES.length
				? TYPES[i]
				: TYPES[
						pickWeighted(
							random,
							TYPES.map((t, k) => [k, t.weight] as const)
						)
					];
		const locationPrecision =
			i < 3
				? LOCATION_PRECISIONS[i]
				: pickWeighted(random, [
						[1, 50],
						[2, 35],
						[3, 15]
					] as const);
		const datePrecision =
			i < 4
				? DATE_PRECISIONS[i]
				: pickWeighted(random, [
						['day', 70],
						['week', 10],
						['month', 12],
						['year', 8]
					] as const);
		const [minU, maxU] = UNCERTAINTY_M[locationPrecision];
		const uncertainty = Math.round(randomInt(random, minU, maxU) / 100) * 100;
		const place = pick(random, places);
		const placeIds = [place.properties.id];
		if (random() < 0.2) {
			const other = pick(random, places).properties.id;
			if (other !== placeIds[0]) placeIds.push(other);
		}
		const isLine = i === 1 || random() < 0.08;
		const geometry: IncidentFeature['geometry'] = isLine
			? { type: 'LineString', coordinates: syntheticLine(random, place.geometry.coordinates) }
			: {
					type: 'Point',
					coordinates: inRegion(
						offset(
							place.geometry.coordinates,
							uncertainty * Math.sqrt(random()),
							random() * 2 * Math.PI
						)
					)
				};
		const dates = incidentDates(random, datePrecision);
		const from = firstSourceFrom(sourceDays, dayOf(dates.date_end ?? dates.date));
		const sourceIds = [sources[randomInt(random, from, Math.min(sources.length - 1, from + 3))].id];
		const actors = [pick(random, ACTORS)];
		if (random() < 0.5) {
			const other = pick(random, ACTORS);
			if (other !== actors[0]) actors.push(other);
		}
		const placeName = place.properties.name;
		incidents.push({
			type: 'Feature',
			id,
			geometry,
			properties: {
				id,
				title: {
					en: `[synthetic] ${kind.en} near ${placeName}`,
					vi: `[synthetic] ${kind.vi} gần ${placeName}`
				},
				summary: {
					en: '[synthetic] Generated record for load testing; not a real event.',
					vi: '[synthetic] Bản ghi tạo tự động để kiểm thử tải; không phải sự kiện có thật.'
				},
				...dates,
				date_precision: datePrecision,
				type: kind.type,
				sub_type: pick(random, kind.subTypes),
				actors,
				place_ids: placeIds,
				location_precision: locationPrecision,
				uncertainty_m: uncertainty,
				...(locationPrecision === 3
					? { location_note: 'Synthetic: only the wider area is "known".' }
					: {}),
				claims: [],
				source_ids: sourceIds,
				statement_ids: [],
				synthetic: true
			}
		});
	}
	return incidents;
}

const SYNTHETIC_MINISTRIES = 6;
const SYNTHETIC_STATES = 3;

/** Synthetic states, each with ministries; taken from no random draw, so other output stays put. */
function generateOrganizations(): Organization[] {
	const states: Organization[] = Array.from({ length: SYNTHETIC_STATES }, (_, k) => ({
		id: `synthetic-state-${k + 1}`,
		names: { en: `Synthetic state ${k + 1}` },
		kind: 'state',
		synthetic: true
	}));
	const ministries: Organization[] = Array.from({ length: SYNTHETIC_MINISTRIES }, (_, k) => ({
		id: `synthetic-ministry-${k + 1}`,
		names: { en: `Synthetic ministry ${k + 1}` },
		kind: 'ministry',
		state: `synthetic-state-${1 + (k % SYNTHETIC_STATES)}`,
		synthetic: true
	}));
	return [...states, ...ministries];
}

function generateStatements(
	random: Random,
	n: number,
	incidents: IncidentFeature[],
	sources: Source[]
): Statement[] {
	const sourceDays = sources.map((s) => dayOf(s.published));
	const width = Math.max(5, String(n).length);
	const statements: Statement[] = [];
	for (let j = 0; j < n; j++) {
		const id = `synthetic-statement-${pad(j + 1, width)}`;
		const about = [incidents[randomInt(random, 0, incidents.length - 1)]];
		if (random() < 0.2) {
			const other = incidents[randomInt(random, 0, incidents.length - 1)];
			if (other !== about[0]) about.push(other);
		}
		const latest = Math.max(...about.map((f) => dayOf(f.properties.date_end ?? f.properties.date)));
		const saidOn = latest + randomInt(random, 0, 7);
		const source = sources[firstSourceFrom(sourceDays, saidOn)];
		const speaker = 1 + (j % 40);
		const text = `[synthetic] Statement ${j + 1} on ${about.map((f) => f.id).join(', ')}; not a real quote.`;
		statements.push({
			id,
			speaker: {
				name: `Synthetic speaker ${speaker}`,
				role: 'spokesperson',
				organization_id: `synthetic-ministry-${1 + (speaker % SYNTHETIC_MINISTRIES)}`
			},
			said_on: isoOf(saidOn),
			date_precision: 'day',
			via: pick(random, VIAS),
			form: j % 4 === 0 ? 'direct' : 'reported',
			quote: { lang: 'en', text },
			translation: { lang: 'en', text, by: 'Incident Atlas' },
			source_id: source.id,
			incident_ids: about.map((f) => f.id),
			topics: [pick(random, TOPICS)],
			synthetic: true
		});
		for (const incident of about) {
			incident.properties.statement_ids.push(id);
			if (!incident.properties.source_ids.includes(source.id)) {
				incident.properties.source_ids.push(source.id);
			}
		}
	}
	return statements;
}

/** Casualty figures, each a claim by someone: by a statement's organisation where there is one. */
function addClaims(
	random: Random,
	incidents: IncidentFeature[],
	statements: Statement[],
	sources: Source[],
	organizations: Organization[]
): void {
	const byId = new Map(statements.map((s) => [s.id, s]));
	const organizationName = new Map(organizations.map((o) => [o.id, o.names.en]));
	const publisher = new Map(sources.map((s) => [s.id, s.publisher]));
	for (const incident of incidents) {
		const p = incident.properties;
		if (!CLAIM_TYPES.has(p.type) || random() >= 0.3) continue;
		const claims: Claim[] = [];
		const n = randomInt(random, 1, 2);
		for (let k = 0; k < n; k++) {
			const statement =
				p.statement_ids.length > 0 && random() < 0.5
					? byId.get(pick(random, p.statement_ids))
					: undefined;
			const sourceId = statement ? statement.source_id : pick(random, p.source_ids);
			const low = randomInt(random, 0, 40);
			const value = random() < 0.7 ? low : { low, high: low + randomInt(random, 1, 20) };
			claims.push({
				metric: pick(random, CLAIM_METRICS),
				value,
				subject: pick(random, CLAIM_SUBJECTS),
				claimant: statement
					? organizationName.get(statement.speaker.organization_id)!
					: publisher.get(sourceId)!,
				...(statement ? { statement_id: statement.id } : {}),
				source_id: sourceId,
				note: 'Synthetic figure; nobody made this claim.'
			});
		}
		p.claims = claims;
	}
}

function polygon(center: Position, radiusDeg: number, corners: number): Position[][] {
	// Increasing angles walk the ring counter-clockwise, as RFC 7946 wants for exterior rings.
	const ring: Position[] = Array.from({ length: corners }, (_, k) => {
		const a = (2 * Math.PI * k) / corners;
		return [
			round5(center[0] + radiusDeg * Math.cos(a)),
			round5(center[1] + radiusDeg * 0.75 * Math.sin(a))
		];
	});
	return [[...ring, ring[0]]];
}

/** Simple valid shapes for when the real layers are not there; named so no one mistakes them. */
export function placeholderLayers(): Dataset['layers'] {
	const common = {
		accuracy_m: 50_000,
		method: 'Synthetic placeholder drawn by scripts/synthetic.ts; not a digitised boundary.',
		sources: [`${SYNTHETIC_URL}/layers`]
	};
	const layer = (
		id: LayerId,
		name: string,
		valid: [string, string | null],
		[kind, style, order]: [LayerDeclaration['kind'], LayerDeclaration['style'], number],
		geometry: LayerFeature['geometry']
	): LayerCollection => ({
		type: 'FeatureCollection',
		layer: {
			id,
			names: { en: `[synthetic] ${name} (placeholder)` },
			description: { en: 'Synthetic placeholder layer drawn by scripts/synthetic.ts.' },
			valid_from: valid[0],
			valid_to: valid[1],
			kind,
			style,
			order
		},
		features: [
			{
				type: 'Feature',
				id: `synthetic-${id}`,
				geometry,
				properties: {
					id: `synthetic-${id}`,
					name: `[synthetic] ${name} (placeholder shape, not the real one)`,
					valid_from: valid[0],
					valid_to: valid[1],
					...common
				}
			}
		]
	});
	return {
		'nkao-1923-1991': layer(
			'nkao-1923-1991',
			'NKAO 1923–1991',
			['1923-07-07', '1991-11-26'],
			['area', 'historic-boundary', 1],
			{
				type: 'Polygon',
				coordinates: polygon([46.7, 39.85], 0.4, 8)
			}
		),
		'line-of-contact-1994-2020': layer(
			'line-of-contact-1994-2020',
			'Line of contact 1994–2020',
			['1994-05-12', '2020-09-27'],
			['line', 'front-line', 2],
			{
				type: 'LineString',
				coordinates: [
					[46.1, 40.3],
					[46.5, 40.2],
					[46.75, 39.95],
					[46.95, 39.6],
					[47.1, 39.4]
				]
			}
		),
		'ceasefire-2020': layer(
			'ceasefire-2020',
			'Ceasefire zone 2020',
			['2020-11-10', null],
			['area', 'hatched-zone', 3],
			{
				type: 'Polygon',
				coordinates: polygon([46.75, 39.85], 0.2, 6)
			}
		)
	};
}

/**
 * The extent `meta.json` declares: the region the generator draws in, grown to take in the real
 * layers where they are copied in.
 */
export function syntheticExtent(layers?: Dataset['layers']): Meta['extent'] {
	let [minLon, minLat, maxLon, maxLat] = REGION_BBOX as readonly number[];
	const visit = (coords: unknown): void => {
		if (!Array.isArray(coords)) return;
		if (typeof coords[0] === 'number') {
			const [lon, lat] = coords as number[];
			minLon = Math.min(minLon, lon);
			minLat = Math.min(minLat, lat);
			maxLon = Math.max(maxLon, lon);
			maxLat = Math.max(maxLat, lat);
		} else coords.forEach(visit);
	};
	for (const layer of Object.values(layers ?? {})) {
		for (const f of layer.features) visit(f.geometry.coordinates);
	}
	return [minLon, minLat, maxLon, maxLat];
}

/**
 * A synthetic dataset of `count` incidents for load tests, the same for the same seed. Every
 * incident, statement and source carries `synthetic: true` and "[synthetic]" in its title or text.
 */
export function generateSynthetic(options: SyntheticOptions): Dataset {
	const { count, seed } = options;
	if (!Number.isInteger(count) || count < 1) {
		throw new RangeError(`generateSynthetic: count must be a positive integer, got ${count}`);
	}
	if (!Number.isInteger(seed)) {
		throw new RangeError(`generateSynthetic: seed must be an integer, got ${seed}`);
	}
	const random = mulberry32(seed);
	const n = syntheticCounts(count);
	const places = generatePlaces(random, n.places);
	const sources = generateSources(random, n.sources);
	const incidents = generateIncidents(random, count, places, sources);
	const statements = generateStatements(random, n.statements, incidents, sources);
	const organizations = generateOrganizations();
	addClaims(random, incidents, statements, sources, organizations);
	const meta: Meta = {
		name: `Incident Atlas — SYNTHETIC test data (${count} incidents, seed ${seed})`,
		version: `synthetic-${count}-${seed}`,
		updated: UPDATED,
		licence: 'CC0-1.0 (generated data)',
		attribution:
			'Synthetic data generated by scripts/synthetic.ts for load testing; no record describes a real event. ' +
			(options.layers
				? 'Layers: copied from the real dataset (geodata/layers).'
				: 'Layers: synthetic placeholder shapes, not real boundaries.'),
		extent: syntheticExtent(options.layers),
		synthetic: true
	};
	return {
		meta,
		places: { type: 'FeatureCollection', features: places },
		layers: options.layers ?? placeholderLayers(),
		incidents: { type: 'FeatureCollection', features: incidents },
		statements,
		sources,
		organizations
	};
}
