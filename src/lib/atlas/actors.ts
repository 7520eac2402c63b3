import type { Organization } from '../data/schema';
import type { Lang, Term } from '../i18n';

/**
 * The shape of an organisation id: lower-case ASCII letters and digits joined by single hyphens
 * (`az-armed-forces`, `un`). An actor entry of this shape is a reference, and one that names no
 * organisation is refused. A name as the sources give it is never of this shape in practice:
 * ACLED and UCDP capitalise every actor ("Military Forces of Azerbaijan (2003-)", "Government of
 * Armenia"), and any name with a capital, a space or punctuation is free text. So the two kinds of
 * entry are told apart by the entry alone, and a typing slip in an id ("az-armed-force") is
 * caught instead of passing as a one-word name.
 */
export const ACTOR_ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Organisations by id, as `RecordLinks.organizations` holds them. */
export type Organizations = ReadonlyMap<string, Organization>;

/** Text keyed by language, English always present: an organisation's names. */
type Names = { readonly en: string } & Readonly<Record<string, string>>;

/**
 * The organisation an actor entry refers to: the record whose id the entry is; `undefined` for a
 * free-text name (an import's "Military Forces of Armenia (2018-)" that no editor has linked yet).
 */
export function actorOrganization(
	entry: string,
	organizations: Organizations
): Organization | undefined {
	return organizations.get(entry);
}

/** An actor's names by language: its organisation's, or the free text as its English name. */
export function actorNames(entry: string, organizations: Organizations): Names {
	return (organizations.get(entry)?.names as Names | undefined) ?? { en: entry };
}

/**
 * An actor as the reader sees it: its organisation's name in `lang` where the record has one,
 * else the English, marked `lang: 'en'` on a page in another language; a free-text entry is
 * English, the language the imports and the editors write it in. The rule is `textIn`'s of
 * `$lib/i18n`, restated here because that module loads the reactive string catalogue, which the
 * command-line scripts (`check:data`, `db:import`) that reach this module cannot run.
 */
export function actorName(entry: string, organizations: Organizations, lang: Lang): Term {
	const names = actorNames(entry, organizations);
	const own = Object.hasOwn(names, lang) ? names[lang] : undefined;
	return own
		? { text: own, lang: undefined }
		: { text: names.en, lang: lang === 'en' ? undefined : 'en' };
}

/** An actor's English name: what the exports (CSV, KML, GeoJSON, OGC) write for GIS users. */
export function actorEnglishName(entry: string, organizations: Organizations): string {
	return actorNames(entry, organizations).en;
}

/**
 * Why an actor entry is refused, or `null` when it is allowed: an entry of the
 * {@link ACTOR_ID_SHAPE id shape} must be the id of an organisation; anything else is free text.
 */
export function actorProblem(entry: string, organizationIds: ReadonlySet<string>): string | null {
	if (organizationIds.has(entry) || !ACTOR_ID_SHAPE.test(entry)) return null;
	return `"${entry}" is not the id of an organisation in organizations.json (an entry of lower-case letters and digits joined by hyphens refers to one; write a name as the sources give it, with its capitals, or add the organisation)`;
}

/**
 * The actor entries that the values of an `actor` filter select: each value itself (a free-text
 * name, or an id), and the id of every organisation one of whose names, in any language, is the
 * value. So a link written before actors were records (`actor=Armed Forces of Azerbaijan`), one
 * with the id and one with the Vietnamese name all find the same incidents.
 */
export function actorSelection(
	values: readonly string[],
	organizations: Iterable<Organization>
): Set<string> {
	const selected = new Set(values);
	for (const o of organizations) {
		if (Object.values(o.names).some((name) => selected.has(name))) selected.add(o.id);
	}
	return selected;
}

/**
 * `value` as one of `entries` (the actors a dataset's incidents name): the entry itself, or the
 * organisation id one of whose names is `value`; `undefined` when it names none of them.
 */
export function knownActor(
	value: string,
	entries: readonly string[],
	organizations: Organizations
): string | undefined {
	if (entries.includes(value)) return value;
	return entries.find((e) => Object.values(actorNames(e, organizations)).includes(value));
}

/**
 * A name as the import compares it with organisations' names: Unicode NFC, trimmed, every run
 * of white space (a tab, a no-break space) one space, lower case (`toLowerCase`, the same on
 * every machine whatever its locale). `" ARMED  forces of Azerbaijan"` and
 * `"Armed Forces of Azerbaijan"` compare equal; `"Armed Forces of Azerbaijan (2003-)"` does not.
 */
export function actorNameKey(name: string): string {
	return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().normalize('NFC');
}

/**
 * Turns the actor names an import reads into organisation ids where a name is unmistakably an
 * organisation's: an entry that is the id of one of `organizations` stays that id; one whose
 * {@link actorNameKey} equals that of a name, in any language, of exactly one of them becomes its
 * id; anything else stays the free text it was. A name two organisations share (in any language)
 * names neither, and stays free text for an editor to link. Deterministic: the result depends on
 * the set of organisations and their names, never on their order.
 */
export class ActorMatcher {
	readonly #ids = new Set<string>();
	/** Name key → the one organisation id with that name, or `null` when several have it. */
	readonly #byName = new Map<string, string | null>();

	constructor(organizations: Iterable<Pick<Organization, 'id' | 'names'>>) {
		for (const o of organizations) {
			this.#ids.add(o.id);
			for (const name of Object.values(o.names)) {
				if (typeof name !== 'string') continue;
				const key = actorNameKey(name);
				if (!key) continue;
				const seen = this.#byName.get(key);
				this.#byName.set(key, seen === undefined || seen === o.id ? o.id : null);
			}
		}
	}

	/** The organisation id `entry` names, or `entry` itself (an id already, or free text). */
	match(entry: string): string {
		if (this.#ids.has(entry)) return entry;
		return this.#byName.get(actorNameKey(entry)) ?? entry;
	}

	/**
	 * An incident's actor entries with names matched to ids, in their order; an organisation named
	 * twice (`actor1` in English, an associated actor in Vietnamese) is listed once, where first named.
	 */
	entries(actors: readonly string[]): string[] {
		const out: string[] = [];
		const ids = new Set<string>();
		for (const entry of actors) {
			const matched = this.match(entry);
			if (this.#ids.has(matched)) {
				if (ids.has(matched)) continue;
				ids.add(matched);
			}
			out.push(matched);
		}
		return out;
	}

	/** Whether there are any organisations to match (an import into a dataset with none skips it). */
	get empty(): boolean {
		return this.#ids.size === 0;
	}
}
