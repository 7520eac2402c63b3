import type { Gazetteer } from './gazetteer';
import type { Sentence } from './sentences';
import type { Speaker } from './speakers';
import { matchNames, type Token } from './tokens';
import type { Lang, StatementProposal } from './types';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** Reporting verbs; a statement is proposed only where one has a speaker from the gazetteer. */
const VERBS: Record<Lang, RegExp> = {
	vi: new RegExp(
		`${B}(?:cho biết|tuyên bố|khẳng định|kêu gọi|bày tỏ|nhấn mạnh|thông báo|đề nghị|xác nhận|cảnh báo|lên án|yêu cầu|nói rằng|nói|phát biểu rằng|cam kết|bác bỏ|cáo buộc|tố cáo)${E}`,
		'gu'
	),
	en: new RegExp(
		`${B}(?:said|says|stated|told|announced|called for|called on|urged|confirmed|reported|added|warned|condemned|noted|expressed|claimed|denied|accused|insisted|stressed|emphasi[sz]ed|declared|demanded|according to)${E}`,
		'giu'
	),
	ru: new RegExp(
		`${B}(?:заяви(?:л|ла|ли|ло)|сообщи(?:л|ла|ли|ло)|призва(?:л|ла|ли|ло)|подчеркну(?:л|ла|ли|ло)|отмети(?:л|ла|ли|ло)|добави(?:л|ла|ли|ло)|завери(?:л|ла|ли|ло)|вырази(?:л|ла|ли|ло)|осуди(?:л|ла|ли|ло)|потребова(?:л|ла|ли|ло)|предупреди(?:л|ла|ли|ло)|подтверди(?:л|ла|ли|ло)|рассказа(?:л|ла|ли|ло)|сказа(?:л|ла|ли|ло)|опроверг(?:ла|ли)?|обвини(?:л|ла|ли|ло))${E}`,
		'giu'
	)
};

/** "According to X, …": the speaker follows. */
const ACCORDING: Record<Lang, RegExp> = {
	vi: /^(?:[\p{L}\s]{0,20},\s*)?Theo(?!\s+đó)\s+/iu,
	en: /^(?:[\p{L}\s]{0,20},\s*)?According to\s+/iu,
	ru: /^(?:[\p{L}\s]{0,20},\s*)?(?:По словам|По данным|Как сообщили в|Как сообщает)\s+/iu
};

/** A sentence opening with one of these goes on with the previous statement. */
const CONTINUATION: Record<Lang, RegExp> = {
	vi: /^(?:Theo đó|Cụ thể|Trong đó|Ngoài ra|Đồng thời)(?![\p{L}])/iu,
	en: /^(?:(?:He|She|They|The ministry|The minister) added|In particular|Specifically|Furthermore|According to (?:him|her|them))(?![\p{L}])/iu,
	ru: /^(?:По его словам|По ее словам|По её словам|Кроме того|При этом|В частности)(?![\p{L}])/iu
};

/** Opening words that point back at the last speaker ("Ông kêu gọi", "He said", "Theo bộ trên"). */
const ANAPHORA: Record<Lang, RegExp> = {
	vi: /^(?:[\p{L}\s]{0,20},\s*)?(?:Ông|Bà|Theo bộ (?:trên|này)|Bộ này|Phía [\p{L}]+|Người phát ngôn)(?![\p{L}])/u,
	en: /^(?:[\p{L}\s]{0,20},\s*)?(?:He|She|The ministry|The minister|The spokesman|The spokeswoman|The spokesperson|The statement)(?![\p{L}])/u,
	ru: /^(?:[\p{L}\s]{0,20},\s*)?(?:Он|Она|В ведомстве|Ведомство|Министр|В министерстве|По данным ведомства)(?![\p{L}])/u
};

const OBJECT_WORDS = new Set(['voi', 'with', 'to', 'for', 'с', 'со']);
/** A pronoun right before the verb ("it added", "Ông kêu gọi") or a back-reference after it. */
const PRONOUN_BEFORE =
	/(?:^|[\s,])(?:he|she|it|they|ông|bà|он|она|оно|они|ведомство)\s+(?:also\s+|cũng\s+|также\s+)?$/iu;
