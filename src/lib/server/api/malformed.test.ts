import { describe, expect, it } from 'vitest';
import { malformedPathResponse } from './malformed';

describe('malformedPathResponse', () => {
	it('answers 400 JSON for an undecodable /ogc or /api path', async () => {
		for (const path of ['/ogc/collections/%E0%A4%A/items', '/api/%FF', '/ogc/%']) {
			const r = malformedPathResponse(new URL(`http://x${path}`));
			expect(r?.status, path).toBe(400);
			expect(r?.headers.get('content-type')).toBe('application/json');
			expect((await r!.json()).code).toBe('InvalidParameterValue');
		}
	});

	it('lets everything else through', () => {
		for (const path of [
			'/ogc',
			'/ogc/collections/T%C9%99rt%C9%99r',
			'/api/incidents.geojson',
			'/%E0%A4%A',
			'/ogcx/%E0'
		]) {
			expect(malformedPathResponse(new URL(`http://x${path}`)), path).toBeNull();
		}
	});
});
