import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../../src/lib/ingest/types';
import { locate, type Gold, type GoldClaim } from './ingest_score';

export interface Article {
	name: string;
	set: 'seed' | 'ours';
	lang: Lang;
	published: string;
	publisher?: string;
	text: string;
	gold: Gold;
}

export const FIXTURES = resolve('tests/fixtures/ingest');
/** The seed articles are read from the shared folder at run time, never copied into the repository. */
export const SHARED_SOURCES = resolve(process.env.SHARED_DIR ?? '../shared', 'sources');

type Rec = Record<string, unknown>;

interface DataStatement {
	id: string;
	source_id: string;
	speaker: { name: string };
	quote: { text: string };
	said_on?: string;
}

/**
 * Gold for a seed article from `geodata/`: the curated statements of its source (the quote found
 * in the text), the claims whose `source_id` is its source, and its statements' dates; places and
 * other dates mentioned come from `seeds.gold.json`.
 */
export function seedGold(
	text: string,
	sourceId: string,
	statements: DataStatement[],
	incidents: { features: { properties: Rec }[] },
	annotated: { places: string[]; dates: { date: string }[] }
): Gold {
	const mine = statements.filter((s) => s.source_id === sourceId);
	const gold: Gold = {
		places: annotated.places,
		dates: [
			...new Set([
				...annotated.dates.map((d) => d.date),
				...mine.flatMap((s) => (s.said_on ? [s.said_on] : []))
			])
		],
		claims: [],
		statements: []
	};
	for (const s of mine) {
		const at = locate(text, s.quote.text);
		if (!at) throw new Error(`${s.id}: its quote is not in the article`);
		gold.statements.push({ speaker: s.speaker.name, ...at });
	}
	for (const f of incidents.features) {
		for (const c of (f.properties.claims as (GoldClaim & { source_id: string })[]) ?? []) {
			if (c.source_id === sourceId)
				gold.claims.push({ metric: c.metric, value: c.value, claimant: c.claimant });
		}
	}
	return gold;
}

export function loadCorpus(geodataDir: string): Article[] {
	const out: Article[] = [];
	const seeds = JSON.parse(readFileSync(join(FIXTURES, 'seeds.gold.json'), 'utf8'));
	const statements = JSON.parse(readFileSync(join(geodataDir, 'statements.json'), 'utf8'));
	const incidents = JSON.parse(readFileSync(join(geodataDir, 'incidents.geojson'), 'utf8'));
	const sources = JSON.parse(readFileSync(join(geodataDir, 'sources.json'), 'utf8')) as Rec[];
	for (const a of seeds.articles) {
		const path = join(SHARED_SOURCES, a.file);
		if (!existsSync(path)) continue;
		const text = readFileSync(path, 'utf8');
		const source = sources.find((s) => s.id === a.source_id);
		out.push({
			name: a.file,
			set: 'seed',
			lang: a.lang,
			published: a.published,
			publisher: typeof source?.publisher === 'string' ? source.publisher : undefined,
			text,
			gold: seedGold(text, a.source_id, statements, incidents, a)
		});
	}
	for (const file of readdirSync(FIXTURES)
		.filter((f) => f.endsWith('.ours.txt'))
		.sort()) {
		const text = readFileSync(join(FIXTURES, file), 'utf8');
		const g = JSON.parse(
			readFileSync(join(FIXTURES, file.replace(/\.ours\.txt$/, '.gold.json')), 'utf8')
		);
		const statementsGold = g.statements.map((s: { speaker: string; excerpt: string }) => {
			const at = locate(text, s.excerpt);
			if (!at)
				throw new Error(`${file}: gold excerpt not in the article: ${s.excerpt.slice(0, 60)}`);
			return { speaker: s.speaker, ...at };
		});
		out.push({
			name: file,
			set: 'ours',
			lang: g.lang,
			published: g.published,
			text,
			gold: {
				places: g.places,
				dates: g.dates.map((d: { date: string }) => d.date),
				claims: g.claims,
				statements: statementsGold
			}
		});
	}
	return out;
}