const BACK_AFTER =
	/^\s+(?:the ministry|the minister|the spokesman|the spokeswoman|him|her|them|ведомства|министерства|него|неё|нее)(?![\p{L}])/iu;
const QUOTES = /["“«„]([^"”»“]{3,2000})["”»“]/gu;

interface SpeakerMention {
	start: number;
	end: number;
	speaker: Speaker;
}

function speakerMentions(text: string, tokens: Token[], gazetteer: Gazetteer): SpeakerMention[] {
	const out: SpeakerMention[] = [];
	let previousObject: { end: number } | null = null;
	for (const m of matchNames(
		text,
		tokens,
		gazetteer.speakers,
		gazetteer.speakerPrefixes,
		gazetteer.maxSpeakerWords,
		() => true
	)) {
		const window = tokens.slice(Math.max(0, m.first - 5), m.first);
		const afterObjectWord = window.some(
			(t) => OBJECT_WORDS.has(t.key) && !/[,.;:!?()\n|]/.test(text.slice(t.end, m.start))
		);
		const joined =
			previousObject !== null &&
			/^[\s\p{L}]{0,30}\s(?:и|và|and)\s[\s\p{L}]{0,30}$/u.test(
				text.slice(previousObject.end, m.start)
			);
		if (afterObjectWord || joined) {
			previousObject = m;
			continue;
		}
		previousObject = null;
		out.push({ start: m.start, end: m.end, speaker: m.value });
	}
	return out;
}

/** Speakers of one clause: the last one named before the verb, with any joined to it by "and". */
function speakersBefore(text: string, mentions: SpeakerMention[], verb: number): Speaker[] {
	const before = mentions.filter((m) => m.end <= verb && verb - m.end < 240);
	if (before.length === 0) return [];
	const people = before.filter((m) => m.speaker.kind === 'person');
	const pool = people.length > 0 ? people : before;
	const last = pool[pool.length - 1];
	const out = [last.speaker];
	for (let i = pool.length - 2; i >= 0; i--) {
		const gap = text.slice(pool[i].end, pool[i + 1].start);
		if (!/(?:^|\s)(?:và|and|и)\s/u.test(gap) || gap.length > 60) break;
		out.unshift(pool[i].speaker);
	}
	return [...new Map(out.map((s) => [s.name, s])).values()];
}

export interface StatementContext {
	sentence: number;
	speakers: Speaker[];
}

/**
 * One statement per sentence with a reporting clause (per speaker when several speak together),
 * its excerpt the sentence (or the quotation, for direct speech), carried on by sentences that
 * open with a continuation ("Theo đó", "He added", "Кроме того").
 */
export function findStatements(
	text: string,
	lang: Lang,
	sentences: Sentence[],
	tokens: Token[],
	gazetteer: Gazetteer
): { statements: StatementProposal[]; bySentence: (number[] | null)[] } {
	const statements: StatementProposal[] = [];
	const bySentence: (number[] | null)[] = sentences.map(() => null);
	const mentions = speakerMentions(text, tokens, gazetteer);
	let mi = 0;
	let last: {
		sentence: number;
		speakers: Speaker[];
		indexes: number[];
		via?: string | null;
	} | null = null;

	for (let k = 0; k < sentences.length; k++) {
		const s = sentences[k];
		const sentence = text.slice(s.start, s.end);
		while (mi < mentions.length && mentions[mi].end <= s.start) mi++;
		const here: SpeakerMention[] = [];
		for (let j = mi; j < mentions.length && mentions[j].start < s.end; j++) here.push(mentions[j]);
		const recent =
			last && k - last.sentence <= 4 && sentences[last.sentence].paragraph >= s.paragraph - 4;

		if (
			last &&
			recent &&
			CONTINUATION[lang].test(sentence) &&
			s.paragraph === sentences[last.sentence].paragraph
		) {
			for (const i of last.indexes) {
				statements[i].end = s.end;
				statements[i].text = text.slice(statements[i].start, s.end);
			}
			bySentence[k] = last.indexes;
			last.sentence = k;
			continue;
		}

		let speakers: Speaker[] = [];
		let verbEnd = -1;
		const according = ACCORDING[lang].exec(sentence);
		if (according) {
			const from = s.start + according[0].length;
			const comma = sentence.indexOf(',', according[0].length);
			const to = comma < 0 ? s.end : s.start + comma;
			const named = here.filter((m) => m.start >= from && m.end <= to);
			if (named.length > 0) speakers = [named[named.length - 1].speaker];
			else if (last && recent) speakers = last.speakers;
			verbEnd = to;
		}
		if (speakers.length === 0) {
			const verbs = new RegExp(VERBS[lang].source, VERBS[lang].flags);
			let v: RegExpExecArray | null;
			while ((v = verbs.exec(sentence))) {
				const at = s.start + v.index;
				speakers = speakersBefore(text, here, at);
				if (speakers.length === 0 && lang !== 'vi') {
					const after = here.find((m) => m.start >= at + v![0].length && m.start - at < 40);
					if (after) speakers = [after.speaker];
				}
				if (speakers.length === 0 && last && recent) {
					const before = text.slice(Math.max(s.start, at - 30), at);
					const after = text.slice(at + v[0].length, at + v[0].length + 40);
					if (PRONOUN_BEFORE.test(before) || BACK_AFTER.test(after)) speakers = last.speakers;
				}
				if (speakers.length === 0 && last && recent && ANAPHORA[lang].test(sentence)) {
					const opening = ANAPHORA[lang].exec(sentence)!;
					if (opening.index + opening[0].length <= v.index) speakers = last.speakers;
				}
				if (speakers.length > 0) {
					verbEnd = at + v[0].length;
					break;
				}
			}
		}
		if (
			speakers.length === 0 &&
			last &&
			recent &&
			/^(?:Theo bộ|По данным ведомства)/u.test(sentence)
		) {
			speakers = last.speakers;
			verbEnd = s.start;
		}
		if (speakers.length === 0) continue;

		let start = s.start;
		let end = s.end;
		let form: StatementProposal['form'] = 'reported';
		const quotes = new RegExp(QUOTES.source, QUOTES.flags);
		let q: RegExpExecArray | null;
		while ((q = quotes.exec(sentence))) {
			const qs = s.start + q.index;
			const qe = qs + q[0].length;
			const between = text.slice(verbEnd, qs);
			const opensSentence = q.index <= 1 && verbEnd >= qe;
			if (opensSentence || (qs >= verbEnd && /^[\s:,]*(?:rằng|that|что)?[\s:,]*$/u.test(between))) {
				form = 'direct';
				start = qs + 1;
				end = qe - 1;
				break;
			}
		}
		const indexes: number[] = [];
		for (const speaker of speakers) {
			let name = speaker.name;
			let organization = speaker.organization;
			let via: string | null = null;
			if (speaker.speaks_for) {
				const principal =
					here.find((m) => m.speaker.name === speaker.speaks_for)?.speaker ??
					(last && recent && last.via === speaker.name ? last.speakers[0] : undefined) ??
					(speaker.kind === 'body' ? gazetteer.speakerByName.get(speaker.speaks_for) : undefined);
				if (principal) {
					via = speaker.name;
					name = principal.name;
					organization = principal.organization;
				}
			}
			indexes.push(statements.length);
			statements.push({
				start,
				end,
				speaker: name,
				organization,
				via,
				form,
				text: text.slice(start, end)
			});
		}
		bySentence[k] = indexes;
		const via = statements[indexes[0]].via;
		last = {
			sentence: k,
			speakers: via ? [gazetteer.speakerByName.get(statements[indexes[0]].speaker)!] : speakers,
			indexes,
			via
		};
	}
	return { statements, bySentence };
}
