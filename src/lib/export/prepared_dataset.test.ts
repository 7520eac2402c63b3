import { describe, expect, it } from 'vitest';
import { PreparedDataset, type RowsRequest } from './prepared_dataset';
import { datasetCheck } from './rows';
import { serialiseExport, type ExportFormat } from './serialise';
import { fixtureContext, fixtureDataset, meta } from './test_fixtures';

const dataset = fixtureDataset();
const all = dataset.incidents.features; // line of contact, Mi-24, Madagiz mine

function request(format: ExportFormat, rows: number[], extra: Partial<RowsRequest> = {}) {
	const r = Int32Array.from(rows);
	return {
		format,
		rows: r,
		check: datasetCheck(all, meta, r),
		filter: { from: '2016-04-01' },
		generatedAt: '2024-05-01T12:00:00.000Z',
		...extra
	};
}

async function text(parts: (string | Uint8Array)[]) {
	return new Blob(parts as BlobPart[]).text();
}

describe('PreparedDataset.exportRows', () => {
	const prepared = new PreparedDataset(dataset);
	const selections = [[0, 1, 2], [2, 0], [1, 2], [2], [0, 2, 1], []];

	for (const format of ['geojson', 'incidents-csv', 'statements-csv', 'kml'] as const) {
		it(`makes the same ${format} file as the page would, for any rows in any order`, async () => {
			for (const rows of selections) {
				const out = prepared.exportRows(request(format, rows));
				const page = serialiseExport({
					format,
					features: rows.map((i) => all[i]),
					ctx: fixtureContext({ from: '2016-04-01' })
				});
				// Blob.text() drops a leading BOM; compare bytes.
				const bytes = new Uint8Array(await new Blob(out.parts as BlobPart[]).arrayBuffer());
				expect(bytes).toEqual(new TextEncoder().encode(page.text));
				expect([out.type, out.fileName]).toEqual([page.type, page.fileName]);
			}
		});
	}

	it('writes its dataset version into every format, as the page would', async () => {
		const versioned = new PreparedDataset({ ...dataset, revision: 12 });
		for (const format of ['geojson', 'incidents-csv', 'statements-csv', 'kml'] as const) {
			const out = versioned.exportRows(
				request(format, [0, 2], { check: datasetCheck(all, meta, Int32Array.of(0, 2), 12) })
			);
			const page = serialiseExport({
				format,
				features: [all[0], all[2]],
				ctx: { ...fixtureContext({ from: '2016-04-01' }), revision: 12 }
			});
			const bytes = new Uint8Array(await new Blob(out.parts as BlobPart[]).arrayBuffer());
			expect(bytes).toEqual(new TextEncoder().encode(page.text));
			expect(page.text).toMatch(/"dataset_version":12|,12\n|Dataset version 12\./);
		}
		expect(() => versioned.exportRows(request('geojson', [0]))).toThrow(
			/dataset version: page undefined, worker 12/
		);
	});

	it('records the selection and names the file after `what`', async () => {
		const out = prepared.exportRows(
			request('geojson', [2], { selection: 'incident 2020-11-23-madagiz-mine', what: 'x' })
		);
		expect(JSON.parse(await text(out.parts)).metadata.selection).toBe(
			'incident 2020-11-23-madagiz-mine'
		);
		expect(out.fileName).toBe('incident-atlas_from-2016-04-01_x.geojson');
	});

	it('refuses rows checked against another dataset, and rows outside it', () => {
		const other = request('geojson', [1]);
		other.check = { ...other.check, count: 4 };
		expect(() => prepared.exportRows(other)).toThrow(/incident count: page 4, worker 3/);
		const outside = request('geojson', [0]);
		outside.rows = Int32Array.of(0, 3);
		expect(() => prepared.exportRows(outside)).toThrow(
			"Row 3 is outside the dataset's 3 incidents"
		);
	});
});
