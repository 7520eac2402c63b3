import { z } from 'zod';
import { urlProblem } from './url_policy';
import {
	EVENT_TYPES,
	LAYER_KINDS,
	LAYER_STYLES,
	type LayerDeclaration,
	type LayerId
} from './vocabulary';

/**
 * The schema of every file in `geodata/`. The TypeScript types used across the app are derived
 * from it, so the data and the code cannot drift apart. Cross-file checks (references, geometry
 * validity, geography) live in `validate.ts`.
 */

export type { LayerDeclaration, LayerId };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether `s` names a day of the (proleptic Gregorian) calendar: what a round trip through `Date`
 * tells (`2023-02-29` comes back as `2023-03-01`), counted instead of parsed, since the check runs
 * for every date of every record. A string not shaped `YYYY-MM-DD` is asked of `Date` itself.
 */
export function isCalendarDate(s: string): boolean {
	if (!ISO_DATE.test(s)) {
		const d = new Date(`${s}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
	}
	const year = Number(s.slice(0, 4));
	const month = Number(s.slice(5, 7));
	const day = Number(s.slice(8, 10));
	if (month < 1 || month > 12 || day < 1) return false;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days =
		month === 2
			? leap
				? 29
				: 28
			: month === 4 || month === 6 || month === 9 || month === 11
				? 30
				: 31;
	return day <= days;
}

const isoDate = z
	.string()
	.regex(ISO_DATE, { error: 'must be an ISO date YYYY-MM-DD', abort: true })
	.refine(isCalendarDate, 'is not a real calendar date');

/**
 * The longest text each kind of field may hold, in characters: the one table that the files, the
 * API and the import share. A 10 KB place label stops MapLibre drawing anything.
 */
export const TEXT_LIMITS = {
	/** Ids, names, labels, aliases, roles, kinds, language codes. */
	name: 120,
	/** Incident, source and dataset titles. */
	title: 300,
	/** Summaries, notes, methods, quotes and translations. */
	text: 20_000,
	url: 2_048
} as const;
export type TextKind = keyof typeof TEXT_LIMITS;

const TEXT_KIND_LABEL: Record<TextKind, string> = {
	name: 'a name or label',
	title: 'a title',
	text: 'a summary, note or excerpt',
	url: 'a URL'
};

/** Bidirectional embedding, override and isolate controls: they can reverse the text around them. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Length in characters (code points), so an Armenian or Vietnamese name counts as it reads. */
function characters(value: string, max: number): number {
	return value.length <= max ? value.length : Array.from(value).length;
}

/** Adds the length limit of `kind` and the bidi-control check to a string schema. */
function limited<T extends z.ZodString>(kind: TextKind, base: T): T {
	const max = TEXT_LIMITS[kind];
	return base.superRefine((value, ctx) => {
		const length = characters(value, max);
		if (length > max) {
			ctx.addIssue({
				code: 'custom',
				message: `is ${length} characters long; at most ${max} allowed for ${TEXT_KIND_LABEL[kind]}`
			});
		}
		const bidi = BIDI_CONTROL.exec(value);
		if (bidi) {
			const code = bidi[0].codePointAt(0)!.toString(16).toUpperCase();
			ctx.addIssue({
				code: 'custom',
				message: `contains the bidirectional control character U+${code} at character ${bidi.index + 1}`
			});
		}
	}) as T;
}

/** Free text of `kind`, possibly empty. */
export const text = (kind: TextKind) => limited(kind, z.string());
/** Text of `kind` that must hold more than white space. */
export const required = (kind: TextKind) =>
	limited(kind, z.string().trim().min(1, 'must not be empty'));

export const httpUrl = limited(
	'url',
	z.string().refine((s) => /^https?:\/\/[^\s]+$/i.test(s), {
		error: 'must be an http(s) URL',
		abort: true
	})
).superRefine((value, ctx) => {
	const problem = urlProblem(value);
	if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const nonEmpty = required('name');

export const datePrecision = z.enum(['day', 'week', 'month', 'year']);

export const eventType = z.enum(EVENT_TYPES);

const lon = z.number().min(-180, 'longitude below -180').max(180, 'longitude above 180');
const lat = z.number().min(-90, 'latitude below -90').max(90, 'latitude above 90');
export const position = z.tuple([lon, lat]).rest(z.number());

export const pointGeometry = z.object({ type: z.literal('Point'), coordinates: position });
export const lineStringGeometry = z.object({
	type: z.literal('LineString'),
	coordinates: z.array(position).min(2, 'a LineString needs at least 2 positions')
});
export const multiLineStringGeometry = z.object({
	type: z.literal('MultiLineString'),
	coordinates: z.array(z.array(position).min(2, 'a line needs at least 2 positions')).min(1)
});
const ring = z.array(position).min(4, 'a linear ring needs at least 4 positions');
export const polygonGeometry = z.object({
	type: z.literal('Polygon'),
	coordinates: z.array(ring).min(1)
});
export const multiPolygonGeometry = z.object({
	type: z.literal('MultiPolygon'),
	coordinates: z.array(z.array(ring).min(1)).min(1)
});

/** A language as a key of a text map: a BCP 47 tag (`vi`, `ru`, `hy`, `zh-Hant`). */
export const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * A text in several languages, keyed by language: English required (the dataset's working
 * language, which every export and search falls back to), any other optional. A reader whose
 * language is missing is shown the English, marked as English (`textIn` in `$lib/i18n`).
 */
export const langText = (kind: TextKind) =>
	z
		.object({ en: required(kind) })
		.catchall(required(kind))
		.superRefine((value, ctx) => {
			for (const key of Object.keys(value)) {
				if (!LANG_TAG.test(key))
					ctx.addIssue({
						code: 'custom',
						path: [key],
						message: `is not a language tag: a text's languages are BCP 47 tags such as "en", "vi", "ru"`
					});
			}
		});

