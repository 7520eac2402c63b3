import { readFileSync } from 'node:fs';
import { check } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { rfc7946Issues } from '$lib/geo/rfc7946';
import { toGeoJSON } from './geojson';
import { fixtureContext, lineOfContact2016, madagizMine, mi24 } from './test_fixtures';

const all = [lineOfContact2016, mi24, madagizMine];

describe('toGeoJSON', () => {
	it('produces exactly the pinned file for the Madagiz mine', () => {
		const pinned = readFileSync(new URL('./pinned/madagiz-mine.geojson', import.meta.url), 'utf8');
		const out = toGeoJSON([madagizMine], fixtureContext({ from: '2020-11-01', q: 'Madagiz' }));
		// Compact output, byte for byte: parsing keeps key order, so this pins order and values.
		expect(out).toBe(JSON.stringify(JSON.parse(pinned)));
	});

	it('is valid GeoJSON (check-geojson) and RFC 7946 compliant (our checks)', () => {
		const out = toGeoJSON(all, fixtureContext());
		expect(() => check(out)).not.toThrow();
		expect(rfc7946Issues(JSON.parse(out))).toEqual([]);
	});

	it('rounds coordinates to 6 decimals and has no crs', () => {
		const fc = JSON.parse(toGeoJSON([madagizMine], fixtureContext()));
		expect(fc.crs).toBeUndefined();
		expect(fc.features[0].geometry.coordinates).toEqual([46.750222, 40.325861]);
		const coarse = JSON.parse(toGeoJSON([madagizMine], fixtureContext(), { precision: 3 }));
		expect(coarse.features[0].geometry.coordinates).toEqual([46.75, 40.326]);
	});

	it('gives each feature a top-level id and keeps line geometry whole', () => {
		const fc = JSON.parse(toGeoJSON(all, fixtureContext()));
		expect(fc.features.map((f: { id: string }) => f.id)).toEqual([
			'2016-04-02-line-of-contact',
			'2016-04-02-mi24',
			'2020-11-23-madagiz-mine'
		]);
		expect(fc.features[0].geometry).toEqual(lineOfContact2016.geometry);
	});

	it('makes each feature stand alone: claims, statements (both link directions) and sources', () => {
		const fc = JSON.parse(toGeoJSON([lineOfContact2016], fixtureContext()));
		const p = fc.features[0].properties;
		expect(p.claims.map((c: { claimant: string }) => c.claimant)).toEqual([
			'Ministry of Defence of Azerbaijan',
			'AFP',
			'Serzh Sargsyan'
		]);
		expect(p.statements.map((s: { id: string }) => s.id)).toEqual([
			'st-2016-04-02-az-mod',
			'st-2016-04-02-ban-ki-moon'
		]);
		expect(p.statements[1]).toMatchObject({
			speaker: { name: 'Ban Ki-moon', organization_id: 'un', organization: 'United Nations' },
			said_on: '2016-04-02',
			form: 'reported',
			attribution:
				"As reported by Báo Dân tộc và Phát triển: Ban Ki-moon (Secretary-General, United Nations), in the outlet's words, not the speaker's",
			quote: { lang: 'vi' },
			translation: { by: 'Incident Atlas' },
			source_id: 'dantocmiennui-2016-04'
		});
		expect(p.sources).toEqual([
			{
				id: 'dantocmiennui-2016-04',
				publisher: 'Báo Dân tộc và Phát triển',
				title: 'Giao tranh ác liệt tại khu vực tranh chấp Nagorno-Karabagh và phản ứng của quốc tế',
				url: 'https://dantocmiennui.vn/giao-tranh-ac-liet-tai-khu-vuc-tranh-chap-nagorno-karabagh-va-phan-ung-cua-quoc-te-post49359.html',
				published: '2016-04-02'
			},
			{
				id: 'armradio-2016-04-02',
				publisher: 'Public Radio of Armenia',
				title: '18 Armenian soldiers killed, 30 wounded: Serzh Sargsyan',
				url: 'https://en.armradio.am/2016/04/02/18-armenian-soldiers-killed-30-wounded-serzh-sargsyan/',
				published: '2016-04-02'
			}
		]);
		expect(p.places.map((pl: { label: string }) => pl.label)).toEqual([
			'Talish',
			'Madagiz / Sugovushan'
		]);
	});

	it('records the dataset version (the last published revision) when the dataset has one', () => {
		const withRevision = JSON.parse(toGeoJSON([], { ...fixtureContext(), revision: 17 }));
		expect(withRevision.metadata).toMatchObject({ version: '1.0.0-test', dataset_version: 17 });
		expect(JSON.parse(toGeoJSON([], fixtureContext())).metadata).not.toHaveProperty(
			'dataset_version'
		);
	});

	it('records the filter, the time, the version and the licence in metadata', () => {
		const fc = JSON.parse(
			toGeoJSON([], {
				...fixtureContext({ types: ['Battles'] }),
				selection: 'incident 2016-04-02-mi24'
			})
		);
		expect(fc.features).toEqual([]);
		expect(fc.metadata).toMatchObject({
			version: '1.0.0-test',
			generated_at: '2024-05-01T12:00:00.000Z',
			filter: { types: ['Battles'] },
			selection: 'incident 2016-04-02-mi24',
			count: 0,
			licence: 'CC BY 4.0 (our curation); quotes © their publishers'
		});
		expect(() => check(JSON.stringify(fc))).not.toThrow();
	});

	it('keeps quotes verbatim, including characters JSON must escape', () => {
		const hostile = {
			...fixtureContext(),
			statements: fixtureContext().statements.map((s) =>
				s.id === 'st-2020-11-23-russian-mod'
					? { ...s, quote: { lang: 'vi', text: '"</script><b>\u2028 ngừng bắn\\' } }
					: s
			)
		};
		const fc = JSON.parse(toGeoJSON([madagizMine], hostile));
		expect(fc.features[0].properties.statements[0].quote.text).toBe(
			'"</script><b>\u2028 ngừng bắn\\'
		);
	});

	it('indents on request without changing the content', () => {
		const compact = toGeoJSON(all, fixtureContext());
		const indented = toGeoJSON(all, fixtureContext(), { indent: 2 });
		expect(indented).toContain('\n  "metadata"');
		expect(JSON.parse(indented)).toEqual(JSON.parse(compact));
	});
});
