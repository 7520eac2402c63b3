/**
 * Each feature's JSON, serialised on first use and kept as UTF-8 bytes for the life of the
 * server (the dataset does not change): a page of items is then a copy of stored bytes, not a
 * fresh `JSON.stringify` and UTF-8 encoding per request. Serialising every feature up front
 * would add seconds to the start of a large dataset, so it happens as pages are first asked for.
 * Bytes are appended to chunks of a few MiB, features separated by commas, so features stored
 * one after another (as a first page stores them) are served as one slice.
 */
export interface FeatureStore {
	count: number;
	make: (i: number) => string;
	chunkBytes: number;
	chunks: Buffer[];
	/** Bytes used in the last chunk. */
	used: number;
	/** Per feature: 1 + its chunk (0 = not serialised yet), and its byte range there. */
	chunkOf: Uint32Array;
	starts: Uint32Array;
	ends: Uint32Array;
}

const CHUNK_BYTES = 4 * 1024 * 1024;
const COMMA = Buffer.from(',');

export function createFeatureStore(
	count: number,
	make: (i: number) => string,
	chunkBytes = CHUNK_BYTES
): FeatureStore {
	return {
		count,
		make,
		chunkBytes,
		chunks: [],
		used: 0,
		chunkOf: new Uint32Array(count),
		starts: new Uint32Array(count),
		ends: new Uint32Array(count)
	};
}

function store(s: FeatureStore, i: number): void {
	if (s.chunkOf[i] !== 0) return;
	const json = s.make(i);
	const bytes = Buffer.byteLength(json);
	let chunk = s.chunks[s.chunks.length - 1];
	if (!chunk || s.used + 1 + bytes > chunk.length) {
		chunk = Buffer.allocUnsafe(Math.max(s.chunkBytes, bytes));
		s.chunks.push(chunk);
		s.used = 0;
	} else {
		chunk[s.used++] = 0x2c; // ','
	}
	s.chunkOf[i] = s.chunks.length;
	s.starts[i] = s.used;
	s.used += chunk.write(json, s.used);
	s.ends[i] = s.used;
}

export function featureText(s: FeatureStore, i: number): string {
	store(s, i);
	return s.chunks[s.chunkOf[i] - 1].toString('utf8', s.starts[i], s.ends[i]);
}

/**
 * The features at `indices` as the bytes of a JSON array's contents (`{…},{…}`), as slices to
 * concatenate: features that lie one after another in a chunk are one slice.
 */
export function featureSlices(s: FeatureStore, indices: ArrayLike<number>): Buffer[] {
	for (let k = 0; k < indices.length; k++) store(s, indices[k]);
	const parts: Buffer[] = [];
	let k = 0;
	while (k < indices.length) {
		const first = indices[k];
		let last = first;
		while (
			k + 1 < indices.length &&
			s.chunkOf[indices[k + 1]] === s.chunkOf[first] &&
			s.starts[indices[k + 1]] === s.ends[last] + 1
		) {
			last = indices[++k];
		}
		if (parts.length > 0) parts.push(COMMA);
		parts.push(s.chunks[s.chunkOf[first] - 1].subarray(s.starts[first], s.ends[last]));
		k++;
	}
	return parts;
}
