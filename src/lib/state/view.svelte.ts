import { createContext } from 'svelte';
import type {
	Dataset,
	IncidentFeature,
	Organization,
	PlaceFeature,
	Source,
	Statement
} from '$lib/data/schema';
import { filterIncidents, type IncidentQuery } from '$lib/atlas/query';
import { EVENT_TYPES } from '$lib/data/vocabulary';
import type { BBox } from '$lib/geo/bbox';
import type { SearchIndex } from '$lib/geo/search';
import { groupOrganizations, organizationName, type OrganizationGroup } from '$lib/format/speech';
import { messages, type Lang, type Messages } from '$lib/i18n';
import {
	idSet,
	indexDataset,
	panelStatements,
	relatedStatements,
	statementIncidentIds,
	statementsGap,
	type AtlasIndex,
	type TimeWindow
} from './atlas_index';
import {
	DEFAULT_URL_STATE,
	toggleLayers,
	parseUrlState,
	serialiseUrlState,
	type MapViewState,
	defaultQuoteOrder,
	type QuoteOrder,
	type ToggleLayer,
	type UrlState
} from './url_state';

export type { TimeWindow };

/** How a change reaches the address bar: a new history entry, or the current one rewritten. */
export type UrlWrite = 'push' | 'replace';
export type UrlWriter = (query: string, mode: UrlWrite) => void;

/** Discrete edits of the same kind in quick succession (typing a query) share one history entry. */
const COALESCE_MS = 1500;

/**
 * What the reader is looking at: selection, time window, filters, layers, language, map view and
 * the statement panel's choices, each readable through a getter and changed through a method that
 * also writes the URL. The dataset and its look-ups are plain (never proxied) and fixed.
 */
export class AtlasView {
	readonly dataset: Dataset;
	readonly #index: AtlasIndex;
	/** Every incident, oldest first (ties by id): filtering keeps this order. */
	readonly incidents: IncidentFeature[];
	readonly span: TimeWindow;
	readonly eventTypes: string[];
	/** The actors incidents name (organisation ids, free-text names), by English name. */
	readonly actorNames: string[];
	/** Every organisation by id: what an actor's id is shown as (`actorName`). */
	readonly organizations: ReadonlyMap<string, Organization>;
	readonly organisations: string[];
	readonly topicNames: string[];
	/** The map view the page opened with (from the URL); the map owns it afterwards. */
	readonly initialView: MapViewState | null;
	/**
	 * Whether the map has finished its first draw. Background work (the export worker loading the
	 * dataset) waits for it, so it does not compete with the map for the CPU while it loads.
	 */
	mapSettled = $state(false);
	readonly #write: UrlWriter;
	#lastWrite = { key: '', at: 0 };

	#sel = $state<string | null>(null);
	#from = $state<string | null>(null);
	#to = $state<string | null>(null);
	#types = $state.raw<string[]>([]);
	#actors = $state.raw<string[]>([]);
	#q = $state('');
	#bbox = $state.raw<BBox | null>(null);
	#layersOff = $state.raw<ToggleLayer[]>([]);
	/** Every toggle of this dataset: the base ones and its declared region layers (fixed). */
	#toggleIds: readonly string[] = [];
	#lang = $state<Lang>(DEFAULT_URL_STATE.lang);
	#view = $state.raw<MapViewState | null>(null);
	#period = $state.raw<readonly [number, number] | null>(null);
	#org = $state<string | null>(null);
	#topic = $state<string | null>(null);
	#first = $state<QuoteOrder | null>(null);
	#highlighted = $state<string | null>(null);

	constructor(dataset: Dataset, params: URLSearchParams, write: UrlWriter = () => {}) {
		this.dataset = dataset;
		this.#toggleIds = toggleLayers(Object.keys(dataset.layers));
		this.#write = write;
		const index = indexDataset(dataset);
		this.#index = index;
		this.incidents = index.incidents;
		this.span = index.span;
		this.eventTypes = index.eventTypes;
		this.actorNames = index.actors;
		this.organizations = index.organizations;
		this.organisations = index.organisations;
		this.topicNames = index.topics;
		const initial = this.#parse(params);
		this.initialView = initial.view;
		this.#apply(initial);
	}

