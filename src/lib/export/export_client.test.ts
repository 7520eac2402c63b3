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

	it('rejects, saying why and where the files are, when no worker can be made', async () => {
		const exporter = createExporter({
			createWorker: () => {
				throw new Error('Worker is not defined');
			}
		});
		await expect(exporter.run({ ...request, format: 'incidents-csv' })).rejects.toThrow(
			/needs a Web Worker, which this browser could not run \(Worker is not defined\)\. The same files are served at \/api\/incidents\.geojson/
		);
	});

	it('rejects pending and later exports when the worker fails to load, without serialising on the page', async () => {
		const worker = new FakeWorker(() => null);
		const exporter = createExporter({ createWorker: () => worker as unknown as Worker });
		const pending = exporter.run({ ...request, format: 'kml' });
		worker.onerror?.({ message: 'Failed to fetch worker script' } as ErrorEvent);
		await expect(pending).rejects.toThrow(/could not run \(Failed to fetch worker script\)/);
		expect(worker.terminated).toBe(true);
		await expect(exporter.run(request)).rejects.toThrow(/Failed to fetch worker script/);
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

	it('sends the worker the incidents themselves when it cannot load the dataset', async () => {
		const worker = new FakeWorker((m) =>
			m.kind === 'rows'
				? { id: m.id, ok: false, error: 'GET /data/dataset.json answered 503', unavailable: true }
				: {
						id: m.id,
						ok: true,
						blob: blob(m.request.features.map((f) => f.id).join()),
						fileName: 'f'
					}
		);
		const exporter = createExporter({ createWorker: () => worker as unknown as Worker });
		const file = await exporter.runRows(URL_, rowsRequest(), fallback);
		expect(worker.received.map((m) => m.kind)).toEqual(['rows', 'features']);
		expect(await file.blob.text()).toBe(`${mi24.id},${madagizMine.id}`);
	});

	it('rejects, without resending, when the worker’s dataset differs from the page’s', async () => {
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

	it('rejects when no worker can be made, and never builds the features', async () => {
		const exporter = createExporter({
			createWorker: () => {
				throw new Error('Worker is not defined');
			}
		});
		exporter.preload(URL_);
		const make = vi.fn(() => request);
		await expect(exporter.runRows(URL_, rowsRequest([madagizMine]), make)).rejects.toThrow(
			/needs a Web Worker/
		);
		expect(make).not.toHaveBeenCalled();
	});
});
