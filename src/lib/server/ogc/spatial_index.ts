/**
 * A uniform grid over the features' bounding boxes, so a `bbox` query visits the cells it
 * touches instead of every feature. A feature whose box lies in one cell is filed under that cell;
 * those spanning several cells go to a coarser grid (a quarter as many cells a side), down to a
 * single cell that holds whatever is left. Each cell also keeps
 * the tight box of its members: a cell whose members' box lies inside the query counts whole,
 * without a test per feature, and one whose members' box misses the query is skipped.
 */
export interface GridIndex {
	cols: number;
	rows: number;
	minX: number;
	minY: number;
	cellW: number;
	cellH: number;
	/** Members of cell c are `items[cellStart[c] .. cellStart[c + 1])`, ascending. */
	cellStart: Uint32Array;
	items: Uint32Array;
	/** minX, minY, maxX, maxY of each cell's members. */
	cellBox: Float64Array;
	/** The features spanning more than one cell, in a coarser grid. */
	coarser: GridIndex | null;
	/** minLon, minLat, maxLon, maxLat per feature; NaN for no geometry. */
	bboxes: Float64Array;
}

type Box = [number, number, number, number];

/** Whether feature i's box intersects the query (edges touching count); never for NaN. */
export function intersects(bboxes: Float64Array, i: number, q: Box): boolean {
	const j = i * 4;
	return (
		bboxes[j] <= q[2] && q[0] <= bboxes[j + 2] && bboxes[j + 1] <= q[3] && q[1] <= bboxes[j + 3]
	);
}

/** A grid of `size` × `size` cells over the features in `members` (default: all), ascending. */
export function buildGridIndex(
	bboxes: Float64Array,
	size = 64,
	members: ArrayLike<number> | null = null
): GridIndex {
	const count = members ? members.length : bboxes.length / 4;
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (let m = 0; m < count; m++) {
		const j = (members ? members[m] : m) * 4;
		if (Number.isNaN(bboxes[j])) continue;
		minX = Math.min(minX, bboxes[j]);
		minY = Math.min(minY, bboxes[j + 1]);
		maxX = Math.max(maxX, bboxes[j + 2]);
		maxY = Math.max(maxY, bboxes[j + 3]);
	}
	const empty = minX > maxX;
	const cols = empty ? 1 : size;
	const rows = empty ? 1 : size;
	const cellW = empty ? 1 : (maxX - minX) / cols || 1;
	const cellH = empty ? 1 : (maxY - minY) / rows || 1;
	const col = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - minX) / cellW)));
	const row = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - minY) / cellH)));
	const cellOf = new Int32Array(count).fill(-1);
	const perCell = new Uint32Array(cols * rows + 1);
	const spanning: number[] = [];
	for (let m = 0; m < count; m++) {
		const i = members ? members[m] : m;
		const j = i * 4;
		if (Number.isNaN(bboxes[j])) continue;
		const c0 = col(bboxes[j]);
		const r0 = row(bboxes[j + 1]);
		if (c0 !== col(bboxes[j + 2]) || r0 !== row(bboxes[j + 3])) {
			spanning.push(i);
			continue;
		}
		cellOf[m] = r0 * cols + c0;
		perCell[cellOf[m] + 1]++;
	}
	const cellStart = new Uint32Array(cols * rows + 1);
	for (let c = 0; c < cols * rows; c++) cellStart[c + 1] = cellStart[c] + perCell[c + 1];
	const items = new Uint32Array(cellStart[cols * rows]);
	const fill = cellStart.slice(0, -1);
	const cellBox = new Float64Array(cols * rows * 4);
	for (let c = 0; c < cols * rows; c++)
		cellBox.set([Infinity, Infinity, -Infinity, -Infinity], c * 4);
	for (let m = 0; m < count; m++) {
		const c = cellOf[m];
		if (c < 0) continue;
		const i = members ? members[m] : m;
		items[fill[c]++] = i;
		const j = i * 4;
		const k = c * 4;
		cellBox[k] = Math.min(cellBox[k], bboxes[j]);
		cellBox[k + 1] = Math.min(cellBox[k + 1], bboxes[j + 1]);
		cellBox[k + 2] = Math.max(cellBox[k + 2], bboxes[j + 2]);
		cellBox[k + 3] = Math.max(cellBox[k + 3], bboxes[j + 3]);
	}
	return {
		cols,
		rows,
		minX: empty ? 0 : minX,
		minY: empty ? 0 : minY,
		cellW,
		cellH,
		cellStart,
		items,
		cellBox,
		coarser:
			spanning.length === 0
				? null
				: buildGridIndex(bboxes, Math.max(1, Math.floor(size / 4)), spanning),
		bboxes
	};
}

