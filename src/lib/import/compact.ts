/**
 * What an import keeps for every row of a file until it ends, kept in typed arrays rather than one
 * JavaScript object (or map entry) per row: at 100,000 rows the objects were most of the import's
 * heap, and on the embedded database (in the same process) that heap counts in its peak memory.
 */
import { hash } from 'node:crypto';
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
 * The first 128 bits of a string's SHA-256, as four 32-bit words: the key {@link KeyNumbers}
 * keeps. A cryptographic hash, so that no file, however made, can give two keys one hash (a
 * 128-bit collision is beyond reach; a fast non-cryptographic hash can be collided on purpose).
 */
export function hash128(text: string): [number, number, number, number] {
	// crypto.hash: one call, no Hash object (twice as fast as createHash for short keys).
	const bytes = hash('sha256', text, 'buffer');
	return [
		bytes.readUInt32LE(0),
		bytes.readUInt32LE(4),
		bytes.readUInt32LE(8),
		bytes.readUInt32LE(12)
	];
}

/**
 * A map from strings to positive whole numbers that keeps a 128-bit hash of each string
 * ({@link hash128}) instead of the string (an open-addressed table of five 32-bit words a slot):
 * some 27 bytes a key, where a `Map` keeps the key itself and an entry (some 70). Two keys are
 * taken for one only if their SHA-256 agree on 128 bits, which neither chance (some 10^-28 for
 * the 320,000 keys of a 100,000-row import) nor a crafted file brings about.
 */
export class KeyNumbers {
	/** Slot i: hash words `keys[4i … 4i + 3]`; value `values[i]` (0: empty). */
	#keys = new Uint32Array(4 * 1024);
	#values = new Uint32Array(1024);
	#size = 0;

	get size(): number {
		return this.#size;
	}

	/** The slot of hash `h`: where it is, or the empty slot where it would go. */
	#slot(h: readonly number[]): number {
		const mask = this.#values.length - 1;
		const keys = this.#keys;
		let i = h[0] & mask;
		while (
			this.#values[i] !== 0 &&
			(keys[4 * i] !== h[0] ||
				keys[4 * i + 1] !== h[1] ||
				keys[4 * i + 2] !== h[2] ||
				keys[4 * i + 3] !== h[3])
		)
			i = (i + 1) & mask;
		return i;
	}

	get(key: string): number | undefined {
		const value = this.#values[this.#slot(hash128(key))];
		return value === 0 ? undefined : value;
	}

	set(key: string, value: number): void {
		if (!Number.isInteger(value) || value < 1 || value > 0xffffffff)
			throw new RangeError(`KeyNumbers: ${value} is not a whole number from 1 to 2^32 - 1`);
		const h = hash128(key);
		let i = this.#slot(h);
		if (this.#values[i] === 0) {
			if (4 * (this.#size + 1) > 3 * this.#values.length) {
				this.#grow();
				i = this.#slot(h);
			}
			this.#size++;
			this.#keys.set(h, 4 * i);
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
			const h = keys.subarray(4 * i, 4 * i + 4);
			const j = this.#slot(h as unknown as number[]);
			this.#keys.set(h, 4 * j);
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
