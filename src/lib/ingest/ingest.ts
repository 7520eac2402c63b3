import { findClaims } from './claims';
import { findDates } from './dates';
import type { Gazetteer } from './gazetteer';
import { draftIncidents } from './incidents';
import { findPlaces } from './places';
import { splitSentences } from './sentences';
import { findStatements } from './statements';
import { tokenize } from './tokens';
import type { Lang, Proposals } from './types';

export const LANGS: readonly Lang[] = ['vi', 'en', 'ru'];
/** Longer texts are refused: no news article comes near this, and it bounds time and memory. */
export const MAX_TEXT_LENGTH = 1_000_000;

export interface IngestOptions {
	lang: Lang;
	/** Publication date, `YYYY-MM-DD`: relative dates ("yesterday", "on Monday") count from it. */
	published: string;
	publisher?: string;
	url?: string;
}

export class IngestError extends Error {}

/**
 * A line that opens a news site's related-links block ("Tin bài liên quan", "Read more",
 * "Читайте также"): what follows is navigation, not the article.
 */
const NAVIGATION =
	/^[ \t]*(?:Tin bài liên quan|Tin liên quan|Các tin bài khác|Đọc nhiều|Related articles|Related stories|Related news|Read more|More stories|Читайте также|Похожие новости|Другие новости)[ \t]*:?[ \t]*$/imu;

/** Where the article ends: before its site's navigation, if a related-links heading is found. */
export function articleEnd(text: string): number {
	const m = NAVIGATION.exec(text);
	return m ? m.index : text.length;
}

const WIRES =
	/(?<![\p{L}])(AFP|Reuters|AP|TASS|ТАСС|Interfax|Интерфакс|RIA Novosti|РИА Новости|Sputnik|TTXVN|Anadolu)(?![\p{L}])/u;
/** Control characters other than tab and line breaks, and U+FFFD (what undecodable bytes become). */
function countBinary(sample: string): number {
	let n = 0;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) n++;
	}
	return n;
}

/** Refuses what is not text (NUL and other control bytes, undecodable bytes). */
export function checkText(text: string): void {
	if (text.length > MAX_TEXT_LENGTH) {
		throw new IngestError(
			`text is ${text.length} characters long; the limit is ${MAX_TEXT_LENGTH} (a news article is far shorter)`
		);
	}
	const sample = text.slice(0, 100_000);
	const bad = countBinary(sample);
	if (bad > 0 && bad > sample.length / 100) {
		throw new IngestError(
			`text looks binary: ${bad} control or undecodable characters in its first ${sample.length}`
		);
	}
}

export function checkOptions(options: IngestOptions): void {
	if (!LANGS.includes(options.lang)) {
		throw new IngestError(
			`lang must be one of ${LANGS.join(', ')}, not ${JSON.stringify(options.lang)}`
		);
	}
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.published);
	const t = d ? new Date(`${options.published}T00:00:00Z`) : null;
	if (!t || Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== options.published) {
		throw new IngestError(
			`published must be a date YYYY-MM-DD, not ${JSON.stringify(options.published)}`
		);
	}
}

/**
 * Text → proposals, each with the range of its evidence (`text.slice(start, end)`). Pure: the
 * gazetteer is built by the caller. Throws `IngestError` on bad options or text that is not text.
 */
export function ingest(text: string, options: IngestOptions, gazetteer: Gazetteer): Proposals {
	checkOptions(options);
	checkText(text);
	text = text.slice(0, articleEnd(text));
	const tokens = tokenize(text);
	const sentences = splitSentences(text);
	const places = findPlaces(text, tokens, gazetteer);
	const dates = findDates(text, options.lang, options.published);
	const { statements, bySentence } = findStatements(
		text,
		options.lang,
		sentences,
		tokens,
		gazetteer
	);
	const wire = WIRES.exec(text);
	const fallback = wire ? wire[1] : options.publisher || 'the publisher';
	const claims = findClaims(text, options.lang, {
		sentences,
		statements,
		bySentence,
		fallback,
		dates
	});
	const incidents = draftIncidents(
		text,
		sentences,
		places,
		dates,
		claims,
		statements,
		gazetteer.incidents
	);
	return { places, dates, claims, statements, incidents };
}