/**
 * Ids the record has in other datasets and gazetteers: an import matches a row to the record it
 * made before by these, and a reader can follow them to the original.
 */
export const externalIds = z.strictObject(
	{
		acled: nonEmpty.optional(),
		ucdp: nonEmpty.optional(),
		geonames: z.string().regex(/^\d+$/, 'must be a GeoNames id (digits)').optional(),
		wikidata: z
			.string()
			.regex(/^Q\d+$/, 'must be a Wikidata item id (Q followed by digits)')
			.optional()
	},
	{
		error: (issue) =>
			issue.code === 'unrecognized_keys'
				? `has an id of an unknown dataset (${issue.keys.join(', ')}): acled, ucdp, geonames and wikidata are known`
				: undefined
	}
);

export const confidence = z.enum(['high', 'medium-high', 'medium', 'low-medium', 'low']);

export const placeProperties = z.object({
	id: nonEmpty,
	name: nonEmpty,
	/** The label the map shows: both forms where the name is disputed ("Madagiz / Sugovushan"). */
	label: nonEmpty,
	names: z.object({
		en: nonEmpty,
		vi: text('name').optional(),
		az: text('name').optional(),
		hy: text('name').optional(),
		ru: text('name').optional()
	}),
	aliases: z.array(nonEmpty),
	kind: nonEmpty,
	admin: text('name'),
	coord_source: httpUrl,
	confidence,
	external_ids: externalIds.optional(),
	alt_coordinates: z
		.array(
			z.object({
				coordinates: position,
				source: httpUrl,
				note: text('text').optional()
			})
		)
		.optional(),
	note: text('text').optional()
});

export const placeFeature = z.object({
	type: z.literal('Feature'),
	id: text('name').optional(),
	geometry: pointGeometry,
	properties: placeProperties
});

export const layerProperties = z.object({
	id: nonEmpty,
	name: nonEmpty,
	valid_from: isoDate,
	/** `null` where the feature is still valid today. */
	valid_to: isoDate.nullable(),
	accuracy_m: z.number().positive(),
	method: required('text'),
	sources: z.array(httpUrl).min(1, 'must list at least one source URL')
});

export const layerFeature = z.object({
	type: z.literal('Feature'),
	id: text('name').optional(),
	geometry: z.discriminatedUnion('type', [
		lineStringGeometry,
		multiLineStringGeometry,
		polygonGeometry,
		multiPolygonGeometry
	]),
	properties: layerProperties
});

/**
 * A region layer's declaration: the `layer` member of its FeatureCollection. Which kinds and
 * styles go together, the order of the dates and the id's match with the file name are checked
 * across files (`checkLayer`).
 */
export const layerDeclaration = z.object({
	id: required('name'),
	names: langText('title'),
	description: langText('text').optional(),
	valid_from: isoDate,
	/** `null` where the layer is still valid today. */
	valid_to: isoDate.nullable(),
	kind: z.enum(LAYER_KINDS),
	style: z.enum(LAYER_STYLES),
	order: z.number().int().optional()
});

/** A layer file: its declaration and its features. */
export const layerCollection = z.object({
	type: z.literal('FeatureCollection'),
	layer: layerDeclaration,
	features: z.array(layerFeature)
});

