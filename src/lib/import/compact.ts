/**
 * What an import keeps for every row of a file until it ends, kept in typed arrays rather than one
 * JavaScript object (or map entry) per row: at 100,000 rows the objects were most of the import's
 * heap, and on the embedded database (in the same process) that heap counts in its peak memory.
 */
import type { RowResult, RowStatus } from './plan';

/** A typed array twice as long as `array` (at least `least`), holding its values. */
export function grown<T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(
	array: T,
	least: number
): T {
	let length = Math.max(array.length, 16);
	while (length < least) length *= 2;
	if (length === array.length) return array;
	const bigger = new (array.constructor as new (n: number) => T)(length);
	bigger.set(array);
	return bigger;
}

/**
 * Two independent 32-bit hashes of a string (MurmurHash3's mixing over its UTF-16 code units,
 * with two seeds): a 64-bit key for {@link KeyNumbers}.
 */
export function hash64(text: string): [number, number] {
	return [murmur(text, 0x9747b28c), murmur(text, 0x2c1b3c6d)];
}

function murmur(text: string, seed: number): number {
	let h = seed >>> 0;
	for (let i = 0; i < text.length; i++) {
		let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
		k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
		h ^= k;
		h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
	}
	h ^= text.length;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A map from strings to positive whole numbers that keeps a 64-bit hash of each string instead of
 * the string (an open-addressed table of three 32-bit words a slot): some 20 bytes a key, where a
 * `Map` keeps the key itself and an entry (some 70). Two keys with the same 64-bit hash would be
 * taken for one; among the 320,000 keys of a 100,000-row import that happens once in some 10^8
 * imports, and costs no more than a record compared with the wrong digest (written again, or a
 * partial row's source not written).
 */
export class KeyNumbers {
	/** Slot i: hash words `keys[2i]`, `keys[2i + 1]`; value `values[i]` (0: empty). */
	#keys = new Uint32Array(2 * 1024);
	#values = new Uint32Array(1024);
	#size = 0;

	get size(): number {
		return this.#size;
	}

	/** The slot of `[a, b]`: where it is, or the empty slot where it would go. */
	#slot(a: number, b: number): number {
		const mask = this.#values.length - 1;
		let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
		while (this.#values[i] !== 0 && (this.#keys[2 * i] !== a || this.#keys[2 * i + 1] !== b))
			i = (i + 1) & mask;
		return i;
	}

	get(key: string): number | undefined {
		const [a, b] = hash64(key);
		const value = this.#values[this.#slot(a, b)];
		return value === 0 ? undefined : value;
	}

	set(key: string, value: number): void {
		if (!Number.isInteger(value) || value < 1 || value > 0xffffffff)
			throw new RangeError(`KeyNumbers: ${value} is not a whole number from 1 to 2^32 - 1`);
		const [a, b] = hash64(key);
		let i = this.#slot(a, b);
		if (this.#values[i] === 0) {
			if (4 * (this.#size + 1) > 3 * this.#values.length) {
				this.#grow();
				i = this.#slot(a, b);
			}
			this.#size++;
			this.#keys[2 * i] = a;
			this.#keys[2 * i + 1] = b;
		}
		this.#values[i] = value;
	}

	#grow() {
		const keys = this.#keys;
		const values = this.#values;
		this.#keys = new Uint32Array(keys.length * 2);
		this.#values = new Uint32Array(values.length * 2);
		for (let i = 0; i < values.length; i++) {
			if (values[i] === 0) continue;
			const j = this.#slot(keys[2 * i], keys[2 * i + 1]);
			this.#keys[2 * j] = keys[2 * i];
			this.#keys[2 * j + 1] = keys[2 * i + 1];
			this.#values[j] = values[i];
		}
	}
}

const STATUSES: readonly RowStatus[] = ['new', 'updated', 'unchanged'];

/**
 * The {@link RowResult} of each row of an import, in the order they were added: row numbers and
 * statuses in typed arrays, ids (the strings the records hold) in one array, the possible
 * duplicates of all rows in another, rather than an object and a list per row. Reads back as
 * `RowResult`s, made as they are read.
 */
export class RowResults implements Iterable<RowResult> {
	#rows = new Int32Array(1024);
	#statuses = new Uint8Array(1024);
	#ids: string[] = [];
	/** Row i's duplicates are `#duplicates[#ends[i - 1] ?? 0 … #ends[i])`. */
	#ends = new Int32Array(1024);
	#duplicates: string[] = [];
	#length = 0;

	get length(): number {
		return this.#length;
	}

	push(result: RowResult): void {
		const i = this.#length;
		if (!Number.isInteger(result.row) || result.row < 0 || result.row > 0x7fffffff)
			throw new RangeError(
				`RowResults: row ${result.row} is not a whole number from 0 to 2^31 - 1`
			);
		const status = STATUSES.indexOf(result.status);
		if (status < 0) throw new RangeError(`RowResults: status "${result.status}" is not known`);
		if (i === this.#rows.length) {
			this.#rows = grown(this.#rows, i + 1);
			this.#statuses = grown(this.#statuses, i + 1);
			this.#ends = grown(this.#ends, i + 1);
		}
		this.#rows[i] = result.row;
		this.#statuses[i] = status;
		this.#ids.push(result.id);
		for (const id of result.duplicateOf) this.#duplicates.push(id);
		this.#ends[i] = this.#duplicates.length;
		this.#length++;
	}

	*[Symbol.iterator](): Generator<RowResult> {
		for (let i = 0; i < this.#length; i++) {
			const start = i === 0 ? 0 : this.#ends[i - 1];
			yield {
				row: this.#rows[i],
				id: this.#ids[i],
				status: STATUSES[this.#statuses[i]],
				duplicateOf: this.#duplicates.slice(start, this.#ends[i])
			};
		}
	}
}
