import { findNumbers } from './numbers';
import type { Sentence } from './sentences';
import { wordKey } from './tokens';
import type { ClaimProposal, Lang, StatementProposal } from './types';

interface Trigger {
	re: RegExp;
	metric: string;
	/** Where the figure stands: before the verb ("12 soldiers were killed"), after it, or either. */
	side: 'before' | 'after' | 'both';
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const t = (words: string, metric: string, side: Trigger['side'] = 'both'): Trigger => ({
	re: new RegExp(`${B}(?:${words})${E}`, 'giu'),
	metric,
	side
});

const TRIGGERS: Record<Lang, Trigger[]> = {
	vi: [
		t('bị thương|trọng thương', 'wounded', 'before'),
		t('thiệt mạng|tử vong|tử nạn|hy sinh|bị giết|bị sát hại|chết', 'killed', 'before'),
		t('thương vong', 'casualties', 'before'),
		t('mất tích', 'missing', 'before'),
		t('bị bắt|bị bắt giữ|bị bắt làm tù binh', 'captured', 'before'),
		t('bị bắn hạ|bị bắn rơi|bị phá hủy|bị phá huỷ', 'equipment_lost', 'before'),
		t('giành quyền kiểm soát|kiểm soát|chiếm được|chiếm', 'positions_taken', 'after')
	],
	en: [
		t('wounded|injured|hurt', 'wounded'),
		t('killed|dead|died|killing|lost their lives', 'killed'),
		t('casualties', 'casualties', 'after'),
		t('missing', 'missing', 'before'),
		t('captured|taken prisoner', 'captured'),
		t('shot down|downed|destroyed', 'equipment_lost'),
		t('took control of|taken control of|seized|captured|taken|took', 'positions_taken', 'after')
	],
	ru: [
		t('ранен|ранены|ранена|ранения|ранениями|пострадали|пострадал|раненых', 'wounded'),
		t('погиб|погибли|погибла|погибших|убит|убиты|убито|гибели|жизни', 'killed'),
		t('пропали без вести|пропал без вести', 'missing'),
		t('взят в плен|взяты в плен|попали в плен', 'captured'),
		t('сбит|сбиты|уничтожен|уничтожены|уничтожено', 'equipment_lost'),
		t('взяли под контроль|заняли|установили контроль над', 'positions_taken', 'after')
	]
};

/** Nouns that make a number a count of people, equipment or positions (first word, as a key). */
const UNITS: Record<Lang, string[]> = {
	vi: [
		'binh',
		'người',
		'nhân',
		'thành',
		'thường',
		'dân',
		'quân',
		'lính',
		'chiến',
		'sĩ',
		'trẻ',
		'máy',
		'trực',
		'xe',
		'cao',
		'điểm',
		'làng',
		'khẩu',
		'chiếc'
	],
	en: [
		'soldiers',
		'soldier',
		'servicemen',
		'serviceman',
		'service',
		'people',
		'persons',
		'civilians',
		'civilian',
		'peacekeeper',
		'peacekeepers',
		'employees',
		'employee',
		'members',
		'member',
		'officer',
		'officers',
		'boy',
		'boys',
		'girl',
		'girls',
		'man',
		'woman',
		'women',
		'troops',
		'children',
		'child',
		'helicopter',
		'helicopters',
		'tank',
		'tanks',
		'aircraft',
		'drone',
		'drones',
		'heights',
		'height',
		'villages',
		'village',
		'positions',
		'position',
		'fighters',
		'men',
		'rescuers',
		'workers',
		'military'
	],
	ru: [
		'военнослужащ',
		'военн',
		'человек',
		'мирн',
		'жител',
		'миротворец',
		'миротворц',
		'сотрудник',
		'солдат',
		'офицер',
		'дет',
		'ребенок',
		'ребёнок',
		'вертолет',
		'вертолёт',
		'танк',
		'самолет',
		'беспилотник',
		'высот',
		'сел',
		'позиц',
		'бойц',
		'сотрудниц',
		'сол'
	]
};

/** Vietnamese puts the classifier noun right after the number; English and Russian allow adjectives. */
/**
 * A number with no noun after it counts when an earlier figure of the sentence had one and a
 * casualty verb follows at once ("18 soldiers died and about 35 had been wounded").
 */
const ELLIPSIS: Record<Lang, RegExp> = {
	vi: /^\s+(?:người\s+)?(?:đã\s+)?(?:bị thương|thiệt mạng|tử vong|mất tích)/u,
	en: /^\s+(?:(?:had|have|has)\s+been\s+|were\s+|was\s+|are\s+)?(?:wounded|injured|killed|missing|captured)/iu,
	ru: /^\s+(?:(?:были|был|получили)\s+)?(?:ранен|ранены|ранения|погибли|убиты|пропали)/iu
};

const MODIFIER_LIMIT: Record<Lang, number> = { vi: 1, en: 4, ru: 3 };
const BACKGROUND: Record<Lang, RegExp> = {
	vi: /(?:khiến|làm|làm cho)\s*$/iu,
	en: /(?:killing|leaving|left|claiming the lives of)\s*$/iu,
	ru: /(?:унесли|унесла|унесший|унёсший|жертвами стали)\s*$/iu
};
const AIRCRAFT =
	/trực thăng|máy bay|helicopter|aircraft|plane|drone|вертол[её]т|самол[её]т|беспилотник|Ми-\d+|Mi-\d+/iu;
const STOP: Record<Lang, RegExp> = {
	vi: /\s(?:và|đã|bị|đang|được|trong|khi|tại)\s|[,;:.()]/u,
	en: /\s(?:and|were|was|have|had|are|is|in|on|at|during|after|when)\s|[,;:.()]/iu,
	ru: /\s(?:и|были|был|была|в|во|на|при|после|когда)\s|[,;:.()]/iu
};

function unitAfter(text: string, lang: Lang, from: number): boolean {
	const words = text.slice(from, from + 80).match(/[\p{L}\p{N}]+/gu) ?? [];
	for (const w of words.slice(0, MODIFIER_LIMIT[lang])) {
		const key = lang === 'vi' ? w.toLowerCase() : wordKey(w);
		if (UNITS[lang].some((u) => key === u || (lang === 'ru' && key.startsWith(u)))) return true;
		if (lang === 'en' && AIRCRAFT.test(w)) return true;
	}
	return false;
}

function subjectAfter(text: string, lang: Lang, from: number, limit: number): string {
	const rest = text.slice(from, Math.min(limit, from + 120));
	const stop = STOP[lang].exec(rest);
	return (stop ? rest.slice(0, stop.index) : rest).trim();
}

export interface ClaimContext {
	sentences: Sentence[];
	statements: StatementProposal[];
	bySentence: (number[] | null)[];
	/** Who a figure belongs to when no speaker gives it: the wire credited, else the publisher. */
	fallback: string;
	/** Ranges of dates, which are never casualty figures. */
	dates: { start: number; end: number }[];
}

/**
 * Casualty and loss figures: a number with a unit noun next to a casualty verb in the same
 * sentence, claimed by the speaker of the sentence's statement (or of the statement the
 * sentence continues); a figure in a "causing"/"killing" clause is the outlet's background.
 */
export function findClaims(text: string, lang: Lang, ctx: ClaimContext): ClaimProposal[] {
	const out: ClaimProposal[] = [];
	const seen = new Set<string>();
	let lastStatement: { sentence: number; index: number } | null = null;
	const dates = [...ctx.dates].sort((a, b) => a.start - b.start);
	let di = 0;
	ctx.sentences.forEach((s, k) => {
		const own = ctx.bySentence[k];
		if (own) lastStatement = { sentence: k, index: own[0] };
		while (di < dates.length && dates[di].end <= s.start) di++;
		const here: { start: number; end: number }[] = [];
		for (let j = di; j < dates.length && dates[j].start < s.end; j++) here.push(dates[j]);
		const all = findNumbers(text, lang, s.start, s.end).filter(
			(n) => !here.some((d) => n.start < d.end && d.start < n.end)
		);
		const numbers = all.filter(
			(n, i) =>
				unitAfter(text, lang, n.end) ||
				(all.slice(0, i).some((m) => unitAfter(text, lang, m.end)) &&
					ELLIPSIS[lang].test(text.slice(n.end, Math.min(s.end, n.end + 30))))
		);
		if (numbers.length === 0) return;
		let statementIndex: number | null = null;
		if (own) statementIndex = own[0];
		else if (
			lastStatement &&
			k - lastStatement.sentence <= 2 &&
			ctx.sentences[lastStatement.sentence].paragraph >= s.paragraph - 1
		) {
			statementIndex = lastStatement.index;
		}
		const triggers: { start: number; end: number; trigger: Trigger }[] = [];
		const sentence = text.slice(s.start, s.end);
		for (const trigger of TRIGGERS[lang]) {
			const re = new RegExp(trigger.re.source, trigger.re.flags);
			let m: RegExpExecArray | null;
			while ((m = re.exec(sentence))) {
				const start = s.start + m.index;
				const end = start + m[0].length;
				if (!triggers.some((x) => x.start < end && start < x.end))
					triggers.push({ start, end, trigger });
			}
		}
		triggers.sort((a, b) => a.start - b.start);
		const used = new Set<number>();
		triggers.forEach((tr, ti) => {
			const prevEnd = ti > 0 ? triggers[ti - 1].end : s.start;
			const nextStart = ti + 1 < triggers.length ? triggers[ti + 1].start : s.end;
			let picked = numbers.filter(
				(n, i) =>
					!used.has(i) && n.start >= prevEnd && n.end <= tr.start && tr.trigger.side !== 'after'
			);
			if (picked.length === 0 && tr.trigger.side !== 'before') {
				const next = numbers.find(
					(n, i) => !used.has(i) && n.start >= tr.end && n.start - tr.end < 40 && n.end <= nextStart
				);
				picked = next ? [next] : [];
			}
			if (picked.length === 0 && tr.trigger.metric === 'equipment_lost') {
				const near = text.slice(Math.max(s.start, tr.start - 40), Math.min(s.end, tr.end + 40));
				const craft = AIRCRAFT.exec(near);
				if (craft) {
					const at = Math.max(s.start, tr.start - 40) + craft.index;
					picked = [{ start: at, end: at, value: 1 }];
					numbers.push(picked[0]);
				}
			}
			for (const n of picked) {
				used.add(numbers.indexOf(n));
				const subject = subjectAfter(text, lang, n.end, n.start > tr.end ? s.end : tr.start);
				let metric = tr.trigger.metric;
				if (metric === 'equipment_lost' && AIRCRAFT.test(subject)) metric = 'aircraft_lost';
				if (
					metric === 'positions_taken' &&
					!/cao điểm|điểm|height|village|position|высот|сел|позиц/iu.test(subject)
				)
					continue;
				const lead = text.slice(Math.max(s.start, n.start - 20), n.start);
				const background =
					BACKGROUND[lang].test(lead) ||
					(n.start > tr.end &&
						BACKGROUND[lang].test(text.slice(Math.max(s.start, tr.start - 2), tr.end)));
				const statement = background ? null : statementIndex;
				const claimant = statement === null ? ctx.fallback : ctx.statements[statement].speaker;
				const start = Math.min(n.start, tr.start);
				const end = Math.max(n.end + subject.length + 1, tr.end);
				const key = `${start}:${metric}`;
				if (seen.has(key)) continue;
				seen.add(key);
				const endClamped = Math.min(end, s.end);
				out.push({
					start,
					end: endClamped,
					metric,
					value: n.value,
					subject: subject || '(unnamed)',
					claimant,
					statement,
					text: text.slice(start, endClamped)
				});
			}
		});
	});
	return out;
}
