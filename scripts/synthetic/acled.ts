import { EVENT_TYPES } from '../../src/lib/data/vocabulary';
import { mulberry32, pick, randomInt } from './prng';

/** ACLED's codebook columns, in the order its exports give them. */
export const ACLED_COLUMNS = [
	'event_id_cnty',
	'event_date',
	'year',
	'time_precision',
	'disorder_type',
	'event_type',
	'sub_event_type',
	'actor1',
	'assoc_actor_1',
	'inter1',
	'actor2',
	'assoc_actor_2',
	'inter2',
	'interaction',
	'civilian_targeting',
	'iso',
	'region',
	'country',
	'admin1',
	'admin2',
	'admin3',
	'location',
	'latitude',
	'longitude',
	'geo_precision',
	'source',
	'source_scale',
	'notes',
	'fatalities',
	'tags',
	'timestamp'
] as const;

const SUB_TYPES: Record<string, string[]> = {
	Battles: ['Armed clash', 'Government regains territory'],
	'Explosions/Remote violence': ['Shelling/artillery/missile attack', 'Air/drone strike'],
	'Violence against civilians': ['Attack', 'Abduction/forced disappearance'],
	Protests: ['Peaceful protest'],
	Riots: ['Violent demonstration'],
	'Strategic developments': ['Disrupted weapons use', 'Headquarters or base established']
};
const ACTORS = ['Synthetic Force A', 'Synthetic Force B', 'Synthetic Militia C', 'Civilians (X)'];
const SOURCES = ['Synthetic Wire', 'Synthetic Daily', 'Synthetic Radio', 'Synthetic Monitor'];
const COUNTRIES = ['Azerbaijan', 'Armenia'];

/** A CSV cell: quoted when it holds a comma, quote or line break. */
const cell = (value: string | number) => {
	const s = String(value);
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * `count` synthetic rows of an ACLED export (the header first), one CSV line each, for the import
 * benchmark and the kill test: every row valid, inside the extent [44, 38.3, 50.5, 41.5], spread
 * over 1992–2023 and the extent so few rows are possible duplicates of each other. Marked
 * synthetic in their notes; a generator so 100,000 rows never sit in memory at once.
 */
export function* acledLines(count: number, seed = 1): Generator<string> {
	const random = mulberry32(seed);
	yield ACLED_COLUMNS.join(',');
	const first = Date.UTC(1992, 0, 1);
	const span = Date.UTC(2023, 11, 31) - first;
	for (let i = 1; i <= count; i++) {
		const type = pick(random, EVENT_TYPES);
		const date = new Date(first + Math.floor((random() * span) / 86_400_000) * 86_400_000)
			.toISOString()
			.slice(0, 10);
		const country = pick(random, COUNTRIES);
		const sources = [pick(random, SOURCES), ...(random() < 0.3 ? [pick(random, SOURCES)] : [])];
		const row: Record<(typeof ACLED_COLUMNS)[number], string | number> = {
			event_id_cnty: `SYN${i}`,
			event_date: date,
			year: date.slice(0, 4),
			time_precision: randomInt(random, 1, 3),
			disorder_type: 'Political violence',
			event_type: type,
			sub_event_type: pick(random, SUB_TYPES[type]),
			actor1: pick(random, ACTORS),
			assoc_actor_1: '',
			inter1: 1,
			actor2: random() < 0.5 ? pick(random, ACTORS) : '',
			assoc_actor_2: '',
			inter2: 2,
			interaction: 12,
			civilian_targeting: '',
			iso: country === 'Armenia' ? 51 : 31,
			region: 'Caucasus and Central Asia',
			country,
			admin1: `Synthetic Province ${randomInt(random, 1, 30)}`,
			admin2: '',
			admin3: '',
			location: `Synthetic Village ${randomInt(random, 1, 5000)}`,
			latitude: (38.4 + random() * 3).toFixed(4),
			longitude: (44.1 + random() * 6.3).toFixed(4),
			geo_precision: randomInt(random, 1, 3),
			source: [...new Set(sources)].join('; '),
			source_scale: 'National',
			notes: `SYNTHETIC row ${i} for the import benchmark, not a real event. On ${date}, a "${type}" was reported, near a village.`,
			fatalities: random() < 0.6 ? 0 : randomInt(random, 1, 20),
			tags: '',
			timestamp: 1_700_000_000 + i
		};
		yield ACLED_COLUMNS.map((c) => cell(row[c])).join(',');
	}
}
