import { describe, expect, it } from 'vitest';
import type { IncidentQuery } from '$lib/atlas/query';
import { mulberry32 } from '../../../../scripts/synthetic/prng';
import type { ItemsQuery } from './params';
import { selectItems, type Selectable } from './select';
import { buildGridIndex } from './spatial_index';
import { buildTemporalIndex } from './temporal_index';

const DAY = 86_400_000;

function collection(count: number, seed: number): Selectable {
	const next = mulberry32(seed);
	const bboxes = new Float64Array(count * 4);
	const starts = new Float64Array(count);
	const ends = new Float64Array(count);
	for (let i = 0; i < count; i++) {
		const x = 44.5 + next() * 3;
		const y = 38.8 + next() * 2.5;
		const span = next() < 0.1 ? next() * 0.3 : 0;
		bboxes.set(next() < 0.02 ? [NaN, NaN, NaN, NaN] : [x, y, x + span, y + span], i * 4);
		const day = Math.floor(next() * 1000);
		starts[i] = day * DAY;
		ends[i] = (day + (next() < 0.2 ? 3 : 0)) * DAY + DAY - 1;
	}
	return {
		count,
		bboxes,
		starts,
		ends,
		grid: buildGridIndex(bboxes, 16),
		temporal: buildTemporalIndex(starts, ends),
		// Stands in for type/actor/q: every third feature.
		matches: (i: number, filter: IncidentQuery) => (filter.q ? i % 3 === 0 : true)
	};
}

/** The definition: test every feature in order. */
function naive(c: Selectable, q: ItemsQuery) {
	const all: number[] = [];
	for (let i = 0; i < c.count; i++) {
		const j = i * 4;
		const b = c.bboxes;
		if (
			q.bbox &&
			!(
				b[j] <= q.bbox[2] &&
				q.bbox[0] <= b[j + 2] &&
				b[j + 1] <= q.bbox[3] &&
				q.bbox[1] <= b[j + 3]
			)
		)
			continue;
		if (q.interval && !(c.starts[i] <= q.interval[1] && c.ends[i] >= q.interval[0])) continue;
		if (q.filter && !c.matches!(i, q.filter)) continue;
		all.push(i);
	}
	return { matched: all.length, page: all.slice(q.offset, q.offset + q.limit) };
}

describe('selectItems', () => {
	const c = collection(4_000, 9);
	const next = mulberry32(13);

	const bboxes: ([number, number, number, number] | undefined)[] = [
		undefined,
		[44, 38, 48, 42], // everything
		[46.5, 39.5, 47.2, 40.5], // a large share
		[46, 40, 46.1, 40.1], // a few
		[10, 10, 11, 11] // none
	];
	const intervals: ([number, number] | undefined)[] = [
		undefined,
		[-Infinity, Infinity],
		[100 * DAY, Infinity],
		[-Infinity, 800 * DAY],
		[500 * DAY, 500 * DAY], // one day
		[300 * DAY, 340 * DAY],
		[5000 * DAY, Infinity] // none
	];
	const filters: (IncidentQuery | undefined)[] = [undefined, { q: 'x' }];

	it('matches a scan of every feature for every mix of bbox, datetime, filter and page', () => {
		let cases = 0;
		for (const bbox of bboxes) {
			for (const interval of intervals) {
				for (const filter of filters) {
					for (const [offset, limit] of [
						[0, 10],
						[0, 1000],
						[Math.floor(next() * 200), 1 + Math.floor(next() * 50)],
						[3990, 100],
						[100_000, 10] // beyond the end
					]) {
						const q: ItemsQuery = { offset, limit };
						if (bbox) q.bbox = bbox;
						if (interval) q.interval = interval;
						if (filter) q.filter = filter;
						expect(selectItems(c, q), JSON.stringify(q)).toEqual(naive(c, q));
						cases++;
					}
				}
			}
		}
		expect(cases).toBe(5 * 7 * 2 * 5);
	});
});