/**
 * A claimed figure: one number, a lower bound (`{low}`: "at least 30"), a range (`{low, high}`), or
 * a range with the claimant's best estimate (`{low, best, high}`, as UCDP gives its figures).
 */
export const claimValue = z.union([
	z.number().nonnegative(),
	z
		.object({
			low: z.number().nonnegative(),
			best: z.number().nonnegative().optional(),
			high: z.number().nonnegative().optional()
		})
		.superRefine((v, ctx) => {
			if (v.best !== undefined && v.best < v.low)
				ctx.addIssue({
					code: 'custom',
					path: ['best'],
					message: `${v.best} is below low ${v.low}: must be low ≤ best ≤ high`
				});
			if (v.high !== undefined && v.high < v.low)
				ctx.addIssue({
					code: 'custom',
					path: ['high'],
					message: `${v.high} is below low ${v.low}: must be low ≤ high`
				});
			if (v.best !== undefined && v.high !== undefined && v.best > v.high)
				ctx.addIssue({
					code: 'custom',
					path: ['best'],
					message: `${v.best} is above high ${v.high}: must be low ≤ best ≤ high`
				});
		})
]);

/** A casualty or loss figure is always somebody's claim, never a bare number. */
export const claim = z.object({
	metric: nonEmpty,
	value: claimValue,
	subject: nonEmpty,
	claimant: nonEmpty,
	statement_id: text('name').optional(),
	source_id: nonEmpty,
	note: text('text').optional()
});

export const incidentProperties = z.object({
	id: nonEmpty,
	title: langText('title'),
	summary: langText('text'),
	date: isoDate,
	date_end: isoDate.optional(),
	date_precision: datePrecision,
	type: eventType,
	sub_type: nonEmpty,
	/**
	 * Who took part. Each entry is either the id of an organisation in `organizations.json`
	 * (`az-armed-forces`), which readers see by that record's name in their language, or a name as
	 * the sources give it ("Military Forces of Armenia (2018-)"), as an import writes it until an
	 * editor links it. An entry shaped like an id (lower-case letters and digits joined by hyphens,
	 * `ACTOR_ID_SHAPE` of `$lib/atlas/actors`) must name an organisation: `checkReferences` refuses
	 * one that does not.
	 */
	actors: z.array(nonEmpty),
	place_ids: z.array(nonEmpty),
	location_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
	uncertainty_m: z.number().nonnegative(),
	location_note: text('text').optional(),
	claims: z.array(claim),
	source_ids: z.array(nonEmpty).min(1, 'must list at least one source'),
	statement_ids: z.array(nonEmpty),
	external_ids: externalIds.optional(),
	/** Set by an import: incidents this one may repeat (same day, nearby); the reviewer decides. */
	possible_duplicate_of: z.array(nonEmpty).optional(),
	synthetic: z.boolean().optional()
});

export const incidentFeature = z.object({
	type: z.literal('Feature'),
	id: nonEmpty,
	geometry: z.discriminatedUnion('type', [
		pointGeometry,
		lineStringGeometry,
		multiLineStringGeometry
	]),
	properties: incidentProperties
});

/**
 * An incident as a draft may hold it: what an import writes. Drafts and published incidents keep
 * to the same rules now that only the English text is required; the name stays for the callers
 * that judge a draft.
 */
export const draftIncidentFeature = incidentFeature;

/**
 * `direct`: the source prints the speaker's words in quotation marks; `reported`: the excerpt is
 * the outlet's paraphrase of what the speaker said, so the outlet, not the speaker, wrote it.
 */
export const statementForm = z.enum(['direct', 'reported'], {
	error: (issue) =>
		issue.input === undefined
			? 'is missing'
			: 'must be "direct" (the speaker’s words in quotation marks) or "reported" (the outlet’s paraphrase)'
});

export const statement = z.object({
	id: nonEmpty,
	speaker: z.object({ name: nonEmpty, role: nonEmpty, organization_id: nonEmpty }),
	said_on: isoDate,
	date_precision: datePrecision,
	via: nonEmpty,
	form: statementForm,
	quote: z.object({ lang: nonEmpty, text: required('text') }),
	translation: z.object({ lang: z.literal('en'), text: required('text'), by: nonEmpty }),
	source_id: nonEmpty,
	incident_ids: z.array(nonEmpty),
	topics: z.array(nonEmpty),
	/** Our remark on the excerpt (context, attribution), never part of the quote or translation. */
	note: text('text').optional(),
	synthetic: z.boolean().optional()
});

