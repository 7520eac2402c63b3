import { EXPORT_MENU_LABELS } from '$lib/export/labels';
import type { enEditorial } from './en_editorial';

/** English UI strings: the reference every other language must match key for key. */
export const en = {
	lang: { label: 'Language' },
	app: {
		name: 'Incident Atlas',
		tagline:
			'Incidents in and around Nagorno-Karabakh, with who said what, and where it was reported',
		loading: 'Loading the dataset…',
		loadError: (message: string) => `The dataset could not be loaded: ${message}`,
		skipToList: 'Skip to the incident list',
		synthetic: 'synthetic',
		syntheticDataset: 'Synthetic test data: not real events'
	},
	map: {
		label: 'Map of incidents',
		legend: 'Map legend and layers',
		/** Over markers that share a spot; `{count}` of them. */
		sameSpot: '{count} incidents here: choose one',
		more: 'and {count} more',
		clickToChoose: 'Click to choose one'
	},
	filters: {
		heading: 'Filters',
		types: 'Event type',
		actors: 'Actor',
		search: 'Search',
		searchHint: 'Places in any spelling, people, words of a quote',
		clear: 'Clear filters',
		active: (n: number) => (n === 1 ? '1 filter on' : `${n} filters on`),
		area: (bbox: string) => `Area (from the link): ${bbox}`
	},
	types: {
		Battles: 'Battles',
		'Explosions/Remote violence': 'Explosions/Remote violence',
		'Violence against civilians': 'Violence against civilians',
		Protests: 'Protests',
		Riots: 'Riots',
		'Strategic developments': 'Strategic developments'
	} as Record<string, string>,
	incidents: {
		heading: 'Incidents',
		listLabel: 'Incidents, sorted by date',
		count: (shown: number, total: number) =>
			shown === total
				? `${shown.toLocaleString('en')} incident${shown === 1 ? '' : 's'}`
				: `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} incidents`,
		none: 'No incident matches the time window and filters.',
		keys: 'Arrow keys move, Enter selects, Escape clears the selection.'
	},
	details: {
		heading: 'Incident details',
		empty: 'Select an incident on the map, in the list or by its tick on the timeline.',
		date: 'Date',
		places: 'Places',
		type: 'Type',
		actors: 'Actors',
		summary: 'Summary',
		claims: 'Claimed figures',
		claimsNote:
			'Every figure is a claim by someone; where claims about the same thing differ, they are shown together.',
		noClaims: 'No figures are claimed for this incident.',
		sources: 'Sources',
		location: 'Location',
		precision: {
			1: 'Exact location',
			2: 'Near the named place',
			3: 'Only the region is known'
		} as Record<number, string>,
		uncertainty: (km: string) => `position uncertain by about ±${km} km`,
		coordinates: 'Coordinates',
		page: 'Incident page',
		mapLink: 'Show on the map',
		notVisible: 'This incident is outside the current time window or filters.',
		clearSelection: 'Clear selection',
		alsoKnownAs: 'also',
		altPosition: 'Another published position',
		published: 'published',
		credits: 'credit'
	},
	claims: {
		metric: 'Figure for',
		value: 'Claimed figure',
		subject: 'About whom',
		claimant: 'Claimed by',
		source: 'Source',
		differ: 'claims differ',
		atLeast: (n: string) => `at least ${n}`,
		range: (low: string, high: string) => `${low}–${high}`
	},
	metrics: {
		killed: 'killed',
		wounded: 'wounded',
		injured: 'injured',
		missing: 'missing',
		captured: 'captured',
		displaced: 'displaced',
		positions_taken: 'positions taken',
		aircraft_shot_down: 'aircraft shot down',
		helicopters_shot_down: 'helicopters shot down',
		tanks_destroyed: 'tanks destroyed',
		aircraft_lost: 'aircraft lost'
	} as Record<string, string>,
	/** The Export menu's own English strings, kept in one place. */
	export: EXPORT_MENU_LABELS,
	statements: {
		heading: 'Statements',
		forIncident: 'About the selected incident',
		forWindow: 'Said in the time window',
		organisation: 'Organisation',
		noState: 'Not part of a state',
		topic: 'Topic',
		all: 'All',
		first: 'Show first',
		original: 'Original',
		translation: 'Translation',
		translationBy: (by: string) => `Translation by ${by}`,
		originalLang: (lang: string) => `Original (${lang})`,
		via: 'via',
		reportedSubject: 'About what was said by',
		reportedBy: 'As reported by',
		quotedBy: 'In the speaker’s own words, as quoted by',
		formReported: 'Reported speech',
		reportedNote: 'the outlet’s paraphrase of what was said, not the speaker’s words',
		formDirect: 'Direct quote',
		directNote: 'the speaker’s words, printed by the source in quotation marks',
		source: 'Source',
		highlight: 'Show its incidents',
		highlighted: 'Its incidents are highlighted',
		unhighlight: 'Stop highlighting',
		none: 'No statement matches the organisation and topic chosen.',
		noneLinked: 'No statement is linked to this incident.',
		noneInWindow: 'No statement was made within the time window.',
		showAll: 'Show all statements',
		related: 'Also reported in the same sources',
		relatedNote: 'Said in the articles this incident comes from, but not linked to it in the data.',
		more: (n: number, left: number) => `Show ${n} more (${left.toLocaleString('en')} not shown)`,
		count: (n: number) => (n === 1 ? '1 statement' : `${n.toLocaleString('en')} statements`)
	},
	topics: {
		'ceasefire-call': 'ceasefire call',
		condemnation: 'condemnation',
		concern: 'concern',
		humanitarian: 'humanitarian',
		'casualty-report': 'casualty report',
		'territorial-claim': 'territorial claim',
		cooperation: 'cooperation',
		diplomacy: 'diplomacy',
		denial: 'denial',
		'mine-explosion': 'mine explosion',
		peacekeeping: 'peacekeeping',
		'recovery-of-the-dead': 'recovery of the dead',
		'aircraft-loss': 'aircraft loss',
		restraint: 'restraint',
		negotiations: 'negotiations',
		civilians: 'civilians'
	} as Record<string, string>,
	/**
	 * The dataset's own vocabulary, which it holds in English only (sub-types, claim subjects,
	 * names as the sources give them, speakers' roles, how a statement was made), keyed by that
	 * English text. English needs no entries; another language translates what it can, and what it
	 * has not is shown in English, marked `lang="en"` (see `term`). Actors are not here: an actor is
	 * an organisation of `organizations.json`, with its names in each language (`actorName`).
	 */
	terms: {
		subTypes: {} as Record<string, string>,
		subjects: {} as Record<string, string>,
		names: {} as Record<string, string>,
		roles: {} as Record<string, string>,
		via: {} as Record<string, string>
	},
	timeline: {
		heading: 'Timeline',
		from: 'From',
		to: 'To',
		window: 'Time window',
		start: 'Start of the time window',
		end: 'End of the time window',
		reset: 'Whole period',
		hint: 'Drag the window or its edges; arrow keys move an edge by a day, Page Up/Down by a month. Click a tick to select its incident. Scroll, pinch or use + and − to zoom; drag the dates to pan.',
		sameDay: '{count} incidents at this tick: choose one',
		zoomIn: 'Zoom in on the timeline',
		zoomOut: 'Zoom out the timeline',
		period: 'Period shown on the timeline',
		play: 'Play',
		pause: 'Pause'
	},
	sheet: {
		tabs: 'Panels',
		list: 'List',
		details: 'Details',
		statements: 'Statements',
		filters: 'Filters',
		expand: 'Expand the panel',
		collapse: 'Collapse the panel',
		resize: 'Resize the panel'
	},
	page: {
		back: 'Open in the map view',
		position: 'Position',
		locator: (place: string) => `Locator map: ${place} in the region`,
		notFound: 'No incident with this id.',
		statementsNone: 'No statement is linked to this incident.',
		dataset: 'Dataset'
	},
	account: {
		signIn: 'Sign in',
		signOut: 'Sign out',
		signOutEverywhere: 'Sign out everywhere',
		signOutEverywhereHint: 'Also ends your sessions on every other device and browser',
		area: 'Your account',
		heading: 'Sign in to Incident Atlas',
		intro: 'For editors and reviewers. Reading the atlas needs no account.',
		email: 'E-mail address',
		password: 'Password',
		submit: 'Sign in',
		back: 'Back to the map',
		missing: 'Enter your e-mail address and your password.',
		invalid: 'The e-mail address or the password is wrong.',
		tooMany: (minutes: number) =>
			`Too many failed sign-in attempts. Try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`,
		roles: {
			editor: 'editor',
			reviewer: 'reviewer',
			admin: 'administrator'
		} as Record<string, string>
	},
	editor: {
		newIncident: 'New incident',
		edit: 'Edit'
	},
	review: {
		queueLink: (n: number) => `Review queue (${n})`,
		reviewOrRetract: 'Review or retract'
	},
	corrections: {
		retracted: (date: string, reason: string) => `Retracted on ${date}: ${reason}`,
		updated: (date: string) => `Updated ${date}`,
		history: 'See what changed'
	},
	importer: {
		link: 'Import'
	},
	langNames: {
		vi: 'Vietnamese',
		en: 'English',
		ru: 'Russian',
		az: 'Azerbaijani',
		hy: 'Armenian',
		fr: 'French',
		de: 'German'
	} as Record<string, string>
};

type Widen<T> = T extends string
	? string
	: T extends (...args: infer A) => infer R
		? (...args: A) => R
		: { [K in keyof T]: Widen<T[K]> };

/**
 * The shape every language provides: the same keys as {@link en} and `enEditorial` together, any
 * text. A section both have (the editor's, the review's, the importer's) has the keys of both.
 */
export type Messages = Widen<typeof en & typeof enEditorial>;

/** The English strings whole: {@link en} with the editorial pages' sections merged in. */
export function withEditorial(base: typeof en, editorial: typeof enEditorial): Messages {
	const merged: Record<string, unknown> = { ...base };
	for (const [section, strings] of Object.entries(editorial)) {
		merged[section] = { ...(merged[section] as object | undefined), ...strings };
	}
	return merged as Messages;
}
