import { articleEnd, ingest } from '../../src/lib/ingest/ingest';
import { loadGazetteer } from '../../src/lib/ingest/load_gazetteer';
import { loadCorpus, SHARED_SOURCES } from './ingest_corpus';
import { add, KINDS, score, verbatimShare, type Count, type Kind } from './ingest_score';

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(0)}%`);
const geodata = process.env.GEODATA_DIR || 'geodata';
const gazetteer = loadGazetteer(geodata);
const corpus = loadCorpus(geodata);
if (!corpus.some((a) => a.set === 'seed'))
	console.log(`(seed articles not found in ${SHARED_SOURCES})`);

const zero = (): Record<Kind, Count> =>
	Object.fromEntries(
		KINDS.map((k) => [k, { correct: 0, proposed: 0, found: 0, gold: 0 }])
	) as Record<Kind, Count>;
const totals: Record<string, Record<Kind, Count>> = { seed: zero(), ours: zero() };
let verbatim = { ok: 0, all: 0 };
const found = new Map<string, Set<string>>();

console.log(
	'| article | set | places P/R | dates P/R | claims P/R | statements (right speaker) P/R |'
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const a of corpus) {
	const p = ingest(
		a.text,
		{ lang: a.lang, published: a.published, publisher: a.publisher },
		gazetteer
	);
	const s = score(p, a.gold);
	const v = verbatimShare(a.text, p);
	verbatim = { ok: verbatim.ok + v.ok, all: verbatim.all + v.all };
	for (const k of KINDS) totals[a.set][k] = add(totals[a.set][k], s[k]);
	found.set(a.name, new Set(p.places.map((x) => x.place_id ?? '')));
	const cell = (c: Count) =>
		`${pct(c.correct, c.proposed)} / ${pct(c.found, c.gold)} (${c.correct}/${c.proposed}, ${c.found}/${c.gold})`;
	console.log(`| ${a.name} | ${a.set} | ${KINDS.map((k) => cell(s[k])).join(' | ')} |`);
}
console.log('');
console.log('| set | kind | precision | recall | target |');
console.log('| --- | --- | --- | --- | --- |');
for (const set of ['seed', 'ours']) {
	for (const k of KINDS) {
		const c = totals[set][k];
		const target = k === 'statements' ? 'P ≥ 80%, R ≥ 90%' : k === 'claims' ? 'R ≥ 90%' : '';
		console.log(
			`| ${set} | ${k} | ${pct(c.correct, c.proposed)} (${c.correct}/${c.proposed}) | ${pct(c.found, c.gold)} (${c.found}/${c.gold}) | ${target} |`
		);
	}
}
const required = ['madagiz', 'tartar', 'baku', 'nagorno-karabakh', 'armenia', 'azerbaijan'];
const seedPlaces = new Set(
	corpus.filter((a) => a.set === 'seed').flatMap((a) => [...found.get(a.name)!])
);
console.log('');
console.log(
	`verbatim excerpts: ${pct(verbatim.ok, verbatim.all)} (${verbatim.ok}/${verbatim.all})`
);
console.log(
	`required places in the seeds: ${required.map((id) => `${id} ${seedPlaces.has(id) ? 'found' : 'MISSING'}`).join(', ')}`
);

for (const lang of ['vi', 'en', 'ru'] as const) {
	const bodies = corpus
		.filter((x) => x.lang === lang)
		.map((x) => x.text.slice(0, articleEnd(x.text)));
	if (bodies.length === 0) continue;
	const parts: string[] = [];
	let words = 0;
	while (words < 2000) {
		for (const b of bodies) {
			parts.push(b);
			words += b.split(/\s+/).filter(Boolean).length;
		}
	}
	const long = parts.join('\n');
	const published = corpus.find((x) => x.lang === lang)!.published;
	const times: number[] = [];
	for (let i = 0; i < 21; i++) {
		const t0 = performance.now();
		ingest(long, { lang, published }, gazetteer);
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	console.log(
		`speed (${lang}): a ${words}-word article in ${times[10].toFixed(1)} ms median, ${times[20].toFixed(1)} ms max of 21 runs (target ≤ 200 ms)`
	);
}
const big = 'Ngày 23/11, Bộ Quốc phòng Nga cho biết 1 binh sĩ bị thương gần Madagiz. '.repeat(
	13000
);
const t0 = performance.now();
ingest(big, { lang: 'vi', published: '2020-11-24' }, gazetteer);
console.log(
	`speed: ${(big.length / 1e6).toFixed(1)} M characters in ${(performance.now() - t0).toFixed(0)} ms`
);