	#parse(params: URLSearchParams): UrlState {
		return parseUrlState(params, {
			types: EVENT_TYPES,
			actors: this.actorNames,
			organizations: this.#index.organizations,
			layers: Object.keys(this.dataset.layers)
		});
	}

	#apply(state: UrlState) {
		this.#sel = state.sel && this.#index.byId.has(state.sel) ? state.sel : null;
		this.#from = state.from !== this.span.from ? state.from : null;
		this.#to = state.to !== this.span.to ? state.to : null;
		this.#types = state.types;
		this.#actors = state.actors;
		this.#q = state.q;
		this.#bbox = state.bbox;
		this.#layersOff = state.layersOff;
		this.#lang = state.lang;
		this.#view = state.view;
		this.#period = state.period && [
			Date.parse(state.period.from),
			Date.parse(state.period.to) + 86_400_000
		];
		this.#org = state.org && this.organisations.includes(state.org) ? state.org : null;
		this.#topic = state.topic && this.topicNames.includes(state.topic) ? state.topic : null;
		this.#first = state.first;
		this.#highlighted = null;
	}

	/** Re-reads the state from the URL (back/forward), without writing it again. */
	readUrl(params: URLSearchParams) {
		this.#apply(this.#parse(params));
	}

	/** The state as a query string (no leading `?`). */
	get query(): string {
		return serialiseUrlState({
			sel: this.#sel,
			from: this.#from,
			to: this.#to,
			types: this.#types,
			actors: this.#actors,
			q: this.#q,
			bbox: this.#bbox,
			layersOff: this.#layersOff,
			lang: this.#lang,
			view: this.#view,
			period: this.#period && {
				from: isoDay(this.#period[0]),
				to: isoDay(this.#period[1] - 1)
			},
			org: this.#org,
			topic: this.#topic,
			first: this.#first
		});
	}

	/** Writes the URL; with `coalesce`, a push right after one of the same kind rewrites it instead. */
	#commit(mode: UrlWrite, key: string, coalesce = false) {
		const now = Date.now();
		const merge = coalesce && key === this.#lastWrite.key && now - this.#lastWrite.at < COALESCE_MS;
		this.#lastWrite = { key, at: now };
		this.#write(this.query, merge ? 'replace' : mode);
	}

	// --- selection ---------------------------------------------------------------------------

	get selectedId(): string | null {
		return this.#sel;
	}

	readonly selected = $derived.by(() =>
		this.#sel ? (this.#index.byId.get(this.#sel) ?? null) : null
	);

	/** Selects an incident (or clears the selection with `null`); a new history entry. */
	select(id: string | null) {
		const next = id && this.#index.byId.has(id) ? id : null;
		if (next === this.#sel) return;
		this.#sel = next;
		this.#commit('push', 'sel');
	}

	incident(id: string): IncidentFeature | undefined {
		return this.#index.byId.get(id);
	}

	place(id: string): PlaceFeature | undefined {
		return this.#index.places.get(id);
	}

	source(id: string): Source | undefined {
		return this.#index.sources.get(id);
	}

	/** The organisation's name in the reader's language (English where it has none). */
	organizationName(id: string): string {
		return organizationName(this.#index.organizations, id, this.#lang);
	}

	/** The organisations the Organisation filter lists, each once, grouped by state. */
	get organisationGroups(): OrganizationGroup[] {
		const all = this.#index.organizations;
		const listed = this.organisations.map((id) => all.get(id)).filter((o) => o !== undefined);
		return groupOrganizations(listed, all, this.#lang);
	}

	statement(id: string): Statement | undefined {
		return this.#index.statements.get(id);
	}

	/** The statements about an incident, linked from either side, oldest first. */
	statementsOf(id: string): Statement[] {
		return this.#index.statementsByIncident.get(id) ?? [];
	}

	// --- time window -------------------------------------------------------------------------

	readonly window: TimeWindow = $derived.by(() => ({
		from: this.#from ?? this.span.from,
		to: this.#to ?? this.span.to
	}));

	/**
	 * Sets the time window (ends in the wrong order are swapped). An end equal to the dataset's
	 * span is left open, so a link to "everything" stays short; dates beyond the span are kept as
	 * the reader gave them. `replace` while dragging, `push` for a deliberate change.
	 */
	setWindow(from: string, to: string, mode: UrlWrite = 'push') {
		if (from > to) [from, to] = [to, from];
		const nextFrom = from !== this.span.from ? from : null;
		const nextTo = to !== this.span.to ? to : null;
		if (nextFrom === this.#from && nextTo === this.#to) return;
		this.#from = nextFrom;
		this.#to = nextTo;
		this.#commit(mode, 'window');
	}

	resetWindow() {
		this.setWindow(this.span.from, this.span.to);
	}

	// --- filters -----------------------------------------------------------------------------

	get types(): readonly string[] {
		return this.#types;
	}

	get actors(): readonly string[] {
		return this.#actors;
	}

	get q(): string {
		return this.#q;
	}

	/** The area the list is limited to (from a link: the dashboard has no control that sets it). */
	get bbox(): BBox | null {
		return this.#bbox;
	}

	setTypes(types: string[]) {
		this.#types = EVENT_TYPES.filter((t) => types.includes(t));
		this.#commit('push', 'types');
	}

	setActors(actors: string[]) {
		this.#actors = this.actorNames.filter((a) => actors.includes(a));
		this.#commit('push', 'actors');
	}

	/** Sets the search text; a burst of typing makes one history entry. */
	setQuery(q: string) {
		if (q === this.#q) return;
		this.#q = q;
		this.#commit('push', 'q', true);
	}

	clearFilters() {
		this.#types = [];
		this.#actors = [];
		this.#q = '';
		this.#bbox = null;
		this.#commit('push', 'clear');
	}

	/** How many filters (types, actors, search, area) restrict the list. */
	readonly activeFilters = $derived(
		(this.#types.length ? 1 : 0) +
			(this.#actors.length ? 1 : 0) +
			(this.#q.trim() ? 1 : 0) +
			(this.#bbox ? 1 : 0)
	);

	/** The filters but the window: a window change leaves it, and so the timeline, as it is. */
	readonly #otherFilters: IncidentQuery = $derived.by(() => {
		const filter: IncidentQuery = {};
		if (this.#types.length) filter.types = this.#types;
		if (this.#actors.length) filter.actors = this.#actors;
		if (this.#q.trim()) filter.q = this.#q.trim();
		if (this.#bbox) filter.bbox = this.#bbox;
		return filter;
	});

	readonly filter: IncidentQuery = $derived.by(() => {
		const filter: IncidentQuery = {};
		if (this.#from) filter.from = this.#from;
		if (this.#to) filter.to = this.#to;
		return { ...filter, ...this.#otherFilters };
	});

	/** The search index, built on first use (see {@link AtlasIndex.search}). */
	get index(): SearchIndex {
		return this.#index.search;
	}

	/** Builds the search index ahead of the first query (the reader is about to type one). */
	prepareSearch() {
		void this.#index.search;
	}

	#filterWith(filter: IncidentQuery): IncidentFeature[] {
		return filterIncidents(
			this.incidents,
			filter,
			filter.q ? this.#index.search : undefined,
			this.#index.organizations
		);
	}

	readonly visible: IncidentFeature[] = $derived.by(() => this.#filterWith(this.filter));

	readonly visibleIds: ReadonlySet<string> = $derived(idSet(this.visible));

	/** The incidents that pass the filters whatever the window: what the timeline draws. */
	readonly timelineIncidents: IncidentFeature[] = $derived.by(() =>
		this.#filterWith(this.#otherFilters)
	);

	// --- layers, language, map view -----------------------------------------------------------

	readonly layers: Record<ToggleLayer, boolean> = $derived(
		Object.fromEntries(this.#toggleIds.map((id) => [id, !this.#layersOff.includes(id)]))
	);

	toggleLayer(id: string, on: boolean) {
		if (!this.#toggleIds.includes(id)) return;
		const layer = id as ToggleLayer;
		if (on === !this.#layersOff.includes(layer)) return;
		this.#layersOff = on ? this.#layersOff.filter((l) => l !== layer) : [...this.#layersOff, layer];
		this.#commit('push', 'layers');
	}

	get lang(): Lang {
		return this.#lang;
	}

	readonly t: Messages = $derived(messages(this.#lang));

	setLang(lang: Lang) {
		if (lang === this.#lang) return;
		this.#lang = lang;
		this.#commit('push', 'lang');
	}

	get mapView(): MapViewState | null {
		return this.#view;
	}

	/** Records where the map is (on every `moveend`): rewrites the current history entry. */
	setMapView(view: MapViewState) {
		this.#view = view;
		this.#commit('replace', 'view');
	}

	/** The span (ms, `[start, end)`) the timeline is zoomed to; `null`: the data's whole extent. */
	get period(): readonly [number, number] | null {
		return this.#period;
	}

	/**
	 * Zooms or pans the timeline. Written to the URL (as the days it touches) only with `write`:
	 * a wheel or a pinch sends dozens of steps a second, and the timeline writes once they stop.
	 */
	setPeriod(period: readonly [number, number] | null, write = true) {
		this.#period = period;
		if (write) this.#commit('replace', 'period');
	}

	// --- statements ----------------------------------------------------------------------------

	get org(): string | null {
		return this.#org;
	}

	get topic(): string | null {
		return this.#topic;
	}

	/** As the reader chose, else the language's default (see {@link defaultQuoteOrder}). */
	get first(): QuoteOrder {
		return this.#first ?? defaultQuoteOrder(this.#lang);
	}

	setOrg(org: string | null) {
		this.#org = org && this.organisations.includes(org) ? org : null;
		this.#commit('push', 'org');
	}

	setTopic(topic: string | null) {
		this.#topic = topic && this.topicNames.includes(topic) ? topic : null;
		this.#commit('push', 'topic');
	}

	setFirst(first: QuoteOrder) {
		if (first === this.first) return;
		this.#first = first;
		this.#commit('push', 'first');
	}

	/**
	 * The statements the panel lists: those about the selected incident, or, with none selected,
	 * those said within the time window; then narrowed by organisation and topic. Oldest first.
	 */
	readonly statements: Statement[] = $derived.by(() =>
		panelStatements(this.#index, this.dataset.statements, this.#sel, this.window, {
			org: this.#org,
			topic: this.#topic
		})
	);

	/** Why {@link statements} is empty, to say so (see {@link statementsGap}); `null` if it is not. */
	readonly statementsGap = $derived.by(() =>
		this.statements.length
			? null
			: statementsGap(this.#index, this.dataset.statements, this.#sel, this.window, {
					org: this.#org,
					topic: this.#topic
				})
	);

	/** Shows every statement again: the organisation and topic chosen are cleared. */
	clearStatementChoice() {
		this.#org = null;
		this.#topic = null;
		this.#commit('push', 'org');
	}

	/**
	 * With an incident selected: statements reported in the incident's own sources but not linked
	 * to it, narrowed by organisation and topic.
	 */
	readonly relatedStatements: Statement[] = $derived.by(() =>
		this.selected
			? relatedStatements(this.#index, this.selected, { org: this.#org, topic: this.#topic })
			: []
	);

	get highlightedStatement(): string | null {
		return this.#highlighted;
	}

	/** Highlights the incidents a statement is about (`null` to stop); not part of the URL. */
	highlight(statementId: string | null) {
		this.#highlighted = statementId && this.#index.statements.has(statementId) ? statementId : null;
	}

	readonly highlightedIds: ReadonlySet<string> = $derived.by(() =>
		statementIncidentIds(this.#index, this.#highlighted)
	);
}

/** The UTC day of a time. */
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

const [getView, setView] = createContext<AtlasView>();

/** The page's view state, for every panel below the page (throws where none was set). */
export { getView, setView };
