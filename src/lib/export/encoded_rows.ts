/**
 * The UTF-8 bytes of one text per dataset row, made once and kept in a single buffer: an export of
 * any selection of rows then only slices it (see {@link selectRows}) instead of serialising and
 * encoding every row again.
 */
export interface EncodedRows {
	bytes: Uint8Array;
	/** Row `i` is `bytes[offsets[i]]` up to `bytes[offsets[i + 1]]`. */
	offsets: Float64Array;
}

/** Encodes `text(0)` … `text(count - 1)` into one buffer. */
export function encodeRows(count: number, text: (row: number) => string): EncodedRows {
	const encoder = new TextEncoder();
	const offsets = new Float64Array(count + 1);
	let bytes = new Uint8Array(1 << 20);
	let at = 0;
	for (let row = 0; row < count; row++) {
		const s = text(row);
		// A UTF-16 code unit never needs more than 3 UTF-8 bytes.
		if (bytes.length - at < s.length * 3) {
			let size = bytes.length * 2;
			while (size - at < s.length * 3) size *= 2;
			const grown = new Uint8Array(size);
			grown.set(bytes.subarray(0, at));
			bytes = grown;
		}
		at += encoder.encodeInto(s, bytes.subarray(at)).written;
		offsets[row + 1] = at;
	}
	return { bytes: bytes.slice(0, at), offsets };
}

/**
 * Views of the bytes of `rows`, in that order, with runs of consecutive rows joined into one view;
 * `trimLast` bytes are cut off the end (e.g. the separator after the last row).
 */
export function selectRows(encoded: EncodedRows, rows: Int32Array, trimLast = 0): Uint8Array[] {
	const { bytes, offsets } = encoded;
	const views: Uint8Array[] = [];
	let i = 0;
	while (i < rows.length) {
		const first = rows[i];
		if (!(first >= 0 && first < offsets.length - 1))
			throw new Error(`Row ${first} is outside the dataset's ${offsets.length - 1} incidents`);
		let last = first;
		while (i + 1 < rows.length && rows[i + 1] === last + 1) {
			last++;
			i++;
		}
		i++;
		const end = offsets[last + 1] - (i === rows.length ? trimLast : 0);
		views.push(bytes.subarray(offsets[first], end));
	}
	return views;
}
