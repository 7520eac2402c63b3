import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ExportMenu from './ExportMenu.svelte';
import { fixtureContext, madagizMine, mi24 } from './test_fixtures';

const { statements, sources, places, organizations, meta } = fixtureContext();
const context = { statements, sources, places, organizations, meta };

describe('ExportMenu (server render)', () => {
	it('renders an "Export" menu button with the four formats, menu closed', () => {
		const { body } = render(ExportMenu, {
			props: { features: [mi24, madagizMine], filter: {}, context }
		});
		expect(body).toMatch(
			/<button[^>]*aria-haspopup="menu"[^>]*aria-expanded="false"[^>]*>\s*Export\s*<\/button>/
		);
		expect(body).toMatch(/<ul[^>]*role="menu"[^>]*hidden/);
		const items = [...body.matchAll(/role="menuitem"[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);
		expect(items).toEqual(['GeoJSON', 'CSV (incidents)', 'CSV (statements)', 'KML']);
	});

	it('uses the incident variant’s label and any labels passed in t', () => {
		const { body } = render(ExportMenu, {
			props: {
				features: [],
				filter: {},
				context,
				incident: madagizMine,
				t: { exportIncident: 'Xuất sự kiện này', kml: 'KML (Google Earth)' }
			}
		});
		expect(body).toContain('Xuất sự kiện này');
		expect(body).toContain('KML (Google Earth)</button>');
		expect(body).toContain('GeoJSON</button>');
	});
});