/**
 * The kind of a source that is a dataset's citation of a publisher (ACLED's `source` column, UCDP's
 * `source_office`): the one kind of source that may have no URL, since the dataset names the
 * publisher but not the article.
 */
export const DATASET_CITATION = 'dataset citation';

export const source = z
	.object({
		id: nonEmpty,
		publisher: nonEmpty,
		title: required('title'),
		/** Required, except for a {@link DATASET_CITATION}. */
		url: httpUrl.optional(),
		published: isoDate,
		/** How much of `published` is known: "month" where only the month is (the day is then a bound). */
		published_precision: datePrecision.optional(),
		language: nonEmpty,
		credits: text('name').optional(),
		kind: nonEmpty,
		note: text('text').optional(),
		synthetic: z.boolean().optional()
	})
	.superRefine((s, ctx) => {
		if (s.url === undefined && s.kind !== DATASET_CITATION)
			ctx.addIssue({
				code: 'custom',
				path: ['url'],
				message: `is missing: only a source of kind "${DATASET_CITATION}" may have no URL`
			});
	});

/**
 * The kinds of organisation a speaker speaks for or an incident's actor is; a `state` groups the
 * others that name it. `armed-force`, `emergency-service`, `humanitarian` (the Red Cross) and
 * `population` (the civilians of a place) are the kinds incidents name as actors.
 */
export const organizationKind = z.enum([
	'state',
	'government',
	'ministry',
	'international',
	'armed-force',
	'emergency-service',
	'humanitarian',
	'population'
]);

export const organization = z.object({
	id: nonEmpty,
	/** The name in each language we have it in (BCP 47 code → name); English is required. */
	names: z.object({ en: nonEmpty }).catchall(nonEmpty),
	kind: organizationKind,
	/** The id of the organisation of kind `state` this one belongs to; none for a state itself. */
	state: nonEmpty.optional(),
	synthetic: z.boolean().optional()
});

export const featureCollection = <T extends z.ZodType>(feature: T) =>
	z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });

/**
 * A region or country the search must recognise by any spelling met in the sources
 * ("Nagorny Karabakh", "Azerbaidjan"). Not a point: a region may name the layer that outlines it.
 */
export const region = z.object({
	id: nonEmpty,
	name: nonEmpty,
	kind: z.enum(['region', 'country']),
	/** A declared layer's id (checked across files). */
	layer_id: nonEmpty.optional(),
	aliases: z.array(nonEmpty)
});

/**
 * The dataset's extent, `[minLon, minLat, maxLon, maxLat]`: every coordinate of a place, an
 * alternative position, a layer and an incident lies within it, so a swapped lat/lon is caught.
 */
export const extent = z
	.tuple([lon, lat, lon, lat])
	.refine(
		([minLon, minLat, maxLon, maxLat]) => minLon < maxLon && minLat < maxLat,
		'must be [minLon, minLat, maxLon, maxLat] with each minimum below its maximum'
	);

export const meta = z.object({
	name: required('title'),
	version: nonEmpty,
	updated: isoDate,
	licence: required('text'),
	attribution: required('text'),
	extent,
	regions: z.array(region).optional(),
	/**
	 * The languages every published incident's title and summary must be in (English always is):
	 * this dataset publishes in English and Vietnamese, the languages of its readers. A draft may
	 * lack any but English; a text may carry more languages than these.
	 */
	languages: z.array(z.string().regex(LANG_TAG, 'must be a language tag (BCP 47)')).optional(),
	synthetic: z.boolean().optional()
});

const basemapFeature = <G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) =>
	z.object({ type: z.literal('Feature'), geometry, properties });

/** The generated basemap (`basemap/*.geojson`, scripts/geodata_basemap.ts), checked like the rest. */
export const basemapCountries = featureCollection(
	basemapFeature(
		z.discriminatedUnion('type', [polygonGeometry, multiPolygonGeometry]),
		z.object({ name: nonEmpty, iso_n3: nonEmpty })
	)
);
export const basemapBorders = featureCollection(
	basemapFeature(
		z.discriminatedUnion('type', [lineStringGeometry, multiLineStringGeometry]),
		z.object({
			country_a: nonEmpty,
			iso_n3_a: nonEmpty,
			country_b: nonEmpty,
			iso_n3_b: nonEmpty
		})
	)
);
export const basemapSettlements = featureCollection(
	basemapFeature(
		pointGeometry,
		z.object({
			name: nonEmpty,
			/** Other forms of the name, never shown (scripts/basemap/names.ts). */
			aliases: z.array(nonEmpty).optional(),
			population: z.number().int().nonnegative(),
			geonameid: z.number().int().positive(),
			country: nonEmpty,
			feature_code: nonEmpty
		})
	)
);
/** Natural Earth lakes, reservoirs and rivers, clipped (scripts/basemap/water.ts). */
export const basemapWater = featureCollection(
	basemapFeature(
		z.discriminatedUnion('type', [
			polygonGeometry,
			multiPolygonGeometry,
			lineStringGeometry,
			multiLineStringGeometry
		]),
		z.object({
			name: nonEmpty,
			name_vi: nonEmpty,
			kind: z.enum(['lake', 'reservoir', 'river'])
		})
	)
);
/** Where the basemap names its countries and lakes (scripts/basemap/labels.ts). */
export const basemapLabels = featureCollection(
	basemapFeature(
		pointGeometry,
		z.object({
			name: nonEmpty,
			name_vi: nonEmpty,
			kind: z.enum(['country', 'lake', 'reservoir']),
			rank: z.union([z.literal(0), z.literal(1)])
		})
	)
);

