import type { Organization, Statement } from '$lib/data/schema';
import type { StatementProposal } from '$lib/ingest/types';

/** What the form starts with for a proposed statement: fields the ingest cannot know by itself. */
export interface SpeakerDefaults {
	role: string;
	organization_id: string;
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('en').trim();

/**
 * For each proposed statement, the role and organisation its speaker has in the newest statement
 * of the dataset by the same speaker, else the organisation whose name (in any language) is the
 * one the ingest proposed, else empty: the editor fills them in.
 */
export function speakerDefaults(
	proposals: readonly StatementProposal[],
	data: { statements: readonly Statement[]; organizations: readonly Organization[] }
): SpeakerDefaults[] {
	const bySpeaker = new Map<string, Statement>();
	for (const s of data.statements) {
		const key = fold(s.speaker.name);
		const seen = bySpeaker.get(key);
		if (!seen || s.said_on >= seen.said_on) bySpeaker.set(key, s);
	}
	const byName = new Map<string, string>();
	for (const o of data.organizations) {
		for (const name of Object.values(o.names)) byName.set(fold(name), o.id);
	}
	return proposals.map((p) => {
		const known = bySpeaker.get(fold(p.speaker));
		return {
			role: known?.speaker.role ?? '',
			organization_id:
				known?.speaker.organization_id ??
				(p.organization ? (byName.get(fold(p.organization)) ?? '') : '')
		};
	});
}
