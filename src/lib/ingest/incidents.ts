import type { ExistingIncident } from './gazetteer';
import type { Sentence } from './sentences';
import type {
	ClaimProposal,
	DateProposal,
	IncidentProposal,
	PlaceProposal,
	StatementProposal
} from './types';

const TYPES: [RegExp, string][] = [
	[/nổ mìn|quả mìn|mine|landmine|IED|мин[аыу]|подрыв/iu, 'Explosions/Remote violence'],
	[
		/pháo kích|rocket|tên lửa|shelling|artillery|обстрел|ракет|drone strike|không kích|airstrike/iu,
		'Explosions/Remote violence'
	],
	[/giao tranh|xung đột|đụng độ|clash|fighting|battle|бо[йи]|столкновени|боев/iu, 'Battles'],
	[/thường dân bị|civilians were killed|мирные жители погибли/iu, 'Violence against civilians'],
	[/biểu tình|protest|протест|митинг/iu, 'Protests']
];

/** Countries and whole regions locate nothing on their own; a village or a town does. */
const BROAD = new Set(['country', 'region']);

function inSentence(sentences: Sentence[], at: number): number {
	let lo = 0;
	let hi = sentences.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (sentences[mid].end <= at) lo = mid + 1;
		else if (sentences[mid].start > at) hi = mid - 1;
		else return mid;
	}
	return Math.max(0, Math.min(sentences.length - 1, lo));
}

function matches(existing: ExistingIncident, date: string): boolean {
	if (existing.date_end) return date >= existing.date && date <= existing.date_end;
	const n = existing.date_precision === 'year' ? 4 : existing.date_precision === 'month' ? 7 : 10;
	return existing.date.slice(0, n) === date.slice(0, n);
}

/**
 * Groups claims and statements by the day-precision date in force where they occur (the last
 * one mentioned before them); each group gets the places of its sentences, a type guessed from
 * its wording, and an existing incident to attach to when one shares a place and the date.
 */
export function draftIncidents(
	text: string,
	sentences: Sentence[],
	places: PlaceProposal[],
	dates: DateProposal[],
	claims: ClaimProposal[],
	statements: StatementProposal[],
	existing: ExistingIncident[]
): IncidentProposal[] {
	const dayDates = dates.filter((d) => d.precision === 'day');
	/** The date in force at `at`: the last day-precision date of its sentence, else the last before it. */
	const lastStartingBefore = (at: number): number => {
		let lo = 0;
		let hi = dayDates.length - 1;
		let found = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (dayDates[mid].start < at) {
				found = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		return found;
	};
	const dateAt = (at: number): DateProposal | null => {
		const s = sentences[inSentence(sentences, at)];
		const inOwn = lastStartingBefore(s.end);
		if (inOwn >= 0 && dayDates[inOwn].start >= s.start) return dayDates[inOwn];
		const before = lastStartingBefore(at);
		return before >= 0 ? dayDates[before] : (dayDates[0] ?? null);
	};
	const groups = new Map<
		string,
		{ claims: number[]; statements: number[]; sentences: Set<number> }
	>();
	const group = (at: number) => {
		const d = dateAt(at);
		const key = d ? d.date : '';
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { claims: [], statements: [], sentences: new Set() }));
		g.sentences.add(inSentence(sentences, at));
		return g;
	};
	claims.forEach((c, i) => group(c.start).claims.push(i));
	statements.forEach((s, i) => {
		const g = group(s.start);
		g.statements.push(i);
		const last = inSentence(sentences, Math.max(s.start, s.end - 1));
		for (let k = inSentence(sentences, s.start); k <= last; k++) g.sentences.add(k);
	});
	for (const d of dayDates) groups.get(d.date)?.sentences.add(inSentence(sentences, d.start));
	const out: IncidentProposal[] = [];
	const placesBySentence = new Map<number, PlaceProposal[]>();
	for (const p of places) {
		const k = inSentence(sentences, p.start);
		placesBySentence.set(k, [...(placesBySentence.get(k) ?? []), p]);
	}
	for (const [date, g] of groups) {
		const ids = new Map<string, boolean>();
		for (const k of g.sentences) {
			for (const p of placesBySentence.get(k) ?? []) {
				if (p.place_id) ids.set(p.place_id, BROAD.has(p.kind));
			}
		}
		const specific = [...ids].filter(([, broad]) => !broad).map(([id]) => id);
		const place_ids = specific.length > 0 ? specific : [...ids.keys()];
		const wording = [...g.sentences]
			.slice(0, 200)
			.map((k) => text.slice(sentences[k].start, sentences[k].end))
			.join(' ');
		const type = TYPES.find(([re]) => re.test(wording))?.[1] ?? 'Strategic developments';
		let attach_to: string | null = null;
		if (date) {
			let best = 0;
			for (const e of existing) {
				const shared = e.place_ids.filter((id) => place_ids.includes(id)).length;
				if (shared > best && matches(e, date)) {
					best = shared;
					attach_to = e.id;
				}
			}
		}
		out.push({
			place_ids,
			date: date || null,
			date_precision: date ? 'day' : null,
			type,
			claims: g.claims,
			statements: g.statements,
			attach_to
		});
	}
	return out;
}