/** Visits each non-empty cell the query can touch: whole (every member matches) or partial. */
function forEachCell(g: GridIndex, q: Box, visit: (c: number, whole: boolean) => void): void {
	const clampCol = (x: number) =>
		Math.min(g.cols - 1, Math.max(0, Math.floor((x - g.minX) / g.cellW)));
	const clampRow = (y: number) =>
		Math.min(g.rows - 1, Math.max(0, Math.floor((y - g.minY) / g.cellH)));
	// One cell of slack on each side: the tight boxes, not the grid lines, decide.
	const c0 = Math.max(0, clampCol(q[0]) - 1);
	const c1 = Math.min(g.cols - 1, clampCol(q[2]) + 1);
	const r0 = Math.max(0, clampRow(q[1]) - 1);
	const r1 = Math.min(g.rows - 1, clampRow(q[3]) + 1);
	for (let r = r0; r <= r1; r++) {
		for (let c = c0; c <= c1; c++) {
			const cell = r * g.cols + c;
			if (g.cellStart[cell] === g.cellStart[cell + 1]) continue;
			const k = cell * 4;
			const b = g.cellBox;
			if (!(b[k] <= q[2] && q[0] <= b[k + 2] && b[k + 1] <= q[3] && q[1] <= b[k + 3])) continue;
			const whole = q[0] <= b[k] && b[k + 2] <= q[2] && q[1] <= b[k + 1] && b[k + 3] <= q[3];
			visit(cell, whole);
		}
	}
}

/** An upper bound on the matches, from the cells touched: the work `intersecting` would do. */
export function candidateCount(g: GridIndex, q: Box): number {
	let n = g.coarser ? candidateCount(g.coarser, q) : 0;
	forEachCell(g, q, (c) => (n += g.cellStart[c + 1] - g.cellStart[c]));
	return n;
}

/** How many features intersect the query: whole cells by their size, the rest one by one. */
export function countIntersecting(g: GridIndex, q: Box): number {
	let n = g.coarser ? countIntersecting(g.coarser, q) : 0;
	forEachCell(g, q, (c, whole) => {
		if (whole) {
			n += g.cellStart[c + 1] - g.cellStart[c];
			return;
		}
		for (let k = g.cellStart[c]; k < g.cellStart[c + 1]; k++) {
			if (intersects(g.bboxes, g.items[k], q)) n++;
		}
	});
	return n;
}

/** The indices of the features intersecting the query, ascending. */
export function intersecting(g: GridIndex, q: Box): Uint32Array {
	const out = new Uint32Array(candidateCount(g, q));
	let n = 0;
	for (let g2 = g.coarser; g2; g2 = g2.coarser) {
		visitMatches(g2, q, (i) => (out[n++] = i));
	}
	visitMatches(g, q, (i) => (out[n++] = i));
	return out.subarray(0, n).sort();
}

/** Visits the members of this level's cells that intersect the query. */
function visitMatches(g: GridIndex, q: Box, visit: (i: number) => void): void {
	forEachCell(g, q, (c, whole) => {
		for (let k = g.cellStart[c]; k < g.cellStart[c + 1]; k++) {
			if (whole || intersects(g.bboxes, g.items[k], q)) visit(g.items[k]);
		}
	});
}
