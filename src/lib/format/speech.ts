import type { Organization, Statement } from '../data/schema';

/** An organisation's name in `lang`, else in English; the bare id where the record is missing. */
export function organizationName(
	organizations: ReadonlyMap<string, Organization>,
	id: string,
	lang = 'en'
): string {
	const org = organizations.get(id);
	if (!org) return id;
	return (org.names as Record<string, string>)[lang] ?? org.names.en;
}

export interface OrganizationGroup {
	/** The state the members belong to; `null` for those that belong to none (the UN, the EU). */
	state: Organization | null;
	/** The state itself first where it is listed, then the others by name. */
	members: Organization[];
}

/**
 * The organisations listed once each, grouped by the state they belong to: states by name in
 * `lang`, the group of organisations that belong to no state last.
 */
export function groupOrganizations(
	listed: readonly Organization[],
	all: ReadonlyMap<string, Organization>,
	lang = 'en'
): OrganizationGroup[] {
	const name = (o: Organization) => organizationName(all, o.id, lang);
	const groups = new Map<string | null, Organization[]>();
	for (const org of new Map(listed.map((o) => [o.id, o])).values()) {
		const key = org.kind === 'state' ? org.id : (org.state ?? null);
		const members = groups.get(key);
		if (members) members.push(org);
		else groups.set(key, [org]);
	}
	const out: OrganizationGroup[] = [];
	for (const [key, members] of groups) {
		members.sort(
			(a, b) =>
				Number(b.kind === 'state') - Number(a.kind === 'state') || name(a).localeCompare(name(b))
		);
		out.push({ state: key === null ? null : (all.get(key) ?? null), members });
	}
	return out.sort((a, b) =>
		a.state === null
			? b.state === null
				? 0
				: 1
			: b.state === null
				? -1
				: name(a.state).localeCompare(name(b.state))
	);
}

/**
 * Who an excerpt is by, in plain English, for exports: the outlet's paraphrase of the speaker
 * ("As reported by …") or the speaker's words as the outlet quotes them.
 */
export function attributionText(
	statement: Statement,
	publisher: string | undefined,
	organization: string
): string {
	const { name, role } = statement.speaker;
	const outlet = publisher ?? `source ${statement.source_id}`;
	const speaker = `${name} (${role}, ${organization})`;
	return statement.form === 'reported'
		? `As reported by ${outlet}: ${speaker}, in the outlet's words, not the speaker's`
		: `${speaker}, in the speaker's words as quoted by ${outlet}`;
}