export type Position = z.infer<typeof position>;
export type PlaceProperties = z.infer<typeof placeProperties>;
export type PlaceFeature = z.infer<typeof placeFeature>;
export type LayerProperties = z.infer<typeof layerProperties>;
export type LayerFeature = z.infer<typeof layerFeature>;
export type Claim = z.infer<typeof claim>;
export type ClaimValue = z.infer<typeof claimValue>;
export type ExternalIds = z.infer<typeof externalIds>;
export type IncidentProperties = z.infer<typeof incidentProperties>;
export type IncidentFeature = z.infer<typeof incidentFeature>;
export type DraftIncidentFeature = z.infer<typeof draftIncidentFeature>;
export type Statement = z.infer<typeof statement>;
export type Source = z.infer<typeof source>;
export type StatementForm = z.infer<typeof statementForm>;
export type Organization = z.infer<typeof organization>;
export type Meta = z.infer<typeof meta>;
export type Region = z.infer<typeof region>;
export type Extent = z.infer<typeof extent>;
export type EventType = z.infer<typeof eventType>;

export interface FeatureCollectionOf<F> {
	type: 'FeatureCollection';
	features: F[];
}

/** A region layer: its declaration (the file's `layer` member) and its features. */
export interface LayerCollection extends FeatureCollectionOf<LayerFeature> {
	layer: LayerDeclaration;
}

/** Everything in `geodata/`, validated. Produced once at server start; read-only afterwards. */
export interface Dataset {
	meta: Meta;
	places: FeatureCollectionOf<PlaceFeature>;
	/** Every file of `layers/`, by layer id, in declared order (`layerOrder`). */
	layers: Record<LayerId, LayerCollection>;
	incidents: FeatureCollectionOf<IncidentFeature>;
	statements: Statement[];
	sources: Source[];
	organizations: Organization[];
	/**
	 * The dataset version: the number of the last published revision in the store. Set by the
	 * server's read model and carried into every export, so a cited file names the state it came
	 * from; absent for a dataset read from files (`meta.version` is the curated seed's own label).
	 */
	revision?: number;
}

/** The files of a dataset directory, relative to it. */
export const DATASET_FILES = {
	meta: 'meta.json',
	places: 'places.geojson',
	incidents: 'incidents.geojson',
	statements: 'statements.json',
	sources: 'sources.json',
	organizations: 'organizations.json'
} as const;

/** The folder of the region layers: any number of `<id>.geojson` files, each declaring itself. */
export const LAYERS_DIR = 'layers';

/** The file of layer `id`, relative to the dataset directory. */
export const layerFile = (id: LayerId) => `${LAYERS_DIR}/${id}.geojson`;

/** The layer id a path under {@link LAYERS_DIR} names, or `undefined` for any other path. */
export function layerIdOfPath(path: string): LayerId | undefined {
	const m = /^layers\/([^/]+)\.geojson$/.exec(path);
	return m ? m[1] : undefined;
}

/**
 * The generated basemap of a dataset directory: optional (a dataset may have none), validated like
 * the rest when present, but reference data rather than records, so not part of `DATASET_FILES`.
 */
export const BASEMAP_PATHS = {
	countries: 'basemap/countries.geojson',
	borders: 'basemap/borders.geojson',
	settlements: 'basemap/settlements.geojson',
	water: 'basemap/water.geojson',
	labels: 'basemap/labels.geojson'
} as const;

/** The basemap files the server serves, by name under `basemap/`. */
export const BASEMAP_FILES = Object.values(BASEMAP_PATHS).map((path) =>
	path.slice('basemap/'.length)
);
