import { overlaps, type IncidentQuery } from '$lib/atlas/query';
import type { ItemsQuery } from './params';
import {
	candidateCount,
	countIntersecting,
	intersecting,
	intersects,
	type GridIndex
} from './spatial_index';
import {
	candidateRange,
	countOverlapping,
	overlapping,
	type TemporalIndex
} from './temporal_index';

/** What `selectItems` needs of a collection. */
export interface Selectable {
	count: number;
	/** minLon, minLat, maxLon, maxLat per feature; NaN for a null geometry. */
	bboxes: Float64Array;
	starts: Float64Array;
	ends: Float64Array;
	grid: GridIndex;
	temporal: TemporalIndex;
	matches?: (i: number, filter: IncidentQuery) => boolean;
}

export interface Selection {
	/** numberMatched: every feature matching the query. */
	matched: number;
	/** The indices of the page's features, ascending. */
	page: number[];
}

/** Below this share of the collection, an index's candidate list is sorted and tested. */
const CANDIDATE_SHARE = 0.25;
/** Listing, sorting and testing a candidate costs about as much as testing this many features. */
const SORT_COST = 8;

function test(c: Selectable, q: ItemsQuery, i: number): boolean {
	if (q.bbox && !intersects(c.bboxes, i, q.bbox)) return false;
	if (q.interval && !overlaps(c.starts[i], c.ends[i], q.interval[0], q.interval[1])) return false;
	if (q.filter && !c.matches?.(i, q.filter)) return false;
	return true;
}

/** Tests `indices` in order, counting every match and keeping those on the page. */
function scan(c: Selectable, q: ItemsQuery, indices: ArrayLike<number> | null): Selection {
	const end = q.offset + q.limit;
	const page: number[] = [];
	let matched = 0;
	const n = indices ? indices.length : c.count;
	for (let k = 0; k < n; k++) {
		const i = indices ? indices[k] : k;
		if (!test(c, q, i)) continue;
		if (matched >= q.offset && matched < end) page.push(i);
		matched++;
	}
	return { matched, page };
}

/** The page by testing features in order until it is full; `matched` is known from an index. */
function firstPage(c: Selectable, q: ItemsQuery, matched: number): Selection {
	const end = Math.min(q.offset + q.limit, matched);
	const page: number[] = [];
	if (q.offset >= end) return { matched, page };
	let seen = 0;
	for (let i = 0; i < c.count && seen < end; i++) {
		if (!test(c, q, i)) continue;
		if (seen >= q.offset) page.push(i);
		seen++;
	}
	return { matched, page };
}

/**
 * The features matching an items query, in collection order: `numberMatched` and the page at
 * `offset`/`limit`. A lone `bbox` or `datetime` is counted from its index (the grid, the sorted
 * spans), and its page found by testing features in order until it is full, or from the sorted
 * candidates when few match. Combined parameters test the candidates of the narrower index when
 * they are a small share of the collection, and otherwise every feature, as does a text filter
 * (`type`, `actor`, `q`) alone.
 */
export function selectItems(c: Selectable, q: ItemsQuery): Selection {
	if (q.interval && q.interval[0] > q.interval[1]) return { matched: 0, page: [] };
	if (!q.bbox && !q.interval && !q.filter) {
		const page: number[] = [];
		for (let i = q.offset; i < Math.min(q.offset + q.limit, c.count); i++) page.push(i);
		return { matched: c.count, page };
	}
	const spatial = q.bbox ? candidateCount(c.grid, q.bbox) : Infinity;
	let temporal = Infinity;
	if (q.interval) {
		const [lo, hi] = candidateRange(c.temporal, q.interval[0], q.interval[1]);
		temporal = hi - lo;
	}
	const fewest = Math.min(spatial, temporal);
	const candidates = () =>
		spatial <= temporal
			? intersecting(c.grid, q.bbox!)
			: overlapping(c.temporal, q.interval![0], q.interval![1]);
	if (!q.filter && (!q.bbox || !q.interval)) {
		// One narrowing parameter alone: its index counts the matches exactly; the page then comes
		// from testing features in order (about (offset + limit) / share-matching of them) unless
		// sorting the candidates is cheaper, as when few features match.
		const matched = q.bbox
			? countIntersecting(c.grid, q.bbox)
			: countOverlapping(c.temporal, q.interval![0], q.interval![1]);
		const wanted = Math.min(q.offset + q.limit, matched);
		const inOrder = matched === 0 ? 0 : Math.min(c.count, (wanted * c.count) / matched);
		if (inOrder <= fewest * SORT_COST) return firstPage(c, q, matched);
		return scan(c, q, candidates());
	}
	if (fewest <= c.count * CANDIDATE_SHARE) return scan(c, q, candidates());
	return scan(c, q, null);
}
