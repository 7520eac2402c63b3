import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLED_PATH, type CapturedMap } from './baseline';
import { glyphFile, startBaselineServer, type BaselineServer } from './baseline_server';

const GLYPHS = 'static/glyphs';
const STACK = 'Noto Sans,Noto Sans Armenian';

describe('glyphFile', () => {
	it('names a glyph file under the folder and nothing outside it', () => {
		expect(glyphFile(GLYPHS, `/glyphs/${encodeURIComponent(STACK)}/0-255.pbf`)).toMatch(
			/static\/glyphs\/Noto Sans,Noto Sans Armenian\/0-255\.pbf$/
		);
		expect(glyphFile(GLYPHS, '/glyphs/..%2F..%2Fpackage.json')).toBeNull();
		expect(glyphFile(GLYPHS, '/glyphs/..%2F..%2Fx.pbf')).toBeNull();
		expect(glyphFile(GLYPHS, `/glyphs/${encodeURIComponent(STACK)}/99999-100254.pbf`)).toBeNull();
		expect(glyphFile(GLYPHS, '/glyphs/%E0%A4%A.pbf')).toBeNull();
		expect(glyphFile(GLYPHS, '/data/basemap/countries.geojson')).toBeNull();
	});
});

describe('the baseline server over HTTP', () => {
	let server: BaselineServer;
	beforeAll(async () => {
		server = await startBaselineServer('geodata', mkdtempSync(join(tmpdir(), 'atlas-baseline-')));
	});
	afterAll(() => server.stop());

	it("serves the styled page, its sources and the app's glyph files", async () => {
		const captured: CapturedMap = {
			style: {
				version: 8,
				glyphs: 'atlas-glyphs://{fontstack}/{range}.pbf',
				sources: {
					incidents: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
				},
				layers: []
			},
			center: [46.5, 40],
			zoom: 8,
			width: 800,
			height: 600,
			images: []
		};
		const url = server.serveStyled(captured, 'http://127.0.0.1:1');
		expect(url).toBe(server.url + STYLED_PATH);
		const html = await fetch(url);
		expect(html.headers.get('content-type')).toContain('text/html');
		expect(await html.text()).toContain(`src="${STYLED_PATH}main.js"`);
		const script = await (await fetch(`${url}main.js`)).text();
		expect(script).toContain(`${server.url}${STYLED_PATH}source-incidents.geojson`);
		const source = await fetch(`${url}source-incidents.geojson`);
		expect(await source.json()).toEqual({ type: 'FeatureCollection', features: [] });
		const glyph = await fetch(`${server.url}/glyphs/${encodeURIComponent(STACK)}/0-255.pbf`);
		expect(glyph.status).toBe(200);
		expect((await glyph.arrayBuffer()).byteLength).toBeGreaterThan(1000);
		expect((await fetch(`${server.url}/glyphs/..%2F..%2Fpackage.json`)).status).toBe(404);
		expect((await fetch(`${server.url}/`)).status).toBe(200);
	});
});
