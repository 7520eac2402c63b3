import { EXPORT_MENU_LABELS } from '$lib/export/labels';

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
		tanks_destroyed: 'tanks destroyed'
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
		via: (via: string) => `via ${via}`,
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
		none: 'No statement matches.',
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
		denial: 'denial'
	} as Record<string, string>,
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
		edit: 'Edit',
		headingNew: 'New incident',
		headingEdit: 'Edit incident',
		backToMap: 'Back to the map',
		required: 'required',
		titleEn: 'Title (English)',
		titleVi: 'Title (Vietnamese)',
		summaryEn: 'Summary (English)',
		summaryVi: 'Summary (Vietnamese)',
		when: 'When',
		date: 'Date',
		dateEnd: 'End date (if it lasted longer than a day)',
		datePrecision: 'Date known to the',
		datePrecisions: {
			day: 'day',
			week: 'week',
			month: 'month',
			year: 'year'
		} as Record<string, string>,
		what: 'What happened',
		type: 'Event type',
		chooseType: 'Choose a type',
		subType: 'Sub-type',
		actors: 'Actors',
		actorsHint: 'One a line, as the sources name them.',
		where: 'Where',
		mapHint:
			'Click on the map to place the incident, or pick a place from the gazetteer. The coordinates can also be typed.',
		mapLabel: 'Map for placing the incident: click to place it',
		longitude: 'Longitude',
		latitude: 'Latitude',
		noPoint: 'Not placed yet.',
		lineKept: 'This incident is drawn as a line, which is kept; placing a point replaces it.',
		gazetteer: 'Pick a place from the gazetteer',
		gazetteerHint: 'Type a name; choosing a place adds it and moves the point there.',
		addPlace: 'Add place',
		unknownPlace: (name: string) => `No place in the gazetteer is called “${name}”.`,
		places: 'Places',
		noPlaces: 'No place linked yet.',
		removePlace: (name: string) => `Remove ${name}`,
		locationPrecision: 'Location precision',
		uncertainty: 'Uncertainty of the position (metres)',
		locationNote: 'Note on the location',
		sources: 'Sources',
		sourcesHint: 'The published sources this incident comes from (at least one).',
		save: 'Save draft',
		saving: 'Saving…',
		saved: (version: number) => `Saved as version ${version}.`,
		submit: 'Submit for review',
		submitting: 'Submitting…',
		submitted: 'Submitted for review. A reviewer will publish it or send it back.',
		saveFirst: 'Save your changes before submitting them for review.',
		status: {
			draft: 'Draft',
			in_review: 'In review',
			published: 'Published',
			retracted: 'Retracted'
		} as Record<string, string>,
		statusLabel: 'Status',
		version: (version: number) => `version ${version}`,
		invalid: 'The draft was not saved: correct the fields marked below.',
		stale: (version: number) =>
			`Someone else saved this incident meanwhile (now version ${version}). Reload it to see their changes; your edits here are not saved.`,
		reload: 'Reload the latest version',
		failed: (status: number, message: string) => `Not saved (${status}): ${message}`,
		signedOut: 'Your session has ended: sign in again, then save.',
		notFound: 'No incident with this id.',
		loading: 'Loading…'
	},
	review: {
		queueLink: (n: number) => `Review queue (${n})`,
		heading: 'Review queue',
		intro: 'Records waiting for a reviewer: publish them, or send them back with a comment.',
		empty: 'Nothing is waiting for review.',
		record: 'Record',
		kind: 'Kind',
		submittedBy: 'Submitted by',
		since: 'Waiting since',
		isNew: 'new record',
		editOf: (version: number) => `edit of published version ${version}`,
		collections: {
			incidents: 'incident',
			sources: 'source',
			statements: 'statement',
			places: 'place',
			layers: 'layer'
		} as Record<string, string>,
		fields: 'The version in review',
		changes: 'Changes against the published version',
		notPublished: 'Never published: every field above is new.',
		noChanges: 'No field differs from the published version.',
		field: 'Field',
		value: 'Value',
		before: 'Before',
		after: 'After',
		absent: '(none)',
		publish: 'Publish',
		sendBack: 'Send back',
		comment: 'Comment for the editor (required to send back)',
		published: 'Published: readers see it now.',
		sentBack: 'Sent back to the editor as a draft.',
		notWaiting: 'This record is not waiting for review.',
		back: 'Back to the review queue',
		history: 'History of this record'
	},
	history: {
		heading: 'History',
		of: (title: string) => `History of “${title}”`,
		intro: 'Every version of this incident: who made it, when, and why.',
		introPublic: 'Every version of this incident that was made public, and its corrections.',
		version: 'Version',
		status: 'Status',
		author: 'Author',
		time: 'Time',
		reason: 'Reason',
		statuses: {
			draft: 'draft',
			in_review: 'in review',
			published: 'published',
			retracted: 'retracted'
		} as Record<string, string>,
		system: 'system',
		compare: 'Compare two versions',
		from: 'From version',
		to: 'To version',
		show: 'Show the differences',
		diffHeading: (from: number, to: number) => `Changes from version ${from} to version ${to}`,
		noDiff: 'The two versions do not differ.',
		restore: 'Restore this version',
		restored: (from: number, version: number) =>
			`Version ${from} is restored as version ${version}, a draft for review.`,
		stale: 'The record changed meanwhile: look at its newest version and try again.',
		none: 'No version of this incident is public.',
		back: 'Back to the incident'
	},
	corrections: {
		retracted: (date: string, reason: string) => `Retracted on ${date}: ${reason}`,
		updated: (date: string) => `Updated ${date}`,
		history: 'See what changed'
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

/** The shape every language provides: the same keys as {@link en}, any text. */
export type Messages = Widen<typeof en>;
