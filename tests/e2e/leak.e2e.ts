import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASEMAP_FILES, type IncidentFeature } from '$lib/data/schema';
import { COLLECTIONS } from '$lib/editing/collections';
import { API_FILES } from '$lib/server/api/handler';
import { jsonHeaders, startStaffedServer, type StaffedServer } from './accounts';
import {
	newIncident,
	newPlace,
	newSource,
	newStatement,
	publishedIncident
} from './editing_records';
import { fillPattern, listRoutes } from './routes';
import { loadDataset } from '$lib/server/load';

const dataset = loadDataset('geodata');

/**
 * Nothing unpublished leaks: records in every unpublished state carry markers in every text field,
 * then every GET endpoint and page of `src/routes` (the list is read from the folders, so a new
 * route is requested too) is fetched anonymously and no marker may appear in any answer.
 */
const marker = (name: string) => `LEAK${name}${randomBytes(6).toString('hex')}`;
const SECRET = {
	newDraft: marker('NEWDRAFT'),
	inReview: marker('INREVIEW'),
	draftEdit: marker('DRAFTEDIT'),
	sentBack: marker('SENTBACK'),
	sentBackReason: marker('BACKREASON'),
	pendingAtRetraction: marker('RETRACTDRAFT'),
	snapshot: marker('SNAPSHOT'),
	publishedSourceSnapshot: marker('PUBSNAPSHOT')
};
/** Published on purpose: it must be found, or the scan proves nothing. */
const CONTROL = marker('PUBLISHED');

let staff: StaffedServer;
const ids: string[] = [];
let controlId = '';

