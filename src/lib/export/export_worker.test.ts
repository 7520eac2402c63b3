import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkerReply, WorkerRequest } from './export_worker';
import { datasetCheck, rowIndices } from './rows';
import { serialiseExport } from './serialise';
import { fixtureContext, fixtureDataset, madagizMine, mi24 } from './test_fixtures';

const URL_ = 'http://atlas.test/data/dataset.json';

/** Loads the worker module against a fake worker scope and a fake `fetch` serving `body`. */
async function loadWorker(body: unknown = fixtureDataset(), status = 200) {
	const posted: WorkerReply[] = [];
	const scope: {
		onmessage: ((e: MessageEvent<WorkerRequest>) => Promise<void>) | null;
		postMessage: (m: WorkerReply) => void;
	} = { onmessage: null, postMessage: (message) => posted.push(message) };
	const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }));
	vi.stubGlobal('self', scope);
	vi.stubGlobal('fetch', fetch);
	vi.resetModules();
	await import('./export_worker');
	const send = (data: WorkerRequest) => scope.onmessage!({ data } as MessageEvent<WorkerRequest>);
	return { send, posted, fetch };
}

function rowsRequest(id: number, features = [mi24, madagizMine]) {
	const all = fixtureDataset().incidents.features;
	const rows = rowIndices(features, all);
	return {
		kind: 'rows' as const,
		id,
		url: URL_,
		request: {
			format: 'geojson' as const,
			rows,
			check: datasetCheck(all, fixtureDataset().meta, rows),
			filter: { types: ['Battles'] },
			generatedAt: '2024-05-02T10:00:00.000Z'
		}
	};
}

afterEach(() => vi.unstubAllGlobals());

describe('export_worker', () => {
	it('answers a features request with the file as a Blob', async () => {
		const { send, posted } = await loadWorker();
		await send({
			kind: 'features',
			id: 7,
			request: { format: 'geojson', features: [madagizMine], ctx: fixtureContext() }
		});
		const message = posted[0];
		expect(message.ok).toBe(true);
		if (!message.ok) return;
		expect(message.id).toBe(7);
		expect(message.fileName).toBe('incident-atlas_all.geojson');
		expect(message.blob.type).toBe('application/geo+json');
		const fc = JSON.parse(await message.blob.text());
		expect(fc.features[0].properties.places[0].label).toBe('Madagiz / Sugovushan');
	});

	it('exports rows of the dataset it fetched itself, byte for byte what the page would make', async () => {
		const { send, posted, fetch } = await loadWorker();
		await send({ kind: 'load', url: URL_ });
		await send(rowsRequest(1));
		await send(rowsRequest(2, [madagizMine]));
		expect(fetch).toHaveBeenCalledTimes(1);
		expect(fetch).toHaveBeenCalledWith(URL_);
		const [first, second] = posted;
		if (!first.ok || !second.ok) throw new Error(JSON.stringify(posted));
		const expected = serialiseExport({
			format: 'geojson',
			features: [mi24, madagizMine],
			ctx: {
				...fixtureContext({ types: ['Battles'] }),
				generatedAt: '2024-05-02T10:00:00.000Z'
			}
		});
		expect(first.fileName).toBe('incident-atlas_battles.geojson');
		expect(await first.blob.text()).toBe(expected.text);
		const ids = JSON.parse(await second.blob.text()).features.map((f: { id: string }) => f.id);
		expect(ids).toEqual([madagizMine.id]);
	});

	it('refuses to export when its dataset is not the page’s', async () => {
		const other = { ...fixtureDataset(), meta: { ...fixtureDataset().meta, version: '2.0.0' } };
		const { send, posted } = await loadWorker(other);
		await send(rowsRequest(3));
		expect(posted[0]).toMatchObject({ id: 3, ok: false });
		expect(posted[0].ok || posted[0].error).toMatch(/differs from the page's \(meta\.version/);
		expect(posted[0].ok || posted[0].unavailable).toBeFalsy();
	});

	it('says the dataset is unavailable when it cannot be fetched, and retries next time', async () => {
		const { send, posted, fetch } = await loadWorker({}, 503);
		await send(rowsRequest(4));
		await send(rowsRequest(5));
		expect(posted[0]).toMatchObject({ id: 4, ok: false, unavailable: true });
		expect(posted[0].ok || posted[0].error).toContain(`GET ${URL_} answered 503`);
		expect(fetch).toHaveBeenCalledTimes(2);
	});

	it('answers a failure with its message instead of dying', async () => {
		const { send, posted } = await loadWorker();
		await send({
			kind: 'features',
			id: 8,
			request: { format: 'pdf', features: [], ctx: fixtureContext() }
		} as unknown as WorkerRequest);
		expect(posted[0]).toEqual({ id: 8, ok: false, error: 'Unknown export format "pdf"' });
	});
});
