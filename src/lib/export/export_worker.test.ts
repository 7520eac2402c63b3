import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkerReply, WorkerRequest } from './export_worker';
import { fixtureContext, madagizMine } from './test_fixtures';

/** Loads the worker module against a fake worker scope and returns what it posts back. */
async function loadWorker() {
	const posted: { message: WorkerReply; transfer?: Transferable[] }[] = [];
	const scope: {
		onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
		postMessage: (m: WorkerReply, t?: Transferable[]) => void;
	} = { onmessage: null, postMessage: (message, transfer) => posted.push({ message, transfer }) };
	vi.stubGlobal('self', scope);
	vi.resetModules();
	await import('./export_worker');
	return { scope, posted };
}

afterEach(() => vi.unstubAllGlobals());

describe('export_worker', () => {
	it('answers a request with the file as transferred UTF-8 bytes', async () => {
		const { scope, posted } = await loadWorker();
		scope.onmessage!({
			data: {
				id: 7,
				request: { format: 'geojson', features: [madagizMine], ctx: fixtureContext() }
			}
		} as MessageEvent<WorkerRequest>);
		const { message, transfer } = posted[0];
		expect(message.ok).toBe(true);
		if (!message.ok) return;
		expect(message.id).toBe(7);
		expect(message.fileName).toBe('incident-atlas_all.geojson');
		expect(transfer).toEqual([message.bytes]);
		const text = new TextDecoder().decode(message.bytes);
		expect(JSON.parse(text).features[0].properties.places[0].label).toBe('Madagiz / Sugovushan');
	});

	it('answers a failure with its message instead of dying', async () => {
		const { scope, posted } = await loadWorker();
		scope.onmessage!({
			data: { id: 8, request: { format: 'pdf', features: [], ctx: fixtureContext() } }
		} as unknown as MessageEvent<WorkerRequest>);
		expect(posted[0].message).toEqual({ id: 8, ok: false, error: 'Unknown export format "pdf"' });
	});
});
