import { describe, expect, it, vi } from 'vitest';
import { createExporter } from './export_client';
import type { RowsRequest, WorkerReply, WorkerRequest } from './export_worker';
import { datasetCheck, rowIndices } from './rows';
import type { ExportRequest } from './serialise';
import { fixtureContext, fixtureDataset, madagizMine, mi24 } from './test_fixtures';

type Job = Exclude<WorkerRequest, { kind: 'load' }>;

/** A stand-in for the module worker: answers each message like export_worker.ts would. */
class FakeWorker {
	onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	received: Job[] = [];
	loads: string[] = [];
	terminated = false;
	constructor(private answer: (m: Job) => WorkerReply | null) {}
	transfers: Transferable[][] = [];
	postMessage(message: WorkerRequest, transfer: Transferable[] = []) {
		// Throws DataCloneError for uncloneable input and detaches transferred buffers, as postMessage does.
		const copy = structuredClone(message, { transfer });
		if (copy.kind === 'load') {
			this.loads.push(copy.url);
			return;
		}
		this.received.push(copy);
		this.transfers.push(transfer);
		const reply = this.answer(copy);
		if (reply) queueMicrotask(() => this.onmessage?.({ data: reply } as MessageEvent<WorkerReply>));
	}
	terminate() {
		this.terminated = true;
	}
}

const request: ExportRequest = {
	format: 'geojson',
	features: [madagizMine],
	ctx: fixtureContext()
};
const blob = (text: string, type = 'text/plain') => new Blob([text], { type });

describe('createExporter', () => {
	it('sends the request to the worker and turns its reply into a named Blob', async () => {
		const worker = new FakeWorker((m) => ({
			id: m.id,
			ok: true,
			blob: blob('{"type":"FeatureCollection"}', 'application/geo+json'),
			fileName: 'incident-atlas_all.geojson'
		}));
		const exporter = createExporter({ createWorker: () => worker as unknown as Worker });
		const file = await exporter.run(request);
		const sent = worker.received[0];
		expect(sent.kind === 'features' && sent.request.format).toBe('geojson');
		expect(file.fileName).toBe('incident-atlas_all.geojson');
		expect(file.blob.type).toBe('application/geo+json');
		expect(await file.blob.text()).toBe('{"type":"FeatureCollection"}');
		exporter.destroy();
		expect(worker.terminated).toBe(true);
	});

	it('reuses one worker and matches replies to requests by id', async () => {
		const make = vi.fn(
			() =>
				new FakeWorker((m) => ({
					id: m.id,
					ok: true,
					blob: blob(String(m.id)),
					fileName: `f${m.id}`
				})) as unknown as Worker
		);
		const exporter = createExporter({ createWorker: make });
		const [a, b] = await Promise.all([exporter.run(request), exporter.run(request)]);
		expect(make).toHaveBeenCalledTimes(1);
		expect([a.fileName, b.fileName]).toEqual(['f1', 'f2']);
	});

	it('rejects with the worker’s error message', async () => {
		const worker = new FakeWorker((m) => ({
			id: m.id,
			ok: false,
			error: 'Unknown export format "x"'
		}));
		const exporter = createExporter({ createWorker: () => worker as unknown as Worker });
		await expect(exporter.run(request)).rejects.toThrow('Unknown export format "x"');
	});

	it('posts a snapshot when the request cannot be cloned (e.g. Svelte state proxies)', async () => {
		const worker = new FakeWorker((m) => ({
			id: m.id,
			ok: true,
			blob: blob('x'),
			fileName: 'x'
		}));
		const uncloneable = {
			...request,
			ctx: { ...request.ctx, meta: { ...request.ctx.meta, f: () => 1 } }
		};
		const snapshot = vi.fn(() => request);
		const exporter = createExporter({ createWorker: () => worker as unknown as Worker, snapshot });
		await exporter.run(uncloneable as unknown as ExportRequest);
		expect(snapshot).toHaveBeenCalledOnce();
		expect(worker.received).toHaveLength(1);
	});

	it('serialises on the main thread when no worker can be made', async () => {
		const exporter = createExporter({
			createWorker: () => {
				throw new Error('Worker is not defined');
			}
		});
		const file = await exporter.run({ ...request, format: 'incidents-csv' });
		expect(file.fileName).toBe('incident-atlas_all.csv');
		expect((await file.blob.text()).startsWith('event_id,')).toBe(true); // Blob.text() drops the BOM
		expect(new Uint8Array(await file.blob.arrayBuffer()).slice(0, 3)).toEqual(
			new Uint8Array([0xef, 0xbb, 0xbf])
		);
	});

	it('finishes on the main thread when the worker fails to load', async () => {
		const worker = new FakeWorker(() => null);
		const exporter = createExporter({ createWorker: () => worker as unknown as Worker });
		const pending = exporter.run({ ...request, format: 'kml' });
		worker.onerror?.({ message: 'Failed to fetch worker script' } as ErrorEvent);
		const file = await pending;
		expect(worker.terminated).toBe(true);
		expect(file.fileName).toBe('incident-atlas_all.kml');
		expect(await file.blob.text()).toContain('<Placemark>');
		// Later exports go straight to the main thread.
		expect((await exporter.run(request)).fileName).toBe('incident-atlas_all.geojson');
		expect(worker.received).toHaveLength(1);
	});

	it('rejects pending exports when destroyed', async () => {
		const worker = new FakeWorker(() => null);
		const exporter = createExporter({ createWorker: () => worker as unknown as Worker });
		const pending = exporter.run(request);
		exporter.destroy();
		await expect(pending).rejects.toThrow('Export cancelled');
	});
});

