import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../scripts/bench/ingest_corpus';
import { verbatimShare } from '../../../scripts/bench/ingest_score';
import { ingest } from './ingest';
import { loadGazetteer } from './load_gazetteer';

const gazetteer = loadGazetteer('geodata');
const corpus = loadCorpus('geodata');

describe('every proposed excerpt is verbatim', () => {
	it('has our own articles, and the seed articles where ../shared is present', () => {
		expect(corpus.filter((a) => a.set === 'ours').length).toBeGreaterThanOrEqual(2);
	});

	for (const a of corpus) {
		it(a.name, () => {
			const p = ingest(a.text, { lang: a.lang, published: a.published }, gazetteer);
			expect(p.statements.length).toBeGreaterThan(0);
			const v = verbatimShare(a.text, p);
			expect(v.ok).toBe(v.all);
			for (const s of p.statements) expect(a.text.slice(s.start, s.end)).toBe(s.text);
			for (const i of p.incidents) {
				for (const c of i.claims) expect(p.claims[c]).toBeDefined();
				for (const s of i.statements) expect(p.statements[s]).toBeDefined();
			}
		});
	}
});
