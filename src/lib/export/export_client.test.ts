import { describe, expect, it, vi } from 'vitest';
import { createExporter } from './export_client';
import type { WorkerReply, WorkerRequest } from './export_worker';
import type { ExportRequest } from './serialise';
import { fixtureContext, madagizMine } from './test_fixtures';

/** A stand-in for the module worker: answers each message like export_worker.ts would. */
class FakeWorker {
	onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	received: WorkerRequest[] = [];
	terminated = false;
	constructor(private answer: (m: WorkerRequest) => WorkerReply | null) {}
	postMessage(message: WorkerRequest) {
		structuredClone(message); // throws DataCloneError for uncloneable input, as postMessage does
		this.received.push(message);
		const reply = this.answer(message);
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
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('createExporter', () => {
	it('sends the request to the worker and turns its reply into a named Blob', async () => {
		const worker = new FakeWorker((m) => ({
			id: m.id,
			ok: true,
			bytes: bytes('{"type":"FeatureCollection"}'),
			type: 'application/geo+json',
			fileName: 'incident-atlas_all.geojson'
		}));
		const exporter = createExporter({ createWorker: () => worker as unknown as Worker });
		const file = await exporter.run(request);
		expect(worker.received[0].request.format).toBe('geojson');
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
					bytes: bytes(String(m.id)),
					type: 'text/plain',
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
			bytes: bytes('x'),
			type: 'text/plain',
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