describe('createExporter().runRows', () => {
	const URL_ = 'http://atlas.test/data/dataset.json';
	const all = fixtureDataset().incidents.features;

	function rowsRequest(features = [mi24, madagizMine]): RowsRequest {
		const rows = rowIndices(features, all);
		return {
			format: 'geojson',
			rows,
			check: datasetCheck(all, fixtureDataset().meta, rows),
			filter: {},
			generatedAt: '2024-05-01T12:00:00.000Z'
		};
	}
	const fallback = () => ({ ...request, features: [mi24, madagizMine] });

	it('posts row numbers in a transferred Int32Array, never features or their context', async () => {
		const worker = new FakeWorker((m) => ({ id: m.id, ok: true, blob: blob('x'), fileName: 'x' }));
		const exporter = createExporter({ createWorker: () => worker as unknown as Worker });
		exporter.preload(URL_);
		const sent = rowsRequest();
		const file = await exporter.runRows(URL_, sent, fallback);
		expect(file?.fileName).toBe('x');
		expect(worker.loads).toEqual([URL_]);
		const message = worker.received[0];
		if (message.kind !== 'rows') throw new Error(`sent ${message.kind}`);
		expect(message.url).toBe(URL_);
		expect(message.request.rows).toBeInstanceOf(Int32Array);
		expect([...message.request.rows]).toEqual([1, 2]);
		expect(worker.transfers[0]).toHaveLength(1);
		expect(sent.rows.byteLength).toBe(0); // transferred, not copied
		const json = JSON.stringify(message);
		expect(json).not.toContain('"properties"');
		expect(json).not.toContain('"statements"');
		expect(json.length).toBeLessThan(3000);
	});

	it('exports on the main thread when the worker cannot load the dataset', async () => {
		const worker = new FakeWorker((m) => ({
			id: m.id,
			ok: false,
			error: 'GET /data/dataset.json answered 503',
			unavailable: true
		}));
		const exporter = createExporter({ createWorker: () => worker as unknown as Worker });
		const file = await exporter.runRows(URL_, rowsRequest(), fallback);
		const ids = JSON.parse(await file.blob.text()).features.map((f: { id: string }) => f.id);
		expect(ids).toEqual([mi24.id, madagizMine.id]);
	});

	it('rejects, without a fallback, when the worker’s dataset differs from the page’s', async () => {
		const worker = new FakeWorker((m) => ({
			id: m.id,
			ok: false,
			error: "The export worker's copy of the dataset differs from the page's (incident count)"
		}));
		const make = vi.fn(fallback);
		const exporter = createExporter({ createWorker: () => worker as unknown as Worker });
		await expect(exporter.runRows(URL_, rowsRequest(), make)).rejects.toThrow(/differs/);
		expect(make).not.toHaveBeenCalled();
	});

	it('exports on the main thread when no worker can be made', async () => {
		const exporter = createExporter({
			createWorker: () => {
				throw new Error('Worker is not defined');
			}
		});
		exporter.preload(URL_);
		const file = await exporter.runRows(URL_, rowsRequest([madagizMine]), () => request);
		expect(file.fileName).toBe('incident-atlas_all.geojson');
		expect(JSON.parse(await file.blob.text()).features[0].id).toBe(madagizMine.id);
	});
});