async function call(method: string, path: string, body: unknown, token: string, extra = {}) {
	const r = await fetch(staff.server.url + path, {
		method,
		headers: jsonHeaders(token, extra),
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const json = await r.json();
	if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
	return { json, etag: r.headers.get('etag')! };
}
const create = async (collection: string, body: unknown) => {
	const { json } = await call('POST', `/api/${collection}`, body, staff.tokens.editor);
	ids.push(json.id);
	return json.id as string;
};
const move = (collection: string, id: string, status: string, reason = '') =>
	call(
		'POST',
		`/api/${collection}/${id}/status`,
		{ status, reason },
		status === 'in_review' ? staff.tokens.editor : staff.tokens.reviewer
	);
async function edit(collection: string, id: string, change: (body: IncidentFeature) => void) {
	const r = await fetch(`${staff.server.url}/api/${collection}/${id}`, {
		headers: { authorization: `Bearer ${staff.tokens.editor}` }
	});
	const body = await r.json();
	change(body);
	await call('PUT', `/api/${collection}/${id}`, body, staff.tokens.editor, {
		'if-match': r.headers.get('etag')!
	});
}
const published = 'thoidai-2020-11-24';
const snapshot = (source: string, text: string) =>
	call('PUT', `/api/sources/${source}/snapshot`, { text }, staff.tokens.editor);

beforeAll(async () => {
	staff = await startStaffedServer();
	// A new draft of every kind, linked to each other.
	const source = await create('sources', newSource(SECRET.newDraft));
	const place = await create('places', newPlace(SECRET.newDraft));
	const incident = await create('incidents', newIncident(SECRET.newDraft, { sources: [source] }));
	const statement = await create('statements', newStatement(SECRET.newDraft, source, [incident]));
	await edit('incidents', incident, (b) => {
		b.properties.statement_ids = [statement];
		b.properties.place_ids = [place];
	});
	// Submitted for review, not yet published.
	const review = await create('incidents', newIncident(SECRET.inReview, { sources: [published] }));
	await move('incidents', review, 'in_review');
	// Sent back with a reason.
	const back = await create('incidents', newIncident(SECRET.sentBack, { sources: [published] }));
	await move('incidents', back, 'in_review');
	await move('incidents', back, 'draft', `Reason ${SECRET.sentBackReason}`);
	// A draft edit of a published incident.
	const shipped = publishedIncident().id;
	ids.push(shipped);
	await edit('incidents', shipped, (b) => {
		b.properties.title = { en: `Title ${SECRET.draftEdit}`, vi: `Tiêu đề ${SECRET.draftEdit}` };
		b.properties.summary = { en: `Summary ${SECRET.draftEdit}`, vi: `Tóm tắt ${SECRET.draftEdit}` };
		b.properties.location_note = `Location ${SECRET.draftEdit}`;
		b.properties.actors = [`Actor ${SECRET.draftEdit}`];
	});
	// Published (the control), then a draft edit over it, then retracted.
	controlId = await create('incidents', newIncident(CONTROL, { sources: [published] }));
	await move('incidents', controlId, 'in_review');
	await move('incidents', controlId, 'published');
	const gone = await create(
		'incidents',
		newIncident(marker('RETRACTEDPUBLIC'), { sources: [published] })
	);
	await move('incidents', gone, 'in_review');
	await move('incidents', gone, 'published');
	await edit('incidents', gone, (b) => {
		b.properties.title.en = `Title ${SECRET.pendingAtRetraction}`;
		b.properties.summary.en = `Summary ${SECRET.pendingAtRetraction}`;
	});
	await move('incidents', gone, 'retracted', 'Reported twice');
	// A draft edit of a published source (its history page must not show it).
	await edit('sources', published, (b) => {
		(b as unknown as { note: string }).note = `Note ${SECRET.draftEdit}`;
	});
	// Snapshots (evidence for editors, never for readers): on the new draft source, and on a
	// published source with a published statement quoting it, so its excerpt route has a range.
	await snapshot(source, `Bài báo nháp. ${SECRET.snapshot} Hết.`);
	const quoting = dataset.statements.find((s) => s.source_id === published)!;
	await snapshot(published, `${SECRET.publishedSourceSnapshot}\n${quoting.quote.text}\nHết.`);
	const before = await call('GET', `/api/statements/${quoting.id}`, undefined, staff.tokens.editor);
	await call('PUT', `/api/statements/${quoting.id}`, before.json, staff.tokens.editor, {
		'if-match': before.etag
	});
	ids.push(published, quoting.id);
}, 300_000);
afterAll(async () => {
	await staff?.stop();
});

/** Every URL to request: each GET route and page of `src/routes`, its parameters filled. */
async function publicUrls(): Promise<string[]> {
	const ogc = (await (await fetch(`${staff.server.url}/ogc/collections`)).json()) as {
		collections: { id: string }[];
	};
	const ogcPaths = ['', 'api', 'conformance', 'collections'];
	for (const { id } of ogc.collections) {
		ogcPaths.push(`collections/${id}`, `collections/${id}/items`);
		for (const record of ids)
			ogcPaths.push(`collections/${id}/items/${encodeURIComponent(record)}`);
	}
	const values = (param: string, pattern: string): string[] | undefined => {
		if (param === 'id') return ids;
		if (param === 'collection') return Object.keys(COLLECTIONS);
		if (param === 'name') return [...BASEMAP_FILES];
		if (param === '...path' && pattern === '/api/[...path]') return [...API_FILES, ''];
		if (param === '...path' && pattern === '/ogc/[...path]') return ogcPaths;
		return undefined;
	};
	const urls: string[] = [];
	for (const route of listRoutes()) {
		const filled = fillPattern(route.pattern, values);
		if (route.methods.includes('GET')) urls.push(...filled);
		if (route.page) {
			urls.push(...filled, ...filled.map((u) => `${u === '/' ? '' : u}/__data.json`));
		}
	}
	return [...new Set(urls)];
}

describe('nothing unpublished leaks', () => {
	it('no anonymous GET of any route or page shows a draft, a record in review, a sent-back record or its reason, or an edit pending at retraction', async () => {
		const urls = await publicUrls();
		expect(urls).toEqual(
			expect.arrayContaining(['/', '/api/incidents.geojson', '/data/dataset.json'])
		);
		expect(urls).toContain(`/api/incidents/${encodeURIComponent(ids[0])}`);
		expect(urls).toContain(`/api/sources/${encodeURIComponent(ids[0])}/snapshot`);
		expect(urls).toContain(`/api/sources/${published}/snapshot`);
		expect(urls).toContain(`/history/sources/${published}`);
		expect(urls).toContain(`/history/places/${encodeURIComponent(ids[1])}/__data.json`);
		expect(urls).toContain(`/incidents/${encodeURIComponent(controlId)}/__data.json`);
		const leaks: string[] = [];
		const sawControl: string[] = [];
		for (const url of urls) {
			const r = await fetch(staff.server.url + url);
			const text = (await r.text()) + JSON.stringify([...r.headers]);
			expect(r.status, url).toBeLessThan(500);
			for (const [name, secret] of Object.entries(SECRET)) {
				if (text.includes(secret)) leaks.push(`${url}: ${name}`);
			}
			if (text.includes(CONTROL)) sawControl.push(url);
		}
		expect(leaks).toEqual([]);
		expect(sawControl).toEqual(
			expect.arrayContaining([
				'/api/incidents.geojson',
				'/data/dataset.json',
				`/incidents/${controlId}`,
				`/api/incidents/${controlId}`
			])
		);
	});

	it('a signed-in editor does see the drafts (the markers are really there)', async () => {
		const r = await fetch(`${staff.server.url}/api/incidents/${ids[2]}`, {
			headers: { authorization: `Bearer ${staff.tokens.editor}` }
		});
		expect(await r.text()).toContain(SECRET.newDraft);
	});

	it('a signed-in editor does see the snapshots and the excerpt range (they are really there)', async () => {
		const read = async (path: string) =>
			(
				await fetch(staff.server.url + path, {
					headers: { authorization: `Bearer ${staff.tokens.editor}` }
				})
			).text();
		expect(await read(`/api/sources/${ids[0]}/snapshot`)).toContain(SECRET.snapshot);
		expect(await read(`/api/sources/${published}/snapshot`)).toContain(
			SECRET.publishedSourceSnapshot
		);
		const quoting = dataset.statements.find((s) => s.source_id === published)!;
		expect(JSON.parse(await read(`/api/statements/${quoting.id}/excerpt`))).toMatchObject({
			start: SECRET.publishedSourceSnapshot.length + 1
		});
	});
});
